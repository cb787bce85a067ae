//! Dumps every report (verdict, score, and each finding's rule, weight, field, span, message and
//! evidence) for the development corpus and the case files, one line per item, so that a change
//! meant to be behaviour-neutral (a speed-up) can be checked by diffing two dumps:
//!
//!     cargo run --release -p mcpguard-detect --example dump -- [CORPUS_DIR] > before.txt
//!     ... change ...
//!     cargo run --release -p mcpguard-detect --example dump -- [CORPUS_DIR] > after.txt
//!     diff before.txt after.txt

use std::path::{Path, PathBuf};

use mcpguard_detect::{Engine, Report};
use serde_json::{json, Value};

fn line(label: &str, r: &Report) -> String {
    let mut s = format!("{label}\t{}\t{}", r.verdict.as_str(), r.score);
    for f in &r.findings {
        let span = f
            .span
            .map_or("-".to_owned(), |sp| format!("{}..{}", sp.start, sp.end));
        s.push_str(&format!(
            "\n  {}:{} @{} {span} | {} | {}",
            f.rule_id, f.weight, f.field, f.message, f.evidence
        ));
    }
    s
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"));
    let engine = Engine::default();
    for split in ["tune", "val"] {
        for (i, row) in jsonl(&dir.join(format!("mcptox/{split}.jsonl")))
            .iter()
            .enumerate()
        {
            let tool = json!({"name": row["tool_name"], "description": row["description"], "inputSchema": {"type": "object"}});
            println!(
                "{}",
                line(&format!("{split}[{i}]"), &engine.scan_tool(&tool))
            );
        }
    }
    for (i, row) in jsonl(&dir.join("benign/tools.jsonl")).iter().enumerate() {
        println!(
            "{}",
            line(&format!("benign[{i}]"), &engine.scan_tool(&row["tool"]))
        );
    }
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&cases)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
            .unwrap_or(Value::Null);
        let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("?");
        for case in doc["cases"].as_array().into_iter().flatten() {
            let name = format!("{file}/{}", case["name"].as_str().unwrap_or("?"));
            let r = if let Some(t) = case.get("tool") {
                engine.scan_tool(t)
            } else if let Some(p) = case.get("prompt") {
                engine.scan_prompt(p)
            } else if let Some(r) = case.get("resource") {
                engine.scan_resource(r)
            } else if let Some(t) = case.get("text").and_then(Value::as_str) {
                engine.scan_text("text", t)
            } else {
                continue;
            };
            println!("{}", line(&name, &r));
        }
    }
}
