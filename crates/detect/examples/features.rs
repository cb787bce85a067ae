//! For each tool definition given as JSON Lines on standard input (`{"tool": {...}}` or a bare
//! tool), prints one line: the rules' score (the engine with the learned model turned off), a
//! tab, the learned model's feature buckets, space-separated, a tab, and the rules' findings as
//! `rule_id:weight` — what
//! `scripts/learned/train.py` trains on, so that training reads exactly the features the engine
//! computes, and can weigh the model's thresholds against the rules' scores. A line that is
//! not JSON prints `0` and no features.

use std::io::{BufRead, Write};

use mcpguard_detect::{Config, Engine};

fn main() {
    let engine = Engine::new(Config {
        learned: false,
        ..Config::default()
    })
    .expect("default config");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let (report, feats) = match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(v) => {
                let tool = v.get("tool").cloned().unwrap_or(v);
                (
                    Some(engine.scan_tool(&tool)),
                    engine.learned_features(&tool),
                )
            }
            Err(_) => (None, Vec::new()),
        };
        let s: Vec<String> = feats.iter().map(u32::to_string).collect();
        let score = report.as_ref().map_or(0, |r| r.score);
        let rules: Vec<String> = report
            .iter()
            .flat_map(|r| &r.findings)
            .map(|f| format!("{}:{}", f.rule_id, f.weight))
            .collect();
        writeln!(out, "{score}\t{}\t{}", s.join(" "), rules.join(" ")).expect("stdout");
    }
}
