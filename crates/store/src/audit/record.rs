//! The audit record: what was decided, about what, for whom, and why — plus its place in the chain.
//!
//! The JSON form is a stable interface (`docs/audit.md`): exports, `audit show --json` and the hash
//! are all computed from it, so every key is always present (absent values are `null`) and unknown
//! keys are refused when a record is read back. Verdicts and directions are *open* string enums:
//! a newer mcpguard may write values an older one does not know, and the older one must still be
//! able to read and verify the log.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Version of the record format, stored in every record (`v`). A change to the set of hashed
/// fields must bump it, so that old records keep verifying with the fields they were hashed with.
pub const AUDIT_FORMAT: u32 = 1;

/// Declares an open string enum: known values as variants, anything else kept verbatim in `Other`.
macro_rules! open_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vm])* $var,)*
            /// A value this version does not know (kept as written).
            Other(String),
        }

        impl $name {
            /// The value as written in the log.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$var => $s,)*
                    Self::Other(s) => s,
                }
            }

            /// Reads a value; unknown ones become `Other`.
            pub fn parse(s: &str) -> Self {
                match s {
                    $($s => Self::$var,)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(Self::parse(&String::deserialize(d)?))
            }
        }
    };
}

open_enum! {
    /// What was decided.
    Verdict {
        /// Forwarded as it was.
        Allow = "allow",
        /// Refused (the client or server got an error).
        Deny = "deny",
        /// Held until a person decides (policy said `approve`).
        Hold = "hold",
        /// A person approved a held call.
        Approve = "approve",
        /// A person refused a held call.
        Reject = "reject",
        /// Forwarded with parts removed (secrets, quarantined content).
        Redact = "redact",
        /// A pinned definition changed, or a pin was approved, rejected or forgotten.
        PinChange = "pin_change",
    }
}

open_enum! {
    /// Where the decided-upon message came from.
    Direction {
        /// From the client, towards a server (requests, notifications).
        Client = "client",
        /// From a server, towards the client (responses, server-initiated requests).
        Server = "server",
        /// No message: an action of the gateway or of a person at the CLI (e.g. a pin approval).
        Local = "local",
    }
}

/// A detection finding, as much of it as the log keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditFinding {
    /// Rule id (e.g. `poison.important-tag`).
    pub rule: String,
    /// Severity as the detection engine names it (e.g. `high`).
    pub severity: String,
}

/// What the caller fills in; the store adds `seq`, `time`, `prev_hash` and `hash`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAuditRecord {
    /// Session id (the gateway's, or `Mcp-Session-Id`).
    pub session: String,
    /// Who acted: the client or agent identity, if known.
    pub principal: Option<String>,
    /// The server's name (as in `wrap --name`).
    pub server: String,
    /// Where the message came from.
    pub direction: Direction,
    /// JSON-RPC method (`tools/call`, …), or for a response the method of its request.
    pub method: String,
    /// The tool (or prompt / resource) concerned, if any.
    pub tool: Option<String>,
    /// The JSON-RPC id as JSON text (`7`, `"abc"`), to pair a request with its response.
    pub request_id: Option<String>,
    /// [`args_digest`](crate::args_digest) of the arguments as received, before any redaction.
    pub args_digest: Option<String>,
    /// The arguments themselves, only if the configuration keeps them, and already redacted.
    pub args: Option<Value>,
    /// What detection found.
    pub findings: Vec<AuditFinding>,
    /// Ids of the rules that made the decision.
    pub rules: Vec<String>,
    /// The decision.
    pub verdict: Verdict,
    /// Why, in words a person can act on.
    pub reason: String,
    /// Time spent deciding, in microseconds.
    pub latency_us: u64,
}

/// A record as stored: the caller's fields, its position and its link in the chain.
///
/// Field order here is the order of the JSON output; the hash does not depend on it (RFC 8785
/// sorts keys).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditRecord {
    /// Record format ([`AUDIT_FORMAT`]).
    pub v: u32,
    /// Position in the chain: global across servers, from 1, without gaps.
    pub seq: u64,
    /// When it was appended: RFC 3339, UTC, milliseconds (`2026-01-31T12:00:00.123Z`).
    pub time: String,
    pub session: String,
    pub principal: Option<String>,
    pub server: String,
    pub direction: Direction,
    pub method: String,
    pub tool: Option<String>,
    pub request_id: Option<String>,
    pub args_digest: Option<String>,
    pub args: Option<Value>,
    pub findings: Vec<AuditFinding>,
    pub rules: Vec<String>,
    pub verdict: Verdict,
    pub reason: String,
    pub latency_us: u64,
    /// `hash` of the record before (the genesis value for seq 1).
    pub prev_hash: String,
    /// `sha256(prev_hash ‖ RFC 8785 of this record without "hash")`, lowercase hex.
    pub hash: String,
}

/// Largest integer RFC 8785 represents exactly (it writes numbers as IEEE doubles): larger
/// counters are clamped so that the hash covers their exact value.
pub const MAX_EXACT_INT: u64 = (1 << 53) - 1;

impl AuditRecord {
    /// Places `new` in the chain at `seq` after `prev_hash`; `hash` is left empty (see
    /// [`crate::audit::seal`]).
    pub(crate) fn unsealed(new: NewAuditRecord, seq: u64, time: String, prev_hash: String) -> Self {
        AuditRecord {
            v: AUDIT_FORMAT,
            seq,
            time,
            session: new.session,
            principal: new.principal,
            server: new.server,
            direction: new.direction,
            method: new.method,
            tool: new.tool,
            request_id: new.request_id,
            args_digest: new.args_digest,
            args: new.args,
            findings: new.findings,
            rules: new.rules,
            verdict: new.verdict,
            reason: new.reason,
            latency_us: new.latency_us.min(MAX_EXACT_INT),
            prev_hash,
            hash: String::new(),
        }
    }
}
