//! Scans the MCPTox tune split repeatedly and prints tools per second (a quick check besides the
//! criterion bench): `cargo run --release -p mcpguard-detect --example throughput -- [CORPUS_DIR]`.

use std::time::Instant;

use mcpguard_detect::Engine;
use serde_json::{json, Value};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus".into());
    let text = std::fs::read_to_string(format!("{dir}/mcptox/tune.jsonl")).unwrap_or_default();
    let tools: Vec<Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|r| json!({"name": r["tool_name"], "description": r["description"], "inputSchema": {"type": "object"}}))
        .collect();
    if tools.is_empty() {
        eprintln!("throughput: no tools read from {dir}/mcptox/tune.jsonl");
        std::process::exit(2);
    }
    let engine = Engine::default();
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &tools {
            std::hint::black_box(engine.scan_tool(t));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = (rounds * tools.len()) as f64;
    println!(
        "{n} tool scans in {secs:.3} s: {:.0} tools/s, {:.2} us/tool",
        n / secs,
        secs * 1e6 / n
    );
}
