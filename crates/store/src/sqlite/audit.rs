//! The audit chain in SQLite: append under the write lock, read back exactly what was hashed.
//!
//! Appending reads the last row and inserts the next one in a single IMMEDIATE transaction: the
//! write lock is held from the read to the commit, so gateways in other processes that share the
//! file wait their turn (busy timeout) and the chain never forks. With `synchronous=FULL` the commit
//! has reached the disk when `append` returns. Audit appends do not bump the pins generation: the
//! gateways watch it to reload pins, and must not do so on every logged call.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::de::DeserializeOwned;
use time::format_description::FormatItem;
use time::macros::format_description;
use time::OffsetDateTime;

use crate::audit::{seal, AuditRecord, Direction, NewAuditRecord, Verdict, GENESIS_HASH};
use crate::error::StoreError;
use crate::Result;

const COLUMNS: &str =
    "seq, v, time, session, principal, server, direction, method, tool, request_id, \
     args_digest, args, findings, rules, verdict, reason, latency_us, prev_hash, hash";

/// Now, RFC 3339 UTC with exactly three fractional digits (`2026-01-31T12:00:00.123Z`).
fn now_rfc3339() -> String {
    const FORMAT: &[FormatItem<'static>] =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    OffsetDateTime::now_utc()
        .format(FORMAT)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00.000Z"))
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn append(conn: &mut Connection, new: NewAuditRecord) -> Result<AuditRecord> {
    // BEGIN IMMEDIATE and COMMIT as cached statements: rusqlite's `Transaction` parses them anew
    // on every call, which cost as much as the insert itself.
    conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
    let done = append_in_tx(conn, new)
        .and_then(|rec| Ok(conn.prepare_cached("COMMIT")?.execute([]).map(|_| rec)?));
    if done.is_err() && !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    done
}

/// The body of [`append`], inside its transaction.
fn append_in_tx(conn: &Connection, new: NewAuditRecord) -> Result<AuditRecord> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (u64::try_from(seq).unwrap_or(0) + 1, hash),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let mut rec = AuditRecord::unsealed(new, seq, now_rfc3339(), prev_hash);
    seal(&mut rec)
        .ok_or_else(|| StoreError::Refused("the audit record cannot be canonicalised".into()))?;
    insert(conn, &rec)?;
    Ok(rec)
}

fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Refused(format!("audit record: {e}")))
}

fn insert(tx: &Connection, r: &AuditRecord) -> Result<()> {
    let args = r.args.as_ref().map(json).transpose()?;
    const INSERT: &str = "INSERT INTO audit (seq, v, time, session, principal, server, direction, \
        method, tool, request_id, args_digest, args, findings, rules, verdict, reason, latency_us, \
        prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
        ?16, ?17, ?18, ?19)";
    tx.prepare_cached(INSERT)?.execute(params![
        to_i64(r.seq),
        r.v,
        r.time,
        r.session,
        r.principal,
        r.server,
        r.direction.as_str(),
        r.method,
        r.tool,
        r.request_id,
        r.args_digest,
        args,
        json(&r.findings)?,
        json(&r.rules)?,
        r.verdict.as_str(),
        r.reason,
        to_i64(r.latency_us),
        r.prev_hash,
        r.hash,
    ])?;
    Ok(())
}

/// Reads one row; anything that does not fit the record (a wrong type, invalid JSON) is reported
/// with its seq, since it can only come from someone editing the file.
fn from_row(row: &Row<'_>) -> Result<AuditRecord> {
    let seq: i64 = row.get(0)?;
    let bad = |what: &str, e: &dyn std::fmt::Display| StoreError::CorruptAudit {
        seq,
        detail: format!("{what}: {e}"),
    };
    let get_u64 = |i: usize, what: &str| -> Result<u64> {
        let n: i64 = row.get(i).map_err(|e| bad(what, &e))?;
        u64::try_from(n).map_err(|e| bad(what, &e))
    };
    let text = |i: usize, what: &str| -> Result<String> { row.get(i).map_err(|e| bad(what, &e)) };
    let opt =
        |i: usize, what: &str| -> Result<Option<String>> { row.get(i).map_err(|e| bad(what, &e)) };
    fn parse<T: DeserializeOwned>(s: &str) -> std::result::Result<T, serde_json::Error> {
        serde_json::from_str(s)
    }
    let args = match opt(11, "args")? {
        Some(s) => Some(parse(&s).map_err(|e| bad("args", &e))?),
        None => None,
    };
    Ok(AuditRecord {
        seq: u64::try_from(seq).map_err(|e| bad("seq", &e))?,
        v: u32::try_from(get_u64(1, "v")?).map_err(|e| bad("v", &e))?,
        time: text(2, "time")?,
        session: text(3, "session")?,
        principal: opt(4, "principal")?,
        server: text(5, "server")?,
        direction: Direction::parse(&text(6, "direction")?),
        method: text(7, "method")?,
        tool: opt(8, "tool")?,
        request_id: opt(9, "request_id")?,
        args_digest: opt(10, "args_digest")?,
        args,
        findings: parse(&text(12, "findings")?).map_err(|e| bad("findings", &e))?,
        rules: parse(&text(13, "rules")?).map_err(|e| bad("rules", &e))?,
        verdict: Verdict::parse(&text(14, "verdict")?),
        reason: text(15, "reason")?,
        latency_us: get_u64(16, "latency_us")?,
        prev_hash: text(17, "prev_hash")?,
        hash: text(18, "hash")?,
    })
}

fn query(
    conn: &Connection,
    sql_tail: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<AuditRecord>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM audit {sql_tail}"))?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(from_row(row)?);
    }
    Ok(out)
}

pub(super) fn range(conn: &Connection, from_seq: u64, limit: usize) -> Result<Vec<AuditRecord>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    query(
        conn,
        "WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
        &[&to_i64(from_seq), &limit],
    )
}

pub(super) fn get(conn: &Connection, seq: u64) -> Result<Option<AuditRecord>> {
    Ok(query(conn, "WHERE seq = ?1", &[&to_i64(seq)])?.pop())
}

pub(super) fn last(conn: &Connection) -> Result<Option<AuditRecord>> {
    Ok(query(conn, "ORDER BY seq DESC LIMIT 1", &[])?.pop())
}
