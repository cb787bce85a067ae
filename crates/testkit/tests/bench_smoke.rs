//! The benchmark harness runs end to end and reports every variant and size. It asserts nothing
//! about timing: this is a test that the harness works, not a timed test.
//!
//! The gateway variant needs the `mcpguard` binary next to the testkit's (cargo builds it there
//! when the workspace's tests are built, or set `MCPGUARD_BIN`); without it the test covers the
//! other variants and says so.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn mcpguard() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MCPGUARD_BIN") {
        return Some(PathBuf::from(p));
    }
    let bench = PathBuf::from(env!("CARGO_BIN_EXE_mcp-bench"));
    let sibling = bench.parent()?.join("mcpguard");
    sibling.exists().then_some(sibling)
}

#[test]
fn the_harness_reports_every_variant_and_size() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mcp-bench"));
    cmd.args([
        "--iterations",
        "3",
        "--warmup",
        "1",
        "--budget-secs",
        "20",
        "--json",
    ]);
    let mut expected = vec!["direct", "relay", "line-relay"];
    match mcpguard() {
        Some(path) => {
            cmd.arg("--mcpguard")
                .arg(path)
                .args(["--variants", "relay,line-relay,gateway"]);
            expected.push("gateway");
        }
        None => {
            eprintln!("note: no mcpguard binary next to mcp-bench: the gateway variant is not run");
            cmd.args(["--variants", "relay,line-relay"]);
        }
    }
    let out = cmd.output().expect("mcp-bench runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "mcp-bench failed: {}\n{stderr}",
        out.status
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("mcp-bench --json prints JSON");

    let names: Vec<&str> = report["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .map(|v| v["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, expected);
    let sizes: Vec<u64> = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["size"].as_u64().expect("a size"))
        .collect();
    assert_eq!(sizes, [1024, 100 * 1024, 1024 * 1024]);
    assert_eq!(report["rounds"], 3);
    for r in report["results"].as_array().expect("results") {
        for name in &expected {
            let v = &r["variants"][name];
            assert_eq!(v["n"], 3, "{name} at {}", r["size"]);
            for key in ["p50_us", "p99_us", "mean_us", "calls_per_s", "mb_per_s"] {
                assert!(
                    v[key].as_f64().is_some_and(|x| x > 0.0),
                    "{name}.{key}: {v}"
                );
            }
        }
        assert!(r["variants"]["relay"]["added_p50_us"].is_number());
    }
    assert_eq!(report["goals"].as_array().map(Vec::len), Some(4));
}
