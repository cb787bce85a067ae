//! The embedded store: one SQLite file, WAL journal, full sync (audit appends may be set to commit
//! to the WAL only), a small page cache, a busy timeout so that several gateways (one per wrapped
//! server) can share it. Migrations are numbered SQL files in
//! `migrations/`, applied in order and recorded in `PRAGMA user_version`.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};

use crate::approvals::{Approval, ApprovalStatus, NewApproval, Remember};
use crate::audit::{AuditRecord, NewAuditRecord};
use crate::error::StoreError;
use crate::keys::TrustedKey;
use crate::pins::{
    ItemKind, Pending, PendingReason, PendingState, Pin, PinChange, PinnedItem, ServerRecord,
    Target,
};
use crate::quarantine::{NewQuarantine, Quarantined};
use crate::{Result, Store};

mod audit;
mod quarantine;

const MIGRATIONS: [&str; 5] = [
    include_str!("../migrations/0001_pins.sql"),
    include_str!("../migrations/0002_keys.sql"),
    include_str!("../migrations/0003_audit.sql"),
    include_str!("../migrations/0004_approvals.sql"),
    include_str!("../migrations/0005_quarantine.sql"),
];

/// The file name inside the data directory.
pub const DB_FILE: &str = "mcpguard.db";

/// How durable a commit is when a write returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sync {
    /// Synced to disk (`synchronous=FULL`): survives a power loss. One fsync per write.
    Full,
    /// Committed to the write-ahead log (`synchronous=NORMAL`): survives a crash or `kill -9` of
    /// the process; a power loss or OS crash may lose the last commits before a checkpoint.
    Normal,
}

impl Sync {
    fn pragma(self) -> &'static str {
        match self {
            Sync::Full => "FULL",
            Sync::Normal => "NORMAL",
        }
    }
}

/// SQLite-backed [`Store`].
///
/// One connection serves everything (pins, approvals, audit): a second one would cost its own page
/// cache, schema and lookaside memory. Audit appends may commit at a different durability than the
/// other writes ([`SqliteStore::with_audit_sync`]); the connection switches `synchronous` only when
/// the kind of write changes, so a run of appends pays nothing for it.
pub struct SqliteStore {
    conn: Mutex<Db>,
    /// Durability of every write but audit appends.
    sync: Sync,
    /// Durability of audit appends.
    audit_sync: Sync,
}

/// The connection and the `synchronous` level it is set to now.
struct Db {
    conn: Connection,
    sync: Sync,
}

impl Db {
    /// Sets the commit durability of the next transaction (a no-op when it is already set).
    fn ensure(&mut self, sync: Sync) -> Result<()> {
        if self.sync != sync {
            self.conn
                .pragma_update(None, "synchronous", sync.pragma())?;
            self.sync = sync;
        }
        Ok(())
    }
}

impl std::ops::Deref for Db {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.conn
    }
}

impl std::ops::DerefMut for Db {
    fn deref_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Page cache of the connection, in KiB (SQLite's default is 2000). Appends touch only the last
/// pages of the audit table and the other tables are small, so a larger cache only adds resident
/// memory to every gateway: with the default, a long session's appends fill it to ~2 MB.
const PAGE_CACHE_KIB: i64 = 256;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl SqliteStore {
    /// Opens (creating if needed) the store in `data_dir`.
    pub fn open_dir(data_dir: &Path) -> Result<SqliteStore> {
        SqliteStore::open_dir_with(data_dir, Sync::Full)
    }

    /// Creates the data directory, private to its owner.
    fn make_dir(data_dir: &Path) -> Result<()> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(data_dir, std::fs::Permissions::from_mode(0o700));
        }
        Ok(())
    }

    /// Opens (creating if needed) the store file at `path`.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        SqliteStore::open_with(path, Sync::Full)
    }

    /// Opens the store in `data_dir` with a chosen commit durability (see [`Sync`]).
    pub fn open_dir_with(data_dir: &Path, sync: Sync) -> Result<SqliteStore> {
        SqliteStore::make_dir(data_dir)?;
        SqliteStore::open_with(&data_dir.join(DB_FILE), sync)
    }

    /// Opens the store file at `path` with a chosen commit durability.
    pub fn open_with(path: &Path, sync: Sync) -> Result<SqliteStore> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", sync.pragma())
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)
            .map_err(open_err)?;
        migrate(&mut conn)?;
        Ok(SqliteStore {
            conn: Mutex::new(Db { conn, sync }),
            sync,
            audit_sync: sync,
        })
    }

    /// Audit appends commit at `sync`; every other write keeps the durability the store was
    /// opened with.
    pub fn with_audit_sync(mut self, sync: Sync) -> SqliteStore {
        self.audit_sync = sync;
        self
    }

    fn conn(&self) -> MutexGuard<'_, Db> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` in an immediate transaction (the write lock is taken up front, so two gateways
    /// never interleave a read-modify-write) and bumps the generation.
    fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn();
        conn.ensure(self.sync)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.execute("UPDATE generation SET value = value + 1 WHERE id = 1", [])?;
        tx.commit()?;
        Ok(out)
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            found: version,
            known,
        });
    }
    for sql in &MIGRATIONS[version as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(())
}

fn item(hash: Option<String>, content: Option<String>) -> Option<PinnedItem> {
    Some(PinnedItem {
        hash: hash?,
        content: content?,
    })
}

fn state_from(s: Option<String>) -> Result<Option<PendingState>> {
    match s.as_deref() {
        None => Ok(None),
        Some("pending") => Ok(Some(PendingState::Pending)),
        Some("rejected") => Ok(Some(PendingState::Rejected)),
        Some(other) => Err(StoreError::Corrupt(format!("pending_state {other:?}"))),
    }
}

const PIN_COLUMNS: &str =
    "server, kind, name, approved_hash, approved_content, pending_hash, pending_content, \
                           pending_reason, pending_state, pending_note, first_seen, updated_at";

type RawPin = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    i64,
);

fn raw_pin(r: &Row<'_>) -> rusqlite::Result<RawPin> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
    ))
}

fn to_pin(raw: RawPin) -> Result<Pin> {
    let (server, kind, name, ah, ac, ph, pc, reason, state, note, first_seen, updated_at) = raw;
    let kind =
        ItemKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("pin kind {kind:?}")))?;
    let pending = match (reason, state_from(state)?) {
        (Some(reason), Some(state)) => Some(Pending {
            reason: PendingReason::parse(&reason)
                .ok_or_else(|| StoreError::Corrupt(format!("pending reason {reason:?}")))?,
            state,
            item: item(ph, pc),
            note: note.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(Pin {
        server,
        kind,
        name,
        approved: item(ah, ac),
        pending,
        first_seen,
        updated_at,
    })
}

fn load_pin(tx: &Transaction<'_>, server: &str, kind: ItemKind, name: &str) -> Result<Option<Pin>> {
    let sql =
        format!("SELECT {PIN_COLUMNS} FROM pins WHERE server = ?1 AND kind = ?2 AND name = ?3");
    let raw = tx
        .query_row(&sql, params![server, kind.as_str(), name], raw_pin)
        .optional()?;
    raw.map(to_pin).transpose()
}

type RawServer = (String, String, Option<String>, Option<String>, i64, i64);

fn to_server(r: &Row<'_>) -> rusqlite::Result<RawServer> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn server_record(
    raw: (String, String, Option<String>, Option<String>, i64, i64),
) -> Result<ServerRecord> {
    let (name, launch, pending_launch, state, first_seen, updated_at) = raw;
    Ok(ServerRecord {
        name,
        launch,
        pending_launch,
        pending_state: state_from(state)?,
        first_seen,
        updated_at,
    })
}

const SERVER_COLUMNS: &str = "name, launch, pending, pending_state, first_seen, updated_at";

fn apply_one(tx: &Transaction<'_>, server: &str, change: &PinChange, t: i64) -> Result<()> {
    match change {
        PinChange::Trust { kind, name, item } => {
            tx.execute(
                "INSERT INTO pins (server, kind, name, approved_hash, approved_content, first_seen, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                 ON CONFLICT (server, kind, name) DO UPDATE SET approved_hash = ?4, approved_content = ?5,
                   pending_hash = NULL, pending_content = NULL, pending_reason = NULL, pending_state = NULL,
                   pending_note = NULL, updated_at = ?6",
                params![server, kind.as_str(), name, item.hash, item.content, t],
            )?;
        }
        PinChange::Hold {
            kind,
            name,
            reason,
            item,
            note,
        } => {
            let existing = load_pin(tx, server, *kind, name)?;
            let new_hash = item.as_ref().map(|i| i.hash.as_str());
            if let Some(p) = existing.as_ref().and_then(|p| p.pending.as_ref()) {
                let same =
                    p.item.as_ref().map(|i| i.hash.as_str()) == new_hash && p.reason == *reason;
                if same {
                    return Ok(()); // already recorded; a rejection stays a rejection
                }
            }
            tx.execute(
                "INSERT INTO pins (server, kind, name, pending_hash, pending_content, pending_reason, pending_state,
                                   pending_note, first_seen, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?8, ?8)
                 ON CONFLICT (server, kind, name) DO UPDATE SET pending_hash = ?4, pending_content = ?5,
                   pending_reason = ?6, pending_state = 'pending', pending_note = ?7, updated_at = ?8",
                params![
                    server,
                    kind.as_str(),
                    name,
                    new_hash,
                    item.as_ref().map(|i| i.content.as_str()),
                    reason.as_str(),
                    note,
                    t
                ],
            )?;
        }
    }
    Ok(())
}

impl Store for SqliteStore {
    fn server(&self, name: &str) -> Result<Option<ServerRecord>> {
        let conn = self.conn();
        let sql = format!("SELECT {SERVER_COLUMNS} FROM servers WHERE name = ?1");
        let raw = conn.query_row(&sql, [name], to_server).optional()?;
        raw.map(server_record).transpose()
    }

    fn record_server(&self, name: &str, launch: &str) -> Result<ServerRecord> {
        self.write(|tx| {
            let t = now();
            let sql = format!("SELECT {SERVER_COLUMNS} FROM servers WHERE name = ?1");
            let existing = tx.query_row(&sql, [name], to_server).optional()?.map(server_record).transpose()?;
            match existing {
                None => {
                    tx.execute(
                        "INSERT INTO servers (name, launch, first_seen, updated_at) VALUES (?1, ?2, ?3, ?3)",
                        params![name, launch, t],
                    )?;
                }
                Some(rec) if rec.launch == launch => {}
                Some(rec) if rec.pending_launch.as_deref() == Some(launch) => {}
                Some(_) => {
                    tx.execute(
                        "UPDATE servers SET pending = ?2, pending_state = 'pending', updated_at = ?3 WHERE name = ?1",
                        params![name, launch, t],
                    )?;
                }
            }
            let raw = tx.query_row(&sql, [name], to_server)?;
            server_record(raw)
        })
    }

    fn servers(&self) -> Result<Vec<ServerRecord>> {
        let conn = self.conn();
        let sql = format!("SELECT {SERVER_COLUMNS} FROM servers ORDER BY name");
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt
            .query_map([], to_server)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(server_record).collect()
    }

    fn pins(&self, server: &str) -> Result<Vec<Pin>> {
        let conn = self.conn();
        let sql = format!("SELECT {PIN_COLUMNS} FROM pins WHERE server = ?1 ORDER BY kind, name");
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt
            .query_map([server], raw_pin)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(to_pin).collect()
    }

    fn apply(&self, server: &str, changes: &[PinChange]) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let t = now();
            changes.iter().try_for_each(|c| apply_one(tx, server, c, t))
        })
    }

    fn approve(&self, server: &str, target: &Target) -> Result<bool> {
        self.write(|tx| {
            let t = now();
            let n = match target {
                Target::Server => tx.execute(
                    "UPDATE servers SET launch = pending, pending = NULL, pending_state = NULL, updated_at = ?2
                     WHERE name = ?1 AND pending IS NOT NULL",
                    params![server, t],
                )?,
                Target::Item(kind, name) => {
                    let Some(pin) = load_pin(tx, server, *kind, name)? else {
                        return Ok(false);
                    };
                    match pin.pending {
                        None => 0,
                        Some(Pending { item: None, .. }) => {
                            // approving a removal: the item is no longer pinned at all
                            tx.execute("DELETE FROM pins WHERE server = ?1 AND kind = ?2 AND name = ?3", params![server, kind.as_str(), name])?
                        }
                        Some(Pending { item: Some(item), .. }) => {
                            apply_one(tx, server, &PinChange::Trust { kind: *kind, name: name.clone(), item }, t)?;
                            1
                        }
                    }
                }
            };
            Ok(n > 0)
        })
    }

    fn reject(&self, server: &str, target: &Target) -> Result<bool> {
        self.write(|tx| {
            let t = now();
            let n = match target {
                Target::Server => tx.execute(
                    "UPDATE servers SET pending_state = 'rejected', updated_at = ?2 WHERE name = ?1 AND pending IS NOT NULL",
                    params![server, t],
                )?,
                Target::Item(kind, name) => tx.execute(
                    "UPDATE pins SET pending_state = 'rejected', updated_at = ?4
                     WHERE server = ?1 AND kind = ?2 AND name = ?3 AND pending_reason IS NOT NULL",
                    params![server, kind.as_str(), name, t],
                )?,
            };
            Ok(n > 0)
        })
    }

    fn forget(&self, server: &str, target: &Target) -> Result<usize> {
        self.write(|tx| {
            Ok(match target {
                Target::Server => {
                    tx.execute("DELETE FROM pins WHERE server = ?1", [server])?
                        + tx.execute("DELETE FROM servers WHERE name = ?1", [server])?
                }
                Target::Item(kind, name) => tx.execute(
                    "DELETE FROM pins WHERE server = ?1 AND kind = ?2 AND name = ?3",
                    params![server, kind.as_str(), name],
                )?,
            })
        })
    }

    fn generation(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM generation WHERE id = 1", [], |r| {
                r.get(0)
            })?)
    }

    fn trust_key(&self, key: &TrustedKey) -> Result<()> {
        self.write(|tx| {
            let revoked: Option<Option<i64>> = tx
                .query_row(
                    "SELECT revoked_at FROM keys WHERE id = ?1",
                    [&key.id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(Some(_)) = revoked {
                return Err(StoreError::Refused(format!(
                    "key {} was revoked; a revoked key cannot be trusted again",
                    key.id
                )));
            }
            tx.execute(
                "INSERT INTO keys (id, public_key, label, trusted_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET label = ?3",
                params![key.id, key.public_key, key.label, key.trusted_at],
            )?;
            Ok(())
        })
    }

    fn keys(&self) -> Result<Vec<TrustedKey>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT id, public_key, label, trusted_at, revoked_at FROM keys ORDER BY trusted_at, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(TrustedKey {
                id: r.get(0)?,
                public_key: r.get(1)?,
                label: r.get(2)?,
                trusted_at: r.get(3)?,
                revoked_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn create_approval(&self, new: &NewApproval) -> Result<Approval> {
        self.create_approval_impl(new)
    }

    fn approval(&self, id: i64) -> Result<Option<Approval>> {
        self.approval_impl(id)
    }

    fn decide_approval(
        &self,
        id: i64,
        status: ApprovalStatus,
        remember: Remember,
        by: &str,
    ) -> Result<bool> {
        self.decide_approval_impl(id, status, remember, by)
    }

    fn approvals(&self, only_pending: bool) -> Result<Vec<Approval>> {
        self.approvals_impl(only_pending)
    }

    fn quarantine(&self, item: &NewQuarantine) -> Result<Quarantined> {
        self.quarantine_impl(item)
    }

    fn quarantined(&self, id: &str) -> Result<Vec<Quarantined>> {
        self.quarantined_impl(id)
    }

    fn quarantine_list(&self, include_released: bool, limit: usize) -> Result<Vec<Quarantined>> {
        self.quarantine_list_impl(include_released, limit)
    }

    fn release_quarantine(&self, server: &str, id: &str, by: &str) -> Result<bool> {
        self.release_quarantine_impl(server, id, by)
    }

    fn is_released(&self, server: &str, id: &str) -> Result<bool> {
        self.is_released_impl(server, id)
    }

    fn revoke_key(&self, id: &str) -> Result<bool> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
                params![id, now()],
            )? > 0)
        })
    }

    fn append_audit(&self, rec: NewAuditRecord) -> Result<AuditRecord> {
        let mut db = self.conn();
        db.ensure(self.audit_sync)?;
        audit::append(&mut db, rec)
    }

    fn audit_range(&self, from_seq: u64, limit: usize) -> Result<Vec<AuditRecord>> {
        audit::range(&self.conn(), from_seq, limit)
    }

    fn audit_get(&self, seq: u64) -> Result<Option<AuditRecord>> {
        audit::get(&self.conn(), seq)
    }

    fn audit_last(&self) -> Result<Option<AuditRecord>> {
        audit::last(&self.conn())
    }
}

const APPROVAL_COLUMNS: &str =
    "id, server, session, tool, arguments, reason, status, remember, decided_by, created_at, decided_at";

fn to_approval(r: &Row<'_>) -> rusqlite::Result<Approval> {
    let status: String = r.get(6)?;
    let remember: String = r.get(7)?;
    Ok(Approval {
        id: r.get(0)?,
        server: r.get(1)?,
        session: r.get(2)?,
        tool: r.get(3)?,
        arguments: r.get(4)?,
        reason: r.get(5)?,
        status: ApprovalStatus::parse(&status).unwrap_or(ApprovalStatus::Expired),
        remember: if remember == "session" {
            Remember::Session
        } else {
            Remember::Once
        },
        decided_by: r.get(8)?,
        created_at: r.get(9)?,
        decided_at: r.get(10)?,
    })
}

impl SqliteStore {
    fn get_approval(conn: &Connection, id: i64) -> Result<Option<Approval>> {
        let sql = format!("SELECT {APPROVAL_COLUMNS} FROM approvals WHERE id = ?1");
        Ok(conn.query_row(&sql, [id], to_approval).optional()?)
    }

    pub(crate) fn create_approval_impl(&self, new: &NewApproval) -> Result<Approval> {
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO approvals (server, session, tool, arguments, reason, status, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6)",
                params![new.server, new.session, new.tool, new.arguments, new.reason, now()],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        SqliteStore::get_approval(&self.conn(), id)?
            .ok_or_else(|| StoreError::Corrupt(format!("approval {id} vanished")))
    }

    pub(crate) fn decide_approval_impl(
        &self,
        id: i64,
        status: ApprovalStatus,
        remember: Remember,
        by: &str,
    ) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE approvals SET status = ?2, remember = ?3, decided_by = ?4, decided_at = ?5
                 WHERE id = ?1 AND status = 'pending'",
                params![id, status.as_str(), remember.as_str(), by, now()],
            )?;
            Ok(n > 0)
        })
    }

    pub(crate) fn approvals_impl(&self, only_pending: bool) -> Result<Vec<Approval>> {
        let conn = self.conn();
        let filter = if only_pending {
            "WHERE status = 'pending'"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {APPROVAL_COLUMNS} FROM approvals {filter} ORDER BY id DESC LIMIT 1000"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], to_approval)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub(crate) fn approval_impl(&self, id: i64) -> Result<Option<Approval>> {
        SqliteStore::get_approval(&self.conn(), id)
    }
}

#[cfg(test)]
mod tests;
