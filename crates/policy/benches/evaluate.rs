//! What one policy decision costs: `Engine::evaluate` for typical requests, with and without Cedar.
//!
//! Goal (issue 5): under 20 µs per decision including Cedar. The engines are the shipped example
//! (`examples/policies/`, 4 Cedar policies) and the same TOML without its Cedar file. Paths are
//! resolved lexically here (no filesystem), so the figure is the engine's own work; the gateway's
//! `FsResolver` adds one `canonicalize` per path argument.
//!
//! The machines this runs on are shared with compilers, so each iteration is timed on the thread's
//! CPU clock (`CLOCK_THREAD_CPUTIME_ID`), not the wall clock: time spent waiting for a core is not
//! the engine's cost. Run: `cargo bench -p mcpguard-policy --bench evaluate`.

mod cases;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Bencher, Criterion};
use mcpguard_policy::{Engine, Request};

/// CPU time this thread has used.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant the kernel knows.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

/// Time `engine.evaluate(req)` on the thread's CPU clock.
fn run(b: &mut Bencher<'_>, engine: &Engine, req: &Request<'_>) {
    b.iter_custom(|iters| {
        let start = thread_cpu();
        for _ in 0..iters {
            black_box(engine.evaluate(black_box(req)));
        }
        thread_cpu().saturating_sub(start)
    })
}

fn bench(c: &mut Criterion) {
    let (with_cedar, toml_only) = cases::engines();
    let inputs = cases::Inputs::new();
    let mut g = c.benchmark_group("evaluate");
    for (name, engine) in [("toml", &toml_only), ("toml+cedar", &with_cedar)] {
        for (request, req) in inputs.requests() {
            g.bench_function(format!("{name}/{request}"), |b| run(b, engine, &req));
        }
    }
    // The same first request through the gateway's resolver: one `canonicalize` (system calls)
    // per path argument, reported apart because it is the filesystem's cost, not the engine's.
    let (_dir, fs_engine, file) = cases::fs_engine();
    let args = serde_json::json!({ "path": file });
    let req = inputs.read_file(&args);
    g.bench_function("toml+cedar+fs/call read_file (path in root)", |b| {
        run(b, &fs_engine, &req)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
