//! Content-scanning quality on the evaluation set in `tests/content/` (see `support.rs` for the
//! format) and on benign text found on this machine.
//!
//! Asserts: at least 95% of injected cases are blocked or warned and at least 85% blocked (the
//! hold-out portion is reported separately); at most 0.5% of benign documents are blocked; the
//! hand-written benign cases never block. `cargo run --release -p mcpguard-detect --example
//! content_eval` prints the misses per category.

#[path = "content/support.rs"]
mod support;

use mcpguard_detect::content::ContentScanner;
use mcpguard_detect::Verdict;

#[test]
fn injected_cases_are_caught() {
    let scanner = ContentScanner::default();
    let cases = support::cases(&support::dir().join("injected.txt"));
    assert!(cases.len() >= 80, "only {} cases", cases.len());
    let mut blocked = 0;
    let mut caught = 0;
    let mut missed = Vec::new();
    for c in &cases {
        let r = scanner.scan_text("/content/0/text", &c.text);
        match r.verdict {
            Verdict::Block => {
                blocked += 1;
                caught += 1;
            }
            Verdict::Warn => caught += 1,
            Verdict::Pass => missed.push(format!("{} ({})", c.name, c.category)),
        }
    }
    let n = cases.len() as f64;
    let recall = caught as f64 / n;
    let block_rate = blocked as f64 / n;
    eprintln!(
        "injected: {} cases, caught {caught} ({:.1}%), blocked {blocked} ({:.1}%)",
        cases.len(),
        recall * 100.0,
        block_rate * 100.0
    );
    assert!(recall >= 0.95, "recall {recall:.3}; missed: {missed:?}");
    assert!(block_rate >= 0.85, "block rate {block_rate:.3}");
}

#[test]
fn handwritten_benign_cases_never_block() {
    let scanner = ContentScanner::default();
    let cases = support::cases(&support::dir().join("benign.txt"));
    let blocked: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let r = scanner.scan_text("/content/0/text", &c.text);
            (r.verdict == Verdict::Block).then(|| {
                format!(
                    "{}: {:?}",
                    c.name,
                    r.findings
                        .iter()
                        .map(|f| (f.rule_id, f.weight, &f.evidence))
                        .collect::<Vec<_>>()
                )
            })
        })
        .collect();
    assert!(blocked.is_empty(), "{blocked:#?}");
}

#[test]
fn benign_documents_on_this_machine_rarely_block() {
    let scanner = ContentScanner::default();
    let docs = support::benign();
    if docs.len() < 50 {
        eprintln!(
            "skipped: only {} benign documents found on this machine",
            docs.len()
        );
        return;
    }
    let mut blocked = Vec::new();
    let mut warned = 0;
    for d in &docs {
        let r = scanner.scan_text("/content/0/text", &d.text);
        match r.verdict {
            Verdict::Block => blocked.push(format!(
                "{} {:?}",
                d.source,
                r.findings.first().map(|f| (f.rule_id, &f.evidence))
            )),
            Verdict::Warn => warned += 1,
            Verdict::Pass => {}
        }
    }
    let rate = blocked.len() as f64 / docs.len() as f64;
    eprintln!(
        "benign: {} documents, blocked {} ({:.2}%), warned {warned}",
        docs.len(),
        blocked.len(),
        rate * 100.0
    );
    assert!(rate <= 0.005, "blocked {:.2}%: {blocked:#?}", rate * 100.0);
}
