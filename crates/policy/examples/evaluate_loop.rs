//! Make a fixed number of decisions, for instruction counts (the criterion bench is noisy on a
//! shared machine; callgrind is not):
//!
//!     cargo build --release -p mcpguard-policy --example evaluate_loop
//!     valgrind --tool=callgrind target/release/examples/evaluate_loop cedar 0 2000
//!
//! Arguments: `toml` or `cedar` (which engine), the index of the request in the bench's list
//! (`benches/cases/mod.rs`), and how many decisions to make. Run once with 0 decisions and subtract
//! to get the cost of the decisions alone. `fs 0 N` makes the first request with the gateway's
//! `FsResolver`, on a file in a temporary project (callgrind counts no time spent in the kernel).

#[path = "../benches/cases/mod.rs"]
mod cases;

use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [engine, index, count] = args.as_slice() else {
        eprintln!("usage: evaluate_loop toml|cedar|fs INDEX COUNT");
        std::process::exit(2);
    };
    let (with_cedar, toml_only) = cases::engines();
    let (_dir, with_fs, file) = cases::fs_engine();
    let inputs = cases::Inputs::new();
    let mut requests = inputs.requests();
    let args = serde_json::json!({ "path": file });
    let engine = match engine.as_str() {
        "cedar" => &with_cedar,
        "fs" => {
            requests[0].1 = inputs.read_file(&args);
            &with_fs
        }
        _ => &toml_only,
    };
    let (name, request) = &requests[index.parse::<usize>().expect("an index")];
    let count: usize = count.parse().expect("a count");
    let mut last = None;
    for _ in 0..count {
        last = Some(black_box(engine.evaluate(black_box(request))));
    }
    if let Some(d) = last {
        println!("{name}: {} {:?} {}", d.verdict, d.rules, d.reason);
    }
}
