//! Latency summaries: percentiles by nearest rank, mean, and paired differences.

use std::time::Duration;

/// A summary of one (size, variant) series, in microseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub min_us: f64,
    pub p50_us: f64,
    pub p99_us: f64,
    pub mean_us: f64,
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Nearest-rank percentile of sorted values (`q` in 0..=1).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn summarize(samples: &[Duration]) -> Summary {
    let mut us: Vec<f64> = samples.iter().copied().map(micros).collect();
    us.sort_by(f64::total_cmp);
    let mean = if us.is_empty() {
        f64::NAN
    } else {
        us.iter().sum::<f64>() / us.len() as f64
    };
    Summary {
        n: us.len(),
        min_us: us.first().copied().unwrap_or(f64::NAN),
        p50_us: percentile(&us, 0.50),
        p99_us: percentile(&us, 0.99),
        mean_us: mean,
    }
}

/// Median of `a[i] - b[i]` over rounds: the added latency with the machine's noise of each round
/// cancelled, since both calls of a pair ran back to back.
pub fn paired_median_us(a: &[Duration], b: &[Duration]) -> f64 {
    let mut d: Vec<f64> = a
        .iter()
        .zip(b)
        .map(|(x, y)| micros(*x) - micros(*y))
        .collect();
    d.sort_by(f64::total_cmp);
    percentile(&d, 0.50)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|&x| Duration::from_micros(x)).collect()
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let s = summarize(&ms(&(1..=100).collect::<Vec<_>>()));
        assert_eq!((s.n, s.min_us, s.p50_us, s.p99_us), (100, 1.0, 50.0, 99.0));
        assert_eq!(s.mean_us, 50.5);
        let one = summarize(&ms(&[7]));
        assert_eq!((one.p50_us, one.p99_us), (7.0, 7.0));
        assert!(summarize(&[]).p50_us.is_nan());
    }

    #[test]
    fn paired_differences() {
        assert_eq!(paired_median_us(&ms(&[10, 20, 30]), &ms(&[9, 18, 1])), 2.0);
    }
}
