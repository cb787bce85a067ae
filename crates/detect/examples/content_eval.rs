//! Content-scanning evaluation: recall per category on `tests/content/injected.txt` (hold-out
//! separately), and blocked/warned rates on benign text found on this machine.
//!
//! Usage: `cargo run --release -p mcpguard-detect --example content_eval -- [--show-warn] [--show-fp]`

#[path = "../tests/content/support.rs"]
mod support;

use std::collections::BTreeMap;
use std::time::Instant;

use mcpguard_detect::content::ContentScanner;
use mcpguard_detect::Verdict;

fn main() {
    let show_warn = std::env::args().any(|a| a == "--show-warn");
    let show_fp = std::env::args().any(|a| a == "--show-fp");
    let scanner = ContentScanner::default();
    let cases = support::cases(&support::dir().join("injected.txt"));
    let mut per: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut split = [(0usize, 0usize, 0usize); 2];
    for c in &cases {
        let r = scanner.scan_text("/content/0/text", &c.text);
        let e = per.entry(c.category.clone()).or_default();
        let s = &mut split[usize::from(c.holdout)];
        e.0 += 1;
        s.0 += 1;
        match r.verdict {
            Verdict::Block => {
                e.1 += 1;
                s.1 += 1;
            }
            Verdict::Warn => {
                e.2 += 1;
                s.2 += 1;
                println!(
                    "WARN  {} [{}] score {}: {:?}",
                    c.name,
                    c.category,
                    r.score,
                    r.findings
                        .iter()
                        .map(|f| (f.rule_id, f.weight))
                        .collect::<Vec<_>>()
                );
            }
            Verdict::Pass => println!(
                "MISS  {} [{}] score {}: {:?}",
                c.name,
                c.category,
                r.score,
                r.findings
                    .iter()
                    .map(|f| (f.rule_id, f.weight))
                    .collect::<Vec<_>>()
            ),
        }
    }
    println!("\ncategory            cases blocked warned missed");
    for (cat, (n, b, w)) in &per {
        println!("{cat:<20}{n:>5}{b:>8}{w:>7}{:>7}", n - b - w);
    }
    for (label, (n, b, w)) in ["tuning", "hold-out"].iter().zip(split) {
        println!(
            "{label:<9}: {n} cases, blocked {b} ({:.1}%), blocked+warned {} ({:.1}%)",
            100.0 * b as f64 / n.max(1) as f64,
            b + w,
            100.0 * (b + w) as f64 / n.max(1) as f64
        );
    }
    for (name, file) in [("hand-written benign", "benign.txt")] {
        for c in support::cases(&support::dir().join(file)) {
            let r = scanner.scan_text("/t", &c.text);
            if r.verdict != Verdict::Pass {
                println!(
                    "{name}: {} -> {} {:?}",
                    c.name,
                    r.verdict.as_str(),
                    r.findings
                        .iter()
                        .map(|f| (f.rule_id, f.weight, &f.evidence))
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    let docs = support::benign();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let mut by_src: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for d in &docs {
        let r = scanner.scan_text("/content/0/text", &d.text);
        let src = d.source.split(':').next().unwrap_or("").to_owned();
        let e = by_src.entry(src).or_default();
        e.0 += 1;
        match r.verdict {
            Verdict::Block => {
                e.1 += 1;
                println!(
                    "BENIGN BLOCK {} {:?}",
                    d.source,
                    r.findings
                        .iter()
                        .take(3)
                        .map(|f| (f.rule_id, f.weight, &f.evidence))
                        .collect::<Vec<_>>()
                );
            }
            Verdict::Warn => {
                e.2 += 1;
                if show_warn {
                    println!(
                        "benign warn {} {:?}",
                        d.source,
                        r.findings
                            .iter()
                            .take(3)
                            .map(|f| (f.rule_id, f.weight, &f.evidence))
                            .collect::<Vec<_>>()
                    );
                }
            }
            Verdict::Pass => {}
        }
        let _ = show_fp;
    }
    let el = t.elapsed();
    println!("\nbenign source      docs blocked warned");
    let (mut n, mut b, mut w) = (0, 0, 0);
    for (src, (dn, db, dw)) in &by_src {
        println!("{src:<16}{dn:>7}{db:>8}{dw:>7}");
        n += dn;
        b += db;
        w += dw;
    }
    println!("benign total: {n} docs ({:.1} MiB), blocked {b} ({:.2}%), warned {w} ({:.2}%), scanned in {:.0} ms ({:.1} MiB/s)", bytes as f64 / 1048576.0, 100.0 * b as f64 / n.max(1) as f64, 100.0 * w as f64 / n.max(1) as f64, el.as_secs_f64() * 1000.0, bytes as f64 / 1048576.0 / el.as_secs_f64());
}
