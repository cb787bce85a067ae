//! Profiling aid: `cargo run --release --example secrets_probe [FILE] [ITERS]` runs
//! `SecretScanner::find` over about 1 MiB of FILE repeated and prints the best time.
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let src = args.next().unwrap_or_else(|| "docs/detection.md".into());
    let iters: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(40);
    let one = std::fs::read_to_string(&src).expect("readable file");
    let text = one.repeat((1 << 20) / one.len().max(1) + 1);
    let mut cut = 1 << 20;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    let s = mcpguard_detect::secrets::SecretScanner::new();
    let mut best = Duration::MAX;
    let mut n = 0;
    for _ in 0..iters {
        let t = Instant::now();
        n = s.find(text).len();
        best = best.min(t.elapsed());
    }
    println!("{src}: {} bytes, {n} matches, best {best:?}", text.len());
}
