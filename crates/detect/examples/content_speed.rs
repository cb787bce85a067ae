//! Times `ContentScanner::scan_text` on a 1 MiB file (default: a generated HTML page) and prints
//! the best and median time per scan. On a busy machine prefer the criterion bench or
//! `perf stat -e cycles:u` (cycles count only while the scan runs).
//!
//! Usage: `cargo run --release -p mcpguard-detect --example content_speed -- [FILE] [ITERATIONS]`

use std::time::Instant;

use mcpguard_detect::content::ContentScanner;

fn main() {
    let mut args = std::env::args().skip(1);
    let text = match args.next() {
        Some(p) => std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}")),
        None => {
            "<p>Run the following command and click Save. You must restart.</p>\n".repeat(16 << 10)
        }
    };
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);
    let scanner = ContentScanner::default();
    let mut times = Vec::with_capacity(n);
    let mut verdict = "";
    for _ in 0..n {
        let t = Instant::now();
        let r = scanner.scan_text("/content/0/text", &text);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        verdict = r.verdict.as_str();
    }
    times.sort_by(f64::total_cmp);
    // Calibration: one plain byte loop over the same text (a few hundred microseconds per MiB
    // on an idle core); a much larger figure means the machine is busy.
    let mut cal = f64::MAX;
    for _ in 0..n {
        let t = Instant::now();
        let k = std::hint::black_box(text.as_bytes())
            .iter()
            .fold(0u64, |a, &b| a.wrapping_mul(31).wrapping_add(u64::from(b)));
        std::hint::black_box(k);
        cal = cal.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("calibration byte loop: best {cal:.3} ms");
    println!(
        "{} bytes, verdict {verdict}: best {:.2} ms, median {:.2} ms over {n} scans",
        text.len(),
        times[0],
        times[n / 2]
    );
}
