//! Content the gate withheld from the client (a tool result, `resources/read` contents,
//! `prompts/get` messages), kept for a person to review with `mcpguard quarantine`.
//!
//! The gate names each item: the first 16 hex digits of `sha256(server "\n" result JSON)`, so the
//! same content from the same server is one item whose `hits` count up. Once a person releases an
//! item, the gate lets that content from that server through (spotlighted) — it asks
//! [`Store::is_released`](crate::Store::is_released).

use serde::Serialize;

use crate::audit::AuditFinding;

/// Shortest id prefix [`Store::quarantined`](crate::Store::quarantined) accepts.
pub const MIN_ID_PREFIX: usize = 6;

/// Where a quarantined item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuarantineStatus {
    /// Withheld: the client gets a notice instead of the content.
    Held,
    /// A person released it: the same content from the same server passes.
    Released,
}

impl QuarantineStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            QuarantineStatus::Held => "held",
            QuarantineStatus::Released => "released",
        }
    }

    pub fn parse(s: &str) -> Option<QuarantineStatus> {
        [QuarantineStatus::Held, QuarantineStatus::Released]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// What the gateway records when it withholds content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuarantine {
    /// The gate's id (16 lowercase hex digits, see the module docs).
    pub id: String,
    pub server: String,
    /// The session that received it.
    pub session: String,
    /// `tools/call`, `resources/read` or `prompts/get`.
    pub method: String,
    /// The tool, resource URI or prompt concerned, if known.
    pub tool: Option<String>,
    /// The original result, JSON text (the gateway's message size limit bounds it).
    pub content: String,
    /// What detection found in it.
    pub findings: Vec<AuditFinding>,
    /// Why it was quarantined, in words a person can act on.
    pub reason: String,
}

/// A quarantined item as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quarantined {
    pub id: String,
    pub server: String,
    /// The session that first received it.
    pub session: String,
    pub method: String,
    pub tool: Option<String>,
    /// The original result, JSON text. `None` in [`Store::quarantine_list`](crate::Store::quarantine_list),
    /// which does not load it; see `content_bytes`.
    pub content: Option<String>,
    /// Length of the content in bytes (always set).
    pub content_bytes: u64,
    /// What detection found the first time.
    pub findings: Vec<AuditFinding>,
    /// Why it was quarantined the first time.
    pub reason: String,
    /// First quarantined, unix seconds.
    pub created_at: i64,
    pub status: QuarantineStatus,
    pub released_at: Option<i64>,
    pub released_by: Option<String>,
    /// How many times this content from this server was quarantined (from 1).
    pub hits: u64,
}
