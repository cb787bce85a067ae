//! Dumps every finding (rule id, field, span, weight) of the content scanner and every secret match
//! (rule, span, verified) over the content case files, this repository's text files and the
//! benign tool corpus, one line each, so that two builds can be compared with `diff`.
//!
//! Usage: `cargo run --release -p mcpguard-detect --example findings_dump [DIR] > before.txt`

#[path = "../tests/content/support.rs"]
mod support;

use std::path::{Path, PathBuf};

use mcpguard_detect::content::ContentScanner;
use mcpguard_detect::secrets::SecretScanner;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "heldout" {
            continue;
        }
        if p.is_dir() {
            files(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("rs" | "md" | "txt" | "json" | "jsonl" | "toml" | "py")
        ) {
            out.push(p);
        }
    }
}

fn dump(content: &ContentScanner, secrets: &SecretScanner, name: &str, text: &str) {
    let r = content.scan_text("/t", text);
    println!("## {name} verdict={:?} score={}", r.verdict, r.score);
    let mut f: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            let span = f.span.map(|s| (s.start, s.end));
            format!(
                "C {} {} {:?} w={} {}",
                f.rule_id, f.field, span, f.weight, f.evidence
            )
        })
        .collect();
    f.sort();
    for l in f {
        println!("{l}");
    }
    for m in secrets.find(text) {
        println!(
            "S {} {}..{} verified={}",
            m.rule, m.start, m.end, m.verified
        );
    }
}

fn main() {
    let content = ContentScanner::default();
    let secrets = SecretScanner::shared();
    for file in ["injected.txt", "benign.txt"] {
        for c in support::cases(&support::dir().join(file)) {
            dump(&content, secrets, &format!("{file}:{}", c.name), &c.text);
        }
    }
    // A directory given as argument is read instead of this repository (a frozen copy keeps two
    // runs comparable while the sources change).
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    let mut all = Vec::new();
    files(&root.join("crates"), &mut all);
    files(&root.join("docs"), &mut all);
    let corpus = Path::new("/work/shared/corpus/benign/tools.jsonl");
    for p in all.iter().map(PathBuf::as_path).chain([corpus]) {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        let rel = p.strip_prefix(&root).unwrap_or(p).display().to_string();
        dump(&content, secrets, &rel, &text);
        if p.extension().and_then(|e| e.to_str()) == Some("jsonl") {
            for (i, line) in text.lines().enumerate() {
                dump(&content, secrets, &format!("{rel}:{i}"), line);
            }
        }
    }
}
