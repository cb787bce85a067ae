//! `mcpguard audit verify`: load the records (store or exported file), check the chain, report.
//!
//! A record that cannot even be read (a column edited to invalid JSON, a line that is not a
//! record) is a break too, of kind `malformed`: only tampering or damage produces one.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;

use anyhow::Context;
use mcpguard_store::audit::{
    check_anchor, verify_chain, BreakKind, ChainBreak, ChainStart, ChainSummary,
};
use mcpguard_store::{AuditRecord, Store, StoreError};
use serde_json::json;

use super::{clean, PAGE};
use crate::exit::Exit;

/// Where the records came from, for messages.
enum Source<'a> {
    Store,
    File(&'a Path),
}

pub fn store(store: &dyn Store, expect_head: Option<&str>, as_json: bool) -> anyhow::Result<Exit> {
    let mut records: Vec<AuditRecord> = Vec::new();
    let mut next = 0;
    loop {
        let page = match store.audit_range(next, PAGE) {
            Ok(page) => page,
            Err(StoreError::CorruptAudit { seq, detail }) => {
                let at = u64::try_from(seq).unwrap_or(0);
                let b = ChainBreak {
                    seq: at,
                    index: records.len(),
                    kind: BreakKind::Malformed,
                    detail: format!("record {seq} cannot be read: {detail}"),
                };
                return report(Err(b), &Source::Store, as_json);
            }
            Err(e) => return Err(e).context("cannot read the audit log"),
        };
        let Some(last) = page.last() else { break };
        next = last.seq + 1;
        records.extend(page);
    }
    report(
        check(&records, ChainStart::Genesis, expect_head),
        &Source::Store,
        as_json,
    )
}

pub fn file(
    path: &Path,
    expect_head: Option<&str>,
    partial: bool,
    as_json: bool,
) -> anyhow::Result<Exit> {
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(BufReader::new(io::stdin().lock()))
    } else {
        Box::new(BufReader::new(
            File::open(path).with_context(|| format!("cannot open {}", path.display()))?,
        ))
    };
    let mut records: Vec<AuditRecord> = Vec::new();
    for (n, text) in reader.lines().enumerate() {
        let text = text.with_context(|| format!("cannot read {}", path.display()))?;
        if text.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<AuditRecord>(&text) {
            Ok(r) => records.push(r),
            Err(e) => {
                let b = ChainBreak {
                    seq: records.last().map_or(1, |r| r.seq + 1),
                    index: records.len(),
                    kind: BreakKind::Malformed,
                    detail: format!("line {} is not an audit record: {e}", n + 1),
                };
                return report(Err(b), &Source::File(path), as_json);
            }
        }
    }
    let start = if partial {
        ChainStart::Trusted
    } else {
        ChainStart::Genesis
    };
    report(
        check(&records, start, expect_head),
        &Source::File(path),
        as_json,
    )
}

fn check(
    records: &[AuditRecord],
    start: ChainStart,
    expect_head: Option<&str>,
) -> Result<ChainSummary, ChainBreak> {
    let summary = verify_chain(records, start)?;
    if let Some(head) = expect_head {
        check_anchor(records, head)?;
    }
    Ok(summary)
}

fn report(
    result: Result<ChainSummary, ChainBreak>,
    source: &Source<'_>,
    as_json: bool,
) -> anyhow::Result<Exit> {
    let mut out = io::stdout().lock();
    let what = match source {
        Source::Store => "the audit log".to_owned(),
        Source::File(p) => clean(&p.display().to_string()),
    };
    match result {
        Ok(s) if as_json => {
            writeln!(
                out,
                "{}",
                json!({ "ok": true, "records": s.records, "first_seq": s.first_seq, "last_seq": s.last_seq, "head": s.head })
            )?;
            Ok(Exit::Ok)
        }
        Ok(s) => {
            let range = match (s.first_seq, s.last_seq) {
                (Some(a), Some(b)) => format!(", seq {a} to {b}"),
                _ => String::new(),
            };
            writeln!(out, "{what}: chain intact ({} records{range})", s.records)?;
            writeln!(out, "head {}", s.head)?;
            writeln!(
                out,
                "a chain cannot show records cut from its end: keep this head elsewhere and check later with\n  mcpguard audit verify --expect-head {}",
                s.head
            )?;
            Ok(Exit::Ok)
        }
        Err(b) => {
            let line = match source {
                Source::File(_) => Some(b.index + 1),
                Source::Store => None,
            };
            if as_json {
                writeln!(
                    out,
                    "{}",
                    json!({ "ok": false, "break": { "seq": b.seq, "kind": b.kind, "detail": b.detail, "line": line } })
                )?;
            } else {
                let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
                writeln!(out, "{what}: chain BROKEN at seq {}{at}: {}", b.seq, b.kind)?;
                writeln!(out, "{}", clean(&b.detail))?;
            }
            Ok(Exit::CHAIN_BROKEN)
        }
    }
}
