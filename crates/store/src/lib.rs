//! Persistent state of mcpguard: pins (what the user trusted), pending changes, trusted keys, and
//! the tamper-evident audit log.
//!
//! The [`Store`] trait is what the gateway and the CLI use; [`SqliteStore`] is the embedded default
//! (one file in the data directory, WAL, shared safely by several gateways at once). The trait is
//! synchronous and object-safe so that a PostgreSQL implementation can stand beside it.

mod approvals;
pub mod audit;
mod error;
mod keys;
mod paths;
mod pins;
pub mod quarantine;
mod sqlite;

pub use approvals::{Approval, ApprovalStatus, NewApproval, Remember};
pub use audit::{AuditRecord, NewAuditRecord};
pub use error::StoreError;
pub use keys::TrustedKey;
pub use paths::{default_data_dir, DataDirSource};
pub use pins::{
    ItemKind, Pending, PendingReason, PendingState, Pin, PinChange, PinnedItem, ServerRecord,
    Target,
};
pub use quarantine::{NewQuarantine, QuarantineStatus, Quarantined};
pub use sqlite::{SqliteStore, Sync};

/// Result type of the store.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Pins, approvals, keys and the audit log. Every method is one transaction: a crash leaves either the state
/// before or the state after, never a mix.
pub trait Store: Send + std::marker::Sync {
    /// The server's record, if it was seen before.
    fn server(&self, name: &str) -> Result<Option<ServerRecord>>;
    /// Records the server's launch spec: trusted on first use; a different spec later becomes a
    /// pending change (the approved one stays). Returns the record as it is now.
    fn record_server(&self, name: &str, launch: &str) -> Result<ServerRecord>;
    /// Every known server.
    fn servers(&self) -> Result<Vec<ServerRecord>>;
    /// Every pin of a server.
    fn pins(&self, server: &str) -> Result<Vec<Pin>>;
    /// Applies what the gate observed, in one transaction.
    fn apply(&self, server: &str, changes: &[PinChange]) -> Result<()>;
    /// Trusts the pending change of a target (`false` if there is none).
    fn approve(&self, server: &str, target: &Target) -> Result<bool>;
    /// Marks the pending change of a target as rejected: it stays blocked and is not asked again.
    fn reject(&self, server: &str, target: &Target) -> Result<bool>;
    /// Forgets a pin (the next listing pins it afresh) or, for [`Target::Server`], the server and
    /// all its pins. Returns how many records were removed.
    fn forget(&self, server: &str, target: &Target) -> Result<usize>;
    /// A number that changes whenever anything above changes.
    fn generation(&self) -> Result<i64>;
    /// Trusts a manifest-signing key (re-trusting a revoked key is refused).
    fn trust_key(&self, key: &TrustedKey) -> Result<()>;
    /// Every key ever trusted, revoked ones included.
    fn keys(&self) -> Result<Vec<TrustedKey>>;
    /// Revokes a key (`false` if unknown).
    fn revoke_key(&self, id: &str) -> Result<bool>;
    /// Records a call held for approval.
    fn create_approval(&self, new: &NewApproval) -> Result<Approval>;
    fn approval(&self, id: i64) -> Result<Option<Approval>>;
    /// Decides a pending approval; `false` if it is not pending (decided, expired or unknown).
    fn decide_approval(
        &self,
        id: i64,
        status: ApprovalStatus,
        remember: Remember,
        by: &str,
    ) -> Result<bool>;
    /// Held calls, newest first (`only_pending`: those still waiting).
    fn approvals(&self, only_pending: bool) -> Result<Vec<Approval>>;

    /// Keeps content the gate withheld. A new (server, id) is stored as held with `hits` 1; a
    /// known one keeps its first record (a released item stays released) and counts one more hit.
    /// Returns the item as it is now: the caller checks `status`.
    fn quarantine(&self, item: &NewQuarantine) -> Result<Quarantined>;
    /// Items whose id is `id`, or — if none is and `id` has at least
    /// [`quarantine::MIN_ID_PREFIX`] characters — whose id starts with it; every server's, oldest
    /// first. More than one item means the same id on several servers or an ambiguous prefix:
    /// the caller decides.
    fn quarantined(&self, id: &str) -> Result<Vec<Quarantined>>;
    /// Up to `limit` items, newest first, held ones only unless `include_released`. The content
    /// is not loaded (`content` is `None`; `content_bytes` is set).
    fn quarantine_list(&self, include_released: bool, limit: usize) -> Result<Vec<Quarantined>>;
    /// Releases a held item; `true` if it was held (`false`: already released, or unknown).
    fn release_quarantine(&self, server: &str, id: &str, by: &str) -> Result<bool>;
    /// Whether a person released this content of this server.
    fn is_released(&self, server: &str, id: &str) -> Result<bool>;

    /// Appends a record to the audit chain and returns it as stored. The store assigns `seq`
    /// (the last seq + 1, from 1, global across every gateway sharing the store), `time`,
    /// `prev_hash` (the last record's hash, or [`audit::GENESIS_HASH`]) and `hash`, all inside one
    /// transaction that excludes every other appender, so the chain never forks and has no gaps.
    /// Returns only after the record is durably committed: apply the decision after this returns.
    fn append_audit(&self, rec: NewAuditRecord) -> Result<AuditRecord>;
    /// Up to `limit` records with `seq >= from_seq`, in seq order.
    fn audit_range(&self, from_seq: u64, limit: usize) -> Result<Vec<AuditRecord>>;
    /// The record at `seq`, if there is one.
    fn audit_get(&self, seq: u64) -> Result<Option<AuditRecord>>;
    /// The record with the highest seq (the head), if any.
    fn audit_last(&self) -> Result<Option<AuditRecord>>;
}
