//! `mcpguard audit`: read the audit log (tail, show), check its hash chain (verify), and export it.
//!
//! Everything printed for people passes through [`clean`]: reasons and tool names can come from
//! servers, and a log viewer must not let them drive the terminal.

mod verify;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use mcpguard_store::{AuditRecord, Store};

use crate::datadir::DataDirArgs;
use crate::exit::Exit;

/// Arguments of `mcpguard audit`.
#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub action: AuditAction,
    #[command(flatten)]
    pub data: DataDirArgs,
    /// Machine-readable output (tail: one JSON record per line).
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum AuditAction {
    /// Print the last records, one line each.
    Tail {
        /// How many records.
        #[arg(short = 'n', long = "lines", default_value_t = 20, value_name = "N")]
        lines: usize,
        /// Keep printing records as they are appended (until interrupted).
        #[arg(short, long)]
        follow: bool,
    },
    /// Show one record in full.
    Show { seq: u64 },
    /// Check the hash chain: exit 0 if intact, 1 with the position and kind of the first break.
    ///
    /// Without --expect-head, records cut from the end cannot be detected: note the head this
    /// prints, and pass it later.
    Verify {
        /// A head hash noted earlier: it must still be in the chain (detects a cut tail).
        #[arg(long, value_name = "HASH")]
        expect_head: Option<String>,
        /// Verify an exported JSONL file (`-` for stdin) instead of the store.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The file starts after seq 1 (exported with --from): trust its first record's link.
        #[arg(long, requires = "file")]
        partial: bool,
    },
    /// Write records out, one JSON record per line: exactly what `verify --file` checks.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// First seq to export.
        #[arg(long, value_name = "SEQ", default_value_t = 1)]
        from: u64,
        /// Write to FILE instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// JSON Lines: one record per line, in seq order.
    Jsonl,
}

/// Records read per query when walking the whole log.
const PAGE: usize = 1000;

pub fn run(args: AuditArgs) -> anyhow::Result<Exit> {
    if let AuditAction::Verify {
        file: Some(file),
        expect_head,
        partial,
    } = &args.action
    {
        return verify::file(file, expect_head.as_deref(), *partial, args.json);
    }
    let store = args.data.open()?;
    let store = store.as_ref();
    let out = io::stdout();
    let result = match &args.action {
        AuditAction::Tail { lines, follow } => {
            tail(store, *lines, *follow, args.json, &mut out.lock())
        }
        AuditAction::Show { seq } => show(store, *seq, args.json, &mut out.lock()),
        AuditAction::Verify { expect_head, .. } => {
            return verify::store(store, expect_head.as_deref(), args.json)
        }
        AuditAction::Export {
            format: ExportFormat::Jsonl,
            from,
            output,
        } => export(store, *from, output.as_ref()),
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(Exit::Ok),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Text from the log made safe for a terminal: control and format characters become `?`.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            let format = matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}');
            if c.is_control() || format { '?' } else { c }
        })
        .collect()
}

/// One line per record: seq, time, server, direction, method, tool, verdict, reason.
pub fn line(r: &AuditRecord) -> String {
    let tool = r
        .tool
        .as_deref()
        .map(|t| format!(" {}", clean(t)))
        .unwrap_or_default();
    let rules = if r.rules.is_empty() {
        String::new()
    } else {
        format!(" [{}]", clean(&r.rules.join(", ")))
    };
    format!(
        "{:>6} {} {} {} {}{tool} {}: {}{rules}",
        r.seq,
        clean(&r.time),
        clean(&r.server),
        r.direction
            .as_str()
            .chars()
            .filter(|c| c.is_ascii_graphic())
            .collect::<String>(),
        clean(&r.method),
        clean(r.verdict.as_str()),
        clean(&r.reason),
    )
}

fn print_record(r: &AuditRecord, as_json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    if as_json {
        writeln!(out, "{}", serde_json::to_string(r)?)?;
    } else {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

fn tail(
    store: &dyn Store,
    n: usize,
    follow: bool,
    as_json: bool,
    out: &mut impl Write,
) -> anyhow::Result<Exit> {
    let last = store.audit_last()?.map_or(0, |r| r.seq);
    let from = last.saturating_sub(n.saturating_sub(1) as u64).max(1);
    let mut next = from;
    if n > 0 {
        for r in store.audit_range(from, n)? {
            next = r.seq + 1;
            print_record(&r, as_json, out)?;
        }
    }
    next = next.max(last + 1);
    out.flush()?;
    if !follow {
        return Ok(Exit::Ok);
    }
    loop {
        std::thread::sleep(Duration::from_millis(500));
        for r in store.audit_range(next, PAGE)? {
            next = r.seq + 1;
            print_record(&r, as_json, out)?;
        }
        out.flush()?;
    }
}

fn show(store: &dyn Store, seq: u64, as_json: bool, out: &mut impl Write) -> anyhow::Result<Exit> {
    let r = store
        .audit_get(seq)?
        .with_context(|| format!("there is no audit record {seq}"))?;
    if as_json {
        writeln!(out, "{}", serde_json::to_string_pretty(&r)?)?;
        return Ok(Exit::Ok);
    }
    let opt = |v: &Option<String>| v.as_deref().map_or("-".to_owned(), clean);
    let findings: Vec<String> = r
        .findings
        .iter()
        .map(|f| format!("{} ({})", clean(&f.rule), clean(&f.severity)))
        .collect();
    let args = match &r.args {
        Some(v) => clean(&serde_json::to_string(v)?),
        None => "-".into(),
    };
    let rows = [
        ("seq", r.seq.to_string()),
        ("time", clean(&r.time)),
        ("session", clean(&r.session)),
        ("principal", opt(&r.principal)),
        ("server", clean(&r.server)),
        ("direction", clean(r.direction.as_str())),
        ("method", clean(&r.method)),
        ("tool", opt(&r.tool)),
        ("request id", opt(&r.request_id)),
        ("verdict", clean(r.verdict.as_str())),
        ("reason", clean(&r.reason)),
        ("rules", clean(&r.rules.join(", "))),
        ("findings", findings.join(", ")),
        ("latency", format!("{} µs", r.latency_us)),
        ("args digest", opt(&r.args_digest)),
        ("args", args),
        ("prev hash", clean(&r.prev_hash)),
        ("hash", clean(&r.hash)),
    ];
    for (k, v) in rows {
        writeln!(out, "{k:<12} {v}")?;
    }
    Ok(Exit::Ok)
}

fn export(store: &dyn Store, from: u64, output: Option<&PathBuf>) -> anyhow::Result<Exit> {
    let mut out: Box<dyn Write> = match output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut next = from;
    loop {
        let page = store.audit_range(next, PAGE)?;
        let Some(last) = page.last() else { break };
        next = last.seq + 1;
        for r in &page {
            writeln!(out, "{}", serde_json::to_string(r)?)?;
        }
    }
    out.flush()?;
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests;
