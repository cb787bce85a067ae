//! Prints the full report for tool definitions given as JSON Lines on standard input (a debugging
//! aid for rule development): `... | cargo run -p mcpguard-detect --example explain`.
//! With `EXPLAIN_MESSAGES` set, each finding's message follows it on a line of its own.

use std::io::BufRead;

use mcpguard_detect::Engine;

fn main() {
    let engine = Engine::default();
    let messages = std::env::var_os("EXPLAIN_MESSAGES").is_some();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            eprintln!("explain: not JSON: {line}");
            continue;
        };
        let tool = v.get("tool").cloned().unwrap_or(v);
        let r = engine.scan_tool(&tool);
        println!(
            "{} -> {} {}",
            tool.get("name").and_then(|n| n.as_str()).unwrap_or("?"),
            r.verdict.as_str(),
            r.score
        );
        for f in &r.findings {
            println!(
                "  {:<32} {:>3} {} | {} | {:?}",
                f.rule_id, f.weight, f.field, f.evidence, f.span
            );
            if messages {
                println!("      ({})", f.message);
            }
        }
    }
}
