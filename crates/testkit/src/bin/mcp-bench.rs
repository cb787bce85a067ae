//! `mcp-bench`: tools/call latency and throughput of `mcpguard wrap` against the same server
//! direct and behind a zero-inspection byte relay, in one interleaved run (see docs/benchmarks.md).
//!
//! Bounded in time: the timed rounds stop at `--budget-secs`, and a watchdog kills every spawned
//! process and exits with status 3 if a peer stops answering.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use mcpguard_testkit::bench::{self, Binaries, Options, Variant};

/// Measures tools/call round trips: direct, through mcp-byte-relay, and through mcpguard wrap.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Timed rounds per size; each makes one call per variant.
    #[arg(long, default_value_t = 1000)]
    iterations: usize,
    /// Validated, untimed rounds before each size.
    #[arg(long, default_value_t = 20)]
    warmup: usize,
    /// Result sizes, comma-separated: bytes or with a suffix (KiB, MiB, k, m).
    #[arg(long, value_delimiter = ',', default_value = "1KiB,100KiB,1MiB", value_parser = parse_size)]
    sizes: Vec<usize>,
    /// Variants besides `direct` (always measured), comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "relay,line-relay,gateway", value_parser = parse_variant)]
    variants: Vec<Variant>,
    /// Stop the timed rounds after this many seconds in all, shared between the sizes (the
    /// report says when it cut a size short).
    #[arg(long, default_value_t = 30)]
    budget_secs: u64,
    /// Where the binaries are [default: the directory of this executable].
    #[arg(long, value_name = "DIR")]
    bin_dir: Option<PathBuf>,
    /// The MCP server [default: BIN_DIR/mcp-fast-server].
    #[arg(long, value_name = "PATH")]
    server: Option<PathBuf>,
    /// The byte relay [default: BIN_DIR/mcp-byte-relay].
    #[arg(long, value_name = "PATH")]
    relay: Option<PathBuf>,
    /// The gateway [default: BIN_DIR/mcpguard].
    #[arg(long, value_name = "PATH")]
    mcpguard: Option<PathBuf>,
    /// Print JSON instead of the table.
    #[arg(long)]
    json: bool,
}

fn parse_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: usize = num.parse().map_err(|_| format!("not a size: {s:?}"))?;
    let mult = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        _ => return Err(format!("unknown unit in {s:?} (use KiB or MiB)")),
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("too large: {s:?}"))
}

fn parse_variant(s: &str) -> Result<Variant, String> {
    Variant::parse(s.trim())
        .ok_or_else(|| format!("unknown variant {s:?} (direct, relay, line-relay, gateway)"))
}

fn options(args: Args) -> Result<(Options, bool), String> {
    let dir = match args.bin_dir {
        Some(d) => d,
        None => std::env::current_exe()
            .map_err(|e| format!("cannot locate this executable: {e}"))?
            .parent()
            .ok_or("this executable has no directory")?
            .to_path_buf(),
    };
    let defaults = Binaries::in_dir(&dir);
    let binaries = Binaries {
        server: args.server.unwrap_or(defaults.server),
        relay: args.relay.unwrap_or(defaults.relay),
        mcpguard: args.mcpguard.unwrap_or(defaults.mcpguard),
    };
    let mut variants = vec![Variant::Direct];
    for v in Variant::ALL {
        if v != Variant::Direct && args.variants.contains(&v) {
            variants.push(v);
        }
    }
    if args.sizes.is_empty() {
        return Err("no sizes".into());
    }
    let opts = Options {
        binaries,
        variants,
        sizes: args.sizes,
        iterations: args.iterations,
        warmup: args.warmup,
        budget: Duration::from_secs(args.budget_secs),
    };
    Ok((opts, args.json))
}

/// Kills everything and exits if the run outlives its budget by a wide margin (a hung peer).
fn watchdog(budget: Duration) {
    let limit = budget + Duration::from_secs(30);
    std::thread::spawn(move || {
        std::thread::sleep(limit);
        eprintln!("mcp-bench: still running after {limit:?}: a peer stopped answering; giving up");
        bench::kill_spawned();
        std::process::exit(3);
    });
}

fn main() -> ExitCode {
    let (opts, json) = match options(Args::parse()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("mcp-bench: {e}");
            return ExitCode::from(2);
        }
    };
    watchdog(opts.budget);
    match bench::run(&opts) {
        Ok(report) if json => {
            println!("{:#}", report.to_json());
            ExitCode::SUCCESS
        }
        Ok(report) => {
            print!("{}", report.to_table());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mcp-bench: {e}");
            bench::kill_spawned();
            ExitCode::FAILURE
        }
    }
}
