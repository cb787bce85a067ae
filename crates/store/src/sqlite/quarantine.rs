//! Quarantined content in SQLite (table `quarantine`, migration 0005).
//!
//! Writes take the write lock up front (IMMEDIATE) like every other write, but do not bump the
//! pins generation: gateways watch it to reload pins, and a quarantined result is not a pin
//! change. A release needs no signal either: the gate asks [`is_released`] for each item it
//! would withhold.

use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::{now, SqliteStore};
use crate::audit::AuditFinding;
use crate::error::StoreError;
use crate::quarantine::{NewQuarantine, QuarantineStatus, Quarantined, MIN_ID_PREFIX};
use crate::Result;

const COLUMNS: &str = "id, server, session, method, tool, content, length(CAST(content AS BLOB)), \
     findings, reason, created_at, status, released_at, released_by, hits";

/// The same columns with the content left out (`NULL`).
const COLUMNS_NO_CONTENT: &str = "id, server, session, method, tool, NULL, \
     length(CAST(content AS BLOB)), findings, reason, created_at, status, released_at, released_by, hits";

type Raw = (Quarantined, String, String);

/// Reads a row; findings and status are parsed afterwards (they can be corrupt).
fn raw(r: &Row<'_>) -> rusqlite::Result<Raw> {
    let item = Quarantined {
        id: r.get(0)?,
        server: r.get(1)?,
        session: r.get(2)?,
        method: r.get(3)?,
        tool: r.get(4)?,
        content: r.get(5)?,
        content_bytes: r.get::<_, i64>(6)?.try_into().unwrap_or(0),
        findings: Vec::new(),
        reason: r.get(8)?,
        created_at: r.get(9)?,
        status: QuarantineStatus::Held,
        released_at: r.get(11)?,
        released_by: r.get(12)?,
        hits: r.get::<_, i64>(13)?.try_into().unwrap_or(0),
    };
    Ok((item, r.get(7)?, r.get(10)?))
}

fn finish((mut item, findings, status): Raw) -> Result<Quarantined> {
    item.findings = serde_json::from_str(&findings)
        .map_err(|e| StoreError::Corrupt(format!("quarantine {} findings: {e}", item.id)))?;
    item.status = QuarantineStatus::parse(&status)
        .ok_or_else(|| StoreError::Corrupt(format!("quarantine {} status {status:?}", item.id)))?;
    Ok(item)
}

fn query(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Quarantined>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map(args, raw)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(finish).collect()
}

fn get(conn: &Connection, server: &str, id: &str) -> Result<Option<Quarantined>> {
    let sql = format!("SELECT {COLUMNS} FROM quarantine WHERE server = ?1 AND id = ?2");
    let raw = conn.query_row(&sql, [server, id], raw).optional()?;
    raw.map(finish).transpose()
}

/// Characters an id may hold; anything else cannot match (and would be a GLOB pattern).
fn plain_id(id: &str) -> bool {
    id.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn findings_json(findings: &[AuditFinding]) -> Result<String> {
    serde_json::to_string(findings)
        .map_err(|e| StoreError::Refused(format!("quarantine findings: {e}")))
}

impl SqliteStore {
    pub(crate) fn quarantine_impl(&self, item: &NewQuarantine) -> Result<Quarantined> {
        let findings = findings_json(&item.findings)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO quarantine (id, server, session, method, tool, content, findings, reason,
                                     created_at, status, hits)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'held', 1)
             ON CONFLICT (server, id) DO UPDATE SET hits = hits + 1",
            params![
                item.id,
                item.server,
                item.session,
                item.method,
                item.tool,
                item.content,
                findings,
                item.reason,
                now()
            ],
        )?;
        let stored = get(&tx, &item.server, &item.id)?;
        tx.commit()?;
        stored.ok_or_else(|| StoreError::Corrupt(format!("quarantine {} vanished", item.id)))
    }

    pub(crate) fn quarantined_impl(&self, id: &str) -> Result<Vec<Quarantined>> {
        if id.is_empty() || !plain_id(id) {
            return Ok(Vec::new());
        }
        let conn = self.conn();
        let by = |filter: &str, arg: &str| {
            let sql = format!(
                "SELECT {COLUMNS} FROM quarantine WHERE {filter} ORDER BY created_at, server, id"
            );
            query(&conn, &sql, [arg])
        };
        let exact = by("id = ?1", id)?;
        if !exact.is_empty() || id.chars().count() < MIN_ID_PREFIX {
            return Ok(exact);
        }
        // GLOB is case-sensitive and uses the index on `id` for a constant prefix.
        by("id GLOB ?1", &format!("{id}*"))
    }

    pub(crate) fn quarantine_list_impl(
        &self,
        include_released: bool,
        limit: usize,
    ) -> Result<Vec<Quarantined>> {
        let filter = if include_released {
            ""
        } else {
            "WHERE status = 'held'"
        };
        let sql = format!(
            "SELECT {COLUMNS_NO_CONTENT} FROM quarantine {filter}
             ORDER BY created_at DESC, server, id LIMIT ?1"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        query(&self.conn(), &sql, [limit])
    }

    pub(crate) fn release_quarantine_impl(&self, server: &str, id: &str, by: &str) -> Result<bool> {
        let conn = self.conn();
        let n = conn.execute(
            "UPDATE quarantine SET status = 'released', released_at = ?3, released_by = ?4
             WHERE server = ?1 AND id = ?2 AND status = 'held'",
            params![server, id, now(), by],
        )?;
        Ok(n > 0)
    }

    pub(crate) fn is_released_impl(&self, server: &str, id: &str) -> Result<bool> {
        let status: Option<String> = self
            .conn()
            .query_row(
                "SELECT status FROM quarantine WHERE server = ?1 AND id = ?2",
                [server, id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(status.as_deref() == Some(QuarantineStatus::Released.as_str()))
    }
}

#[cfg(test)]
mod tests;
