//! The end-to-end benchmark of stdio relays: the same fast server direct, behind a zero-inspection
//! byte relay, and behind `mcpguard wrap`, measured in one interleaved run.
//!
//! All variants are spawned up front and stay alive; each round makes one `tools/call` per
//! (size, variant), with the variants in an order that rotates every round, so that whatever else
//! the machine is doing hits every variant alike. The figures that matter are therefore the
//! *differences* to the direct server and the ratio of the gateway's cost to the relay's, not the
//! absolute latencies.

mod peer;
pub mod report;
pub mod stats;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use peer::{kill_spawned, Peer};
pub use report::{Report, SizeResult, VariantInfo};

/// The three ways of reaching the server, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The client talks to `mcp-fast-server` itself.
    Direct,
    /// Through `mcp-byte-relay`: the cost of any process in the middle.
    Relay,
    /// Through `mcpguard wrap`: the relay plus the gate.
    Gateway,
}

impl Variant {
    pub const ALL: [Variant; 3] = [Variant::Direct, Variant::Relay, Variant::Gateway];

    pub fn name(self) -> &'static str {
        match self {
            Variant::Direct => "direct",
            Variant::Relay => "relay",
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
            Variant::Gateway => vec![
                self.mcpguard.clone().into_os_string(),
                "wrap".into(),
                "--name".into(),
                "bench".into(),
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
    /// Timed rounds (one call per size and variant each).
    pub iterations: usize,
    /// Untimed, validated rounds first.
    pub warmup: usize,
    /// The timed rounds stop early when this much time has passed (the report says so).
    pub budget: Duration,
}

/// Runs the benchmark; every spawned process is shut down before it returns.
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
    for (peer, info) in peers.into_iter().zip(&mut infos) {
        info.peak_rss_kib = peer.peak_rss_kib();
        peer.close(Duration::from_secs(5))?;
    }
    let (samples, rounds) = measured?;
    Ok(Report::new(
        opts,
        infos,
        &samples,
        rounds,
        started.elapsed(),
    ))
}

/// `samples[size][variant][round]`, and the number of timed rounds done.
type Samples = Vec<Vec<Vec<Duration>>>;

fn measure(opts: &Options, peers: &mut [Peer]) -> Result<(Samples, usize), String> {
    for _ in 0..opts.warmup.max(1) {
        for &size in &opts.sizes {
            for p in peers.iter_mut() {
                p.validated_blob(size)?;
            }
        }
    }
    let deadline = Instant::now() + opts.budget;
    let nv = peers.len();
    let mut samples: Samples =
        vec![vec![Vec::with_capacity(opts.iterations); nv]; opts.sizes.len()];
    let mut rounds = 0;
    while rounds < opts.iterations && Instant::now() < deadline {
        for (si, &size) in opts.sizes.iter().enumerate() {
            for k in 0..nv {
                let v = (rounds + k) % nv;
                samples[si][v].push(peers[v].timed_blob(size)?);
            }
        }
        rounds += 1;
    }
    Ok((samples, rounds))
}
