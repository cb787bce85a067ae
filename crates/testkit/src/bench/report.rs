//! The benchmark's results, the goals of issue 2 checked against them, and their two renderings:
//! a table for people and JSON for tools.

use std::fmt::Write as _;
use std::time::Duration;

use serde_json::{json, Value};

use super::stats::{paired_median_us, summarize, Summary};
use super::{Options, Series, Variant};

/// Goals from issue 2 ("Speed").
pub const GOAL_ADDED_P50_1KIB_US: f64 = 100.0;
pub const GOAL_ADDED_P50_100KIB_US: f64 = 300.0;
pub const GOAL_GATE_VS_RELAY: f64 = 1.2;
pub const GOAL_RSS_BYTES: u64 = 20_000_000;

#[derive(Debug, Clone)]
pub struct VariantInfo {
    pub name: &'static str,
    pub command: Vec<String>,
    pub pid: u32,
    /// VmHWM of the spawned process (for the gateway: `mcpguard` itself), read before shutdown.
    pub peak_rss_kib: Option<u64>,
}

/// One variant at one size.
#[derive(Debug, Clone)]
pub struct Row {
    pub variant: &'static str,
    pub summary: Summary,
    pub calls_per_s: f64,
    pub mb_per_s: f64,
    /// p50 minus the direct server's p50 (`None` for direct itself).
    pub added_p50_us: Option<f64>,
    /// Median over rounds of (this call − the direct call of the same round).
    pub added_paired_p50_us: Option<f64>,
    /// On-CPU time of the spawned process per call (for direct: the server; otherwise the
    /// relay or gateway alone, without the server behind it).
    pub cpu_us_per_call: Option<f64>,
    /// Time its threads were runnable but waited for a CPU, per call: the machine's load.
    pub runq_wait_us_per_call: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct SizeResult {
    pub size: usize,
    pub rows: Vec<Row>,
    /// (gateway − direct) / (relay − direct) at p50; `None` when either is missing or the relay
    /// measured no cost at all.
    pub gate_vs_relay: Option<f64>,
    /// The gateway process's CPU per call / the relay process's: the same ratio measured in
    /// CPU time, which the machine's load disturbs far less than latency.
    pub gate_vs_relay_cpu: Option<f64>,
    /// (gateway − direct) / (line-relay − direct) at p50: the gate's cost against a relay that
    /// also holds whole messages.
    pub gate_vs_line_relay: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Goal {
    pub name: String,
    pub target: String,
    pub measured: Option<String>,
    pub met: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub iterations: usize,
    pub warmup: usize,
    /// The fewest timed rounds any size got.
    pub rounds: usize,
    /// Some size got fewer than `iterations` rounds: the time budget ran out first (usual for
    /// small sizes, whose rounds are quick: the budget, not the count, bounds a default run).
    pub truncated: bool,
    pub elapsed: Duration,
    pub variants: Vec<VariantInfo>,
    pub results: Vec<SizeResult>,
}

impl Report {
    pub fn new(
        opts: &Options,
        variants: Vec<VariantInfo>,
        samples: &[Vec<Series>],
        rounds: usize,
        elapsed: Duration,
    ) -> Report {
        let results = opts
            .sizes
            .iter()
            .zip(samples)
            .map(|(&size, per_variant)| size_result(size, &opts.variants, per_variant))
            .collect();
        Report {
            iterations: opts.iterations,
            warmup: opts.warmup,
            rounds,
            truncated: rounds < opts.iterations,
            elapsed,
            variants,
            results,
        }
    }

    fn row(&self, size: usize, variant: &str) -> Option<&Row> {
        let r = self.results.iter().find(|r| r.size == size)?;
        r.rows.iter().find(|row| row.variant == variant)
    }

    /// Issue 2's goals, each met, not met, or not measured in this run.
    pub fn goals(&self) -> Vec<Goal> {
        let added = |size: usize, limit: f64, name: &str| {
            let v = self.row(size, "gateway").and_then(|r| r.added_p50_us);
            Goal {
                name: name.into(),
                target: format!("<= {limit} us"),
                measured: v.map(|v| format!("{v:.1} us")),
                met: v.map(|v| v <= limit),
            }
        };
        let ratios: Vec<(usize, f64)> = self
            .results
            .iter()
            .filter_map(|r| r.gate_vs_relay.map(|x| (r.size, x)))
            .collect();
        let rss = self
            .variants
            .iter()
            .find(|v| v.name == "gateway")
            .and_then(|v| v.peak_rss_kib);
        vec![
            added(
                1024,
                GOAL_ADDED_P50_1KIB_US,
                "gateway added p50, 1 KiB result",
            ),
            added(
                100 * 1024,
                GOAL_ADDED_P50_100KIB_US,
                "gateway added p50, 100 KiB result",
            ),
            Goal {
                name: "gateway cost / relay cost (p50), every size".into(),
                target: format!("<= {GOAL_GATE_VS_RELAY}"),
                measured: (!ratios.is_empty()).then(|| {
                    let parts: Vec<String> = ratios
                        .iter()
                        .map(|(s, x)| format!("{}: {x:.2}", size_label(*s)))
                        .collect();
                    parts.join(", ")
                }),
                met: (!ratios.is_empty())
                    .then(|| ratios.iter().all(|(_, x)| *x <= GOAL_GATE_VS_RELAY)),
            },
            Goal {
                name: "gateway peak RSS (VmHWM)".into(),
                target: format!("< {} MB", GOAL_RSS_BYTES / 1_000_000),
                measured: rss.map(|k| format!("{:.1} MB", k as f64 * 1024.0 / 1e6)),
                met: rss.map(|k| k * 1024 < GOAL_RSS_BYTES),
            },
        ]
    }

    pub fn to_json(&self) -> Value {
        let variants: Vec<Value> = self
            .variants
            .iter()
            .map(
                |v| json!({ "name": v.name, "command": v.command, "peak_rss_kib": v.peak_rss_kib }),
            )
            .collect();
        let results: Vec<Value> = self
            .results
            .iter()
            .map(|r| {
                let mut per = serde_json::Map::new();
                for row in &r.rows {
                    let s = &row.summary;
                    per.insert(
                        row.variant.into(),
                        json!({
                            "n": s.n, "min_us": s.min_us, "p50_us": s.p50_us, "p99_us": s.p99_us,
                            "mean_us": s.mean_us, "calls_per_s": row.calls_per_s,
                            "mb_per_s": row.mb_per_s, "added_p50_us": row.added_p50_us,
                            "added_paired_p50_us": row.added_paired_p50_us,
                            "cpu_us_per_call": row.cpu_us_per_call,
                            "runq_wait_us_per_call": row.runq_wait_us_per_call,
                        }),
                    );
                }
                json!({ "size": r.size, "variants": per, "gate_vs_relay_ratio": r.gate_vs_relay,
                        "gate_vs_relay_cpu_ratio": r.gate_vs_relay_cpu,
                        "gate_vs_line_relay_ratio": r.gate_vs_line_relay })
            })
            .collect();
        let goals: Vec<Value> = self
            .goals()
            .into_iter()
            .map(|g| json!({ "goal": g.name, "target": g.target, "measured": g.measured, "met": g.met }))
            .collect();
        json!({
            "schema": "mcpguard-bench/1",
            "unix_time": std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            "machine": machine(),
            "iterations": self.iterations,
            "warmup": self.warmup,
            "rounds": self.rounds,
            "truncated": self.truncated,
            "elapsed_s": self.elapsed.as_secs_f64(),
            "variants": variants,
            "results": results,
            "goals": goals,
        })
    }

    pub fn to_table(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "mcp-bench: interleaved rounds per size: {} (of at most {}{}), after {} warm-up; {:.1} s; {}",
            self.results
                .iter()
                .map(|r| format!("{} {}", size_label(r.size), r.rows.first().map_or(0, |row| row.summary.n)))
                .collect::<Vec<_>>()
                .join(", "),
            self.iterations,
            if self.truncated { ", cut by the time budget" } else { "" },
            self.warmup,
            self.elapsed.as_secs_f64(),
            machine_line(),
        );
        let _ = writeln!(
            t,
            "\n{:>8} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>10}",
            "size",
            "variant",
            "p50 us",
            "p99 us",
            "mean us",
            "calls/s",
            "MB/s",
            "+p50 us",
            "+paired"
        );
        for r in &self.results {
            for row in &r.rows {
                let s = &row.summary;
                let opt = |x: Option<f64>| x.map_or("-".to_owned(), |v| format!("{v:.1}"));
                let _ = writeln!(
                    t,
                    "{:>8} {:>10} {:>9.1} {:>9.1} {:>9.1} {:>9.0} {:>9.1} {:>10} {:>10} {:>9} {:>9}",
                    size_label(r.size),
                    row.variant,
                    s.p50_us,
                    s.p99_us,
                    s.mean_us,
                    row.calls_per_s,
                    row.mb_per_s,
                    opt(row.added_p50_us),
                    opt(row.added_paired_p50_us),
                    opt(row.cpu_us_per_call),
                    opt(row.runq_wait_us_per_call),
                );
            }
            let opt = |x: Option<f64>| x.map_or("-".to_owned(), |v| format!("{v:.2}"));
            let _ = writeln!(
                t,
                "{:>8} gateway cost / relay cost: {} by p50 latency, {} by CPU time; \
                 / line-relay cost: {} by p50 latency",
                "",
                opt(r.gate_vs_relay),
                opt(r.gate_vs_relay_cpu),
                opt(r.gate_vs_line_relay),
            );
        }
        let _ = writeln!(t, "\npeak RSS (VmHWM):");
        for v in &self.variants {
            let rss = v
                .peak_rss_kib
                .map_or("?".into(), |k| format!("{:.1} MB", k as f64 * 1024.0 / 1e6));
            let _ = writeln!(t, "  {:>10}: {rss}", v.name);
        }
        let _ = writeln!(t, "\ngoals (issue 2):");
        for g in self.goals() {
            let verdict = match g.met {
                Some(true) => "met",
                Some(false) => "NOT MET",
                None => "not measured",
            };
            let measured = g.measured.unwrap_or_else(|| "-".into());
            let _ = writeln!(
                t,
                "  {:<46} {:<10} {:<32} {verdict}",
                g.name, g.target, measured
            );
        }
        t
    }
}

fn size_result(size: usize, variants: &[Variant], per_variant: &[Series]) -> SizeResult {
    let direct = variants
        .iter()
        .position(|v| *v == Variant::Direct)
        .map(|i| (&per_variant[i].wall, summarize(&per_variant[i].wall)));
    let rows: Vec<Row> = variants
        .iter()
        .zip(per_variant)
        .map(|(v, series)| {
            let summary = summarize(&series.wall);
            let calls_per_s = 1e6 / summary.mean_us;
            let (added, paired) = match (&direct, v) {
                (Some((d, ds)), v) if *v != Variant::Direct => (
                    Some(summary.p50_us - ds.p50_us),
                    Some(paired_median_us(&series.wall, d)),
                ),
                _ => (None, None),
            };
            let per_call = |ns: u64| ns as f64 / 1e3 / series.wall.len().max(1) as f64;
            Row {
                variant: v.name(),
                calls_per_s,
                mb_per_s: calls_per_s * size as f64 / 1e6,
                summary,
                added_p50_us: added,
                added_paired_p50_us: paired,
                cpu_us_per_call: series.sched.map(|s| per_call(s.cpu_ns)),
                runq_wait_us_per_call: series.sched.map(|s| per_call(s.wait_ns)),
            }
        })
        .collect();
    let ratio = |a: &str, b: &str, field: fn(&Row) -> Option<f64>| {
        let get = |name: &str| rows.iter().find(|r| r.variant == name).and_then(field);
        match (get(a), get(b)) {
            (Some(x), Some(y)) if y > 0.0 => Some(x / y),
            _ => None,
        }
    };
    let gate_vs_relay = ratio("gateway", "relay", |r| r.added_p50_us);
    let gate_vs_relay_cpu = ratio("gateway", "relay", |r| r.cpu_us_per_call);
    let gate_vs_line_relay = ratio("gateway", "line-relay", |r| r.added_p50_us);
    SizeResult {
        size,
        rows,
        gate_vs_relay,
        gate_vs_relay_cpu,
        gate_vs_line_relay,
    }
}

/// `1 KiB`, `100 KiB`, `1 MiB`, or bytes.
pub fn size_label(size: usize) -> String {
    match size {
        s if s >= 1 << 20 && s % (1 << 20) == 0 => format!("{}MiB", s >> 20),
        s if s >= 1 << 10 && s % (1 << 10) == 0 => format!("{}KiB", s >> 10),
        s => format!("{s}B"),
    }
}

fn machine() -> Value {
    json!({
        "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "loadavg": std::fs::read_to_string("/proc/loadavg").ok().map(|s| s.trim().to_owned()),
    })
}

fn machine_line() -> String {
    let m = machine();
    format!(
        "{} cpus, loadavg {}",
        m["cpus"],
        m["loadavg"].as_str().unwrap_or("?")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(size_label(1024), "1KiB");
        assert_eq!(size_label(100 * 1024), "100KiB");
        assert_eq!(size_label(1 << 20), "1MiB");
        assert_eq!(size_label(1000), "1000B");
    }

    #[test]
    fn ratio_is_gate_cost_over_relay_cost() {
        let us = |v: u64| Series {
            wall: vec![Duration::from_micros(v); 3],
            sched: Some(super::super::Sched {
                cpu_ns: v * 3_000,
                wait_ns: 0,
            }),
        };
        let r = size_result(1024, &Variant::ALL, &[us(100), us(120), us(125), us(130)]);
        assert_eq!(r.gate_vs_relay, Some(1.5));
        assert_eq!(r.gate_vs_relay_cpu, Some(130.0 / 120.0));
        assert_eq!(r.gate_vs_line_relay, Some(1.2));
        assert_eq!(r.rows[3].added_p50_us, Some(30.0));
        assert_eq!(r.rows[0].added_p50_us, None);
        let free = size_result(1024, &Variant::ALL, &[us(100), us(100), us(100), us(130)]);
        assert_eq!(free.gate_vs_relay, None);
    }
}
