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
    /// Most timed rounds per size; each makes one call per variant. By default the time budget
    /// is what ends a size's rounds: a few thousand for small results, hundreds for 1 MiB.
    #[arg(long, default_value_t = 20_000)]
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
    #[arg(long, default_value_t = 15)]
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
    /// Run the harness and every spawned process on this one CPU (sched_setaffinity; children
    /// inherit it). Every hop then costs a context switch on the same core, which removes the
    /// noise of where the scheduler places each process on a shared machine.
    #[arg(long, value_name = "CPU")]
    pin_cpu: Option<usize>,
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

/// Restricts this process (and so everything it spawns) to one CPU.
fn pin_to(cpu: usize) -> Result<(), String> {
    // SAFETY: cpu_set_t is plain data; CPU_SET bounds-checks nothing, so the index is checked
    // against the set's size first; sched_setaffinity only reads the set.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if cpu >= 8 * std::mem::size_of::<libc::cpu_set_t>() {
            return Err(format!("--pin-cpu {cpu}: no such CPU"));
        }
        libc::CPU_SET(cpu, &mut set);
        if libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) != 0 {
            return Err(format!(
                "--pin-cpu {cpu}: {}",
                std::io::Error::last_os_error()
            ));
        }
    }
    Ok(())
}

fn options(args: Args) -> Result<(Options, bool), String> {
    if let Some(cpu) = args.pin_cpu {
        pin_to(cpu)?;
    }
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
