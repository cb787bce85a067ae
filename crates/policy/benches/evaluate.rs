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

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Bencher, Criterion};
use mcpguard_policy::{
    read_policy, Annotations, Engine, FindingFact, LexicalResolver, Request, Severity,
};
use serde_json::json;

fn engines() -> (Engine, Engine) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/policies/mcpguard.toml");
    let loaded = read_policy(Some(&file), &[]).expect("example loads");
    let with_cedar = Engine::compile(&loaded.config, &loaded.cedar, Arc::new(LexicalResolver))
        .expect("example compiles");
    let mut toml_only = loaded.config.clone();
    toml_only.cedar.files.clear();
    let without = Engine::compile(&toml_only, &[], Arc::new(LexicalResolver)).expect("compiles");
    (with_cedar, without)
}

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
    let (with_cedar, toml_only) = engines();
    let read = json!({"path": "/home/user/project/src/main.rs"});
    let escape = json!({"path": "../../etc/passwd"});
    let fetch = json!({"url": "https://docs.python.org/3/library/json.html", "max_length": 5000});
    let findings = vec![FindingFact {
        rule: "hidden.zero_width".to_string(),
        severity: Severity::Low,
    }];
    let taint = vec!["untrusted_content".to_string()];
    let ro = Annotations {
        read_only: Some(true),
        ..Annotations::default()
    };

    let mut g = c.benchmark_group("evaluate");
    for (name, engine) in [("toml", &toml_only), ("toml+cedar", &with_cedar)] {
        g.bench_function(format!("{name}/call read_file (path in root)"), |b| {
            let req = Request::call_tool("filesystem", "read_file", Some(&read))
                .with_principal("claude-desktop")
                .with_annotations(ro)
                .with_findings(&findings)
                .with_taint(&taint);
            run(b, engine, &req)
        });
        g.bench_function(format!("{name}/call read_file (escape, denied)"), |b| {
            let req = Request::call_tool("filesystem", "read_file", Some(&escape));
            run(b, engine, &req)
        });
        g.bench_function(format!("{name}/call fetch (host allowlist)"), |b| {
            let req = Request::call_tool("fetch", "fetch", Some(&fetch)).with_taint(&taint);
            run(b, engine, &req)
        });
        g.bench_function(format!("{name}/list git_push (hidden)"), |b| {
            let req = Request::list_tool("git", "git_push");
            run(b, engine, &req)
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
