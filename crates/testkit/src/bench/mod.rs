//! The end-to-end benchmark of stdio relays: the same fast server direct, behind a zero-inspection
//! byte relay, and behind `mcpguard wrap`, measured in one interleaved run.
//!
//! All variants are spawned up front and stay alive. Sizes are measured one after another; for
//! each, rounds make one `tools/call` per variant, in an order that rotates every round, so that
//! whatever else the machine is doing hits every variant alike. The figures that matter are therefore the
//! *differences* to the direct server and the ratio of the gateway's cost to the relay's, not the
//! absolute latencies.

mod peer;
pub mod report;
pub mod stats;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use peer::{kill_spawned, Peer, Sched, Timed};
pub use report::{Report, SizeResult, VariantInfo};

/// The three ways of reaching the server, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The client talks to `mcp-fast-server` itself.
    Direct,
    /// Through `mcp-byte-relay`: the cost of any process in the middle.
    Relay,
    /// Through `mcp-byte-relay --whole-lines`: a relay that holds each message until it has all
    /// of it, as any gateway that inspects whole messages must.
    LineRelay,
    /// Through `mcpguard wrap`: the relay plus the gate.
    Gateway,
}

impl Variant {
    pub const ALL: [Variant; 4] = [
        Variant::Direct,
        Variant::Relay,
        Variant::LineRelay,
        Variant::Gateway,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Variant::Direct => "direct",
            Variant::Relay => "relay",
            Variant::LineRelay => "line-relay",
            Variant::Gateway => "gateway",
        }
    }

    pub fn parse(s: &str) -> Option<Variant> {
        Variant::ALL.into_iter().find(|v| v.name() == s)
    }
}

/// Where the three binaries are.
#[derive(Debug, Clone)]
pub struct Binaries {
    pub server: PathBuf,
    pub relay: PathBuf,
    pub mcpguard: PathBuf,
}

impl Binaries {
    /// The binaries next to `dir` (a cargo target directory holds all three side by side).
    pub fn in_dir(dir: &Path) -> Binaries {
        Binaries {
            server: dir.join("mcp-fast-server"),
            relay: dir.join("mcp-byte-relay"),
            mcpguard: dir.join("mcpguard"),
        }
    }

    pub fn command(&self, v: Variant) -> Vec<OsString> {
        let server = self.server.clone().into_os_string();
        match v {
            Variant::Direct => vec![server],
            Variant::Relay => vec![self.relay.clone().into_os_string(), "--".into(), server],
            Variant::LineRelay => vec![
                self.relay.clone().into_os_string(),
                "--whole-lines".into(),
                "--".into(),
                server,
            ],
            Variant::Gateway => vec![
                self.mcpguard.clone().into_os_string(),
                "wrap".into(),
                "--name".into(),
                "bench".into(),
                // its own pin store: never the user's, and fresh for every run
                "--data-dir".into(),
                gateway_data_dir().into_os_string(),
                "--".into(),
                server,
            ],
        }
    }
}

/// What to measure.
#[derive(Debug, Clone)]
pub struct Options {
    pub binaries: Binaries,
    /// Always starts with [`Variant::Direct`]: every other variant is compared with it.
    pub variants: Vec<Variant>,
    /// Result sizes in bytes.
    pub sizes: Vec<usize>,
    /// Timed rounds per size (one call per variant each).
    pub iterations: usize,
    /// Untimed, validated rounds before each size's timed rounds.
    pub warmup: usize,
    /// The timed rounds stop early when this much time has passed, shared evenly between the
    /// sizes (the report says so).
    pub budget: Duration,
}

/// The gateway variant's data directory (pins, audit log): one per `mcp-bench` process, removed
/// when `run` ends.
fn gateway_data_dir() -> PathBuf {
    std::env::temp_dir().join(format!("mcpguard-bench-{}", std::process::id()))
}

/// Runs the benchmark; every spawned process is shut down, and the gateway's data directory
/// removed, before it returns.
pub fn run(opts: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let mut peers = Vec::new();
    let mut infos = Vec::new();
    for &v in &opts.variants {
        let command = opts.binaries.command(v);
        let mut peer = Peer::spawn(v.name(), &command)?;
        peer.handshake()?;
        infos.push(VariantInfo {
            name: v.name(),
            command: command
                .iter()
                .map(|c| c.to_string_lossy().into_owned())
                .collect(),
            pid: peer.pid(),
            peak_rss_kib: None,
        });
        peers.push(peer);
    }
    let measured = measure(opts, &mut peers);
    let closed: Result<Vec<_>, String> = peers
        .into_iter()
        .zip(&mut infos)
        .map(|(peer, info)| {
            info.peak_rss_kib = peer.peak_rss_kib();
            peer.close(Duration::from_secs(5))
        })
        .collect();
    // Absent when the gateway variant was not run.
    let _ = std::fs::remove_dir_all(gateway_data_dir());
    closed?;
    let (samples, rounds) = measured?;
    Ok(Report::new(
        opts,
        infos,
        &samples,
        rounds,
        started.elapsed(),
    ))
}

/// `samples[size][variant]`, and the number of timed rounds done.
type Samples = Vec<Vec<Series>>;

/// The timed calls of one variant at one size.
#[derive(Debug, Clone, Default)]
pub struct Series {
    /// Round-trip times, one per round.
    pub wall: Vec<Duration>,
    /// Scheduler time of the spawned process over these calls; `None` if unreadable for any.
    pub sched: Option<Sched>,
}

impl Series {
    fn push(&mut self, t: Timed) {
        let first = self.wall.is_empty();
        self.wall.push(t.wall);
        self.sched = match (first, self.sched, t.sched) {
            (true, _, s) => s,
            (false, Some(a), Some(b)) => Some(Sched {
                cpu_ns: a.cpu_ns + b.cpu_ns,
                wait_ns: a.wait_ns + b.wait_ns,
            }),
            _ => None,
        };
    }
}

/// One block per size (so that a 1 MiB call does not leave caches cold for the 1 KiB calls that
/// would follow it); inside a block, rounds of one call per variant in a rotating order. Returns
/// the fewest rounds any size got.
fn measure(opts: &Options, peers: &mut [Peer]) -> Result<(Samples, usize), String> {
    let nv = peers.len();
    let mut samples: Samples = vec![vec![Series::default(); nv]; opts.sizes.len()];
    let share = opts.budget / u32::try_from(opts.sizes.len()).unwrap_or(u32::MAX).max(1);
    let mut fewest = usize::MAX;
    for (si, &size) in opts.sizes.iter().enumerate() {
        for _ in 0..opts.warmup.max(1) {
            for p in peers.iter_mut() {
                p.validated_blob(size)?;
            }
        }
        let deadline = Instant::now() + share;
        let mut rounds = 0;
        while rounds < opts.iterations && Instant::now() < deadline {
            for k in 0..nv {
                let v = (rounds + k) % nv;
                samples[si][v].push(peers[v].timed_blob(size)?);
            }
            rounds += 1;
        }
        fewest = fewest.min(rounds);
    }
    Ok((samples, fewest))
}
