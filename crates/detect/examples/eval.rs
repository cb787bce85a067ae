//! Evaluation harness: recall and false-positive rates on the MCPTox splits and benign real tools.
//!
//! Usage (from the repository root):
//!     cargo run --release -p mcpguard-detect --example eval -- [CORPUS_DIR] [--show-misses] [--show-fp] [--show-warn]
//! CORPUS_DIR defaults to `../shared/corpus` (the corpus sits beside the repository).
//! Rows of `mcptox/{tune,val}.jsonl` are judged as `{"name", "description", "inputSchema"}`;
//! `benign/tools.jsonl` rows carry a full tool definition.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mcpguard_detect::{Engine, Report, Verdict};
use serde_json::{json, Value};

struct Opts {
    dir: PathBuf,
    show_misses: bool,
    show_fp: bool,
    show_warn: bool,
}

fn opts() -> Opts {
    let mut dir = None;
    let mut o = Opts {
        dir: PathBuf::new(),
        show_misses: false,
        show_fp: false,
        show_warn: false,
    };
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--show-misses" => o.show_misses = true,
            "--show-fp" => o.show_fp = true,
            "--show-warn" => o.show_warn = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    o.dir = dir.unwrap_or_else(|| {
        let beside = PathBuf::from("../shared/corpus");
        if beside.exists() {
            beside
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        }
    });
    o
}

fn rows(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("eval: cannot read {}: {e}", path.display());
        std::process::exit(2)
    });
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| {
                eprintln!("eval: {}:{}: {e}", path.display(), i + 1);
                std::process::exit(2)
            })
        })
        .collect()
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "n/a".into()
    } else {
        format!("{:.2}% ({n}/{d})", 100.0 * n as f64 / d as f64)
    }
}

fn brief(r: &Report) -> String {
    let ids: Vec<String> = r
        .findings
        .iter()
        .map(|f| format!("{}:{}", f.rule_id, f.weight))
        .collect();
    format!("score {} [{}]", r.score, ids.join(", "))
}

fn mcptox(engine: &Engine, name: &str, path: &Path, o: &Opts) {
    let data = rows(path);
    let (mut pos, mut blocked, mut flagged) = (0, 0, 0);
    let (mut neg, mut neg_block, mut neg_warn) = (0, 0, 0);
    let mut miss_by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for row in &data {
        let desc = row.get("description").and_then(Value::as_str).unwrap_or("");
        let tool_name = row.get("tool_name").and_then(Value::as_str).unwrap_or("");
        let tool =
            json!({"name": tool_name, "description": desc, "inputSchema": {"type": "object"}});
        let r = engine.scan_tool(&tool);
        let poisoned = row
            .get("is_poisoned")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if poisoned {
            pos += 1;
            let para = row.get("paradigm").and_then(Value::as_str).unwrap_or("?");
            let cat = row
                .get("risk_category")
                .and_then(Value::as_str)
                .unwrap_or("?");
            for key in [format!("paradigm {para}"), format!("category {cat}")] {
                let e = miss_by.entry(key).or_default();
                e.1 += 1;
                if r.verdict != Verdict::Block {
                    e.0 += 1;
                }
            }
            if r.verdict == Verdict::Block {
                blocked += 1;
            } else if o.show_misses {
                println!(
                    "  MISS [{}] {para} {cat} {tool_name}: {}\n      {}",
                    r.verdict.as_str(),
                    brief(&r),
                    desc
                );
            }
            if r.verdict != Verdict::Pass {
                flagged += 1;
            }
        } else {
            neg += 1;
            match r.verdict {
                Verdict::Block => {
                    neg_block += 1;
                    if o.show_fp {
                        println!("  FP [block] {tool_name}: {}\n      {}", brief(&r), desc);
                    }
                }
                Verdict::Warn => {
                    neg_warn += 1;
                    if o.show_warn {
                        println!("  WARN {tool_name}: {}\n      {}", brief(&r), desc);
                    }
                }
                Verdict::Pass => {}
            }
        }
    }
    println!(
        "== mcptox/{name}: {} rows ({pos} poisoned, {neg} clean)",
        data.len()
    );
    println!("  recall (blocked poisoned):        {}", pct(blocked, pos));
    println!("  flagged poisoned (warn or block): {}", pct(flagged, pos));
    println!(
        "  clean blocked (FPR):              {}",
        pct(neg_block, neg)
    );
    println!("  clean warned:                     {}", pct(neg_warn, neg));
    println!("  misses (not blocked) by paradigm and category:");
    for (k, (m, t)) in &miss_by {
        println!("    {k:<36} {m:>3} of {t}");
    }
}

fn benign(engine: &Engine, path: &Path, o: &Opts) {
    let data = rows(path);
    let (mut block, mut warn) = (0, 0);
    for row in &data {
        let tool = row.get("tool").cloned().unwrap_or(Value::Null);
        let r = engine.scan_tool(&tool);
        let server = row.get("server").and_then(Value::as_str).unwrap_or("?");
        let name = tool.get("name").and_then(Value::as_str).unwrap_or("?");
        match r.verdict {
            Verdict::Block => {
                block += 1;
                if o.show_fp {
                    println!("  FP [block] {server} / {name}: {}", brief(&r));
                    for f in &r.findings {
                        println!("      {} @ {}: {}", f.rule_id, f.field, f.evidence);
                    }
                }
            }
            Verdict::Warn => {
                warn += 1;
                if o.show_warn {
                    println!("  WARN {server} / {name}: {}", brief(&r));
                    for f in &r.findings {
                        println!("      {} @ {}: {}", f.rule_id, f.field, f.evidence);
                    }
                }
            }
            Verdict::Pass => {}
        }
    }
    println!("== benign/tools.jsonl: {} real tools", data.len());
    println!("  blocked (FPR): {}", pct(block, data.len()));
    println!("  warned:        {}", pct(warn, data.len()));
}

fn main() {
    let o = opts();
    let engine = Engine::default();
    println!("corpus: {}", o.dir.display());
    for split in ["tune", "val"] {
        mcptox(
            &engine,
            split,
            &o.dir.join("mcptox").join(format!("{split}.jsonl")),
            &o,
        );
    }
    benign(&engine, &o.dir.join("benign/tools.jsonl"), &o);
}
