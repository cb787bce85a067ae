//! The tamper-evident audit log: every decision of the gateway, appended to one hash chain.
//!
//! The gateway fills a [`NewAuditRecord`] and calls [`Store::append_audit`](crate::Store::append_audit),
//! which numbers, timestamps, links and seals the record in one transaction and returns only once
//! it is durable: the decision takes effect after it is on disk. [`verify_chain`] checks a
//! sequence of records (from the store or an exported file) and says where and how it breaks.

mod canon;
mod chain;
mod record;

pub(crate) use chain::seal;
pub use chain::{
    args_digest, check_anchor, record_hash, verify_chain, BreakKind, ChainBreak, ChainStart,
    ChainSummary, GENESIS_HASH,
};
pub use record::{
    AuditFinding, AuditRecord, Direction, NewAuditRecord, Verdict, AUDIT_FORMAT, MAX_EXACT_INT,
};

#[cfg(test)]
mod tests;
