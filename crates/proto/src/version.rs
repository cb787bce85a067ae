//! The MCP protocol versions in the field and what differs between them.

/// Every protocol version mcpguard knows, oldest first.
pub const KNOWN: [&str; 5] = [
    "2024-11-05",
    "2025-03-26",
    "2025-06-18",
    "2025-11-25",
    "2026-07-28",
];

/// The first stateless version: no `initialize`; `server/discover` and per-request `_meta`.
pub const STATELESS_SINCE: &str = "2026-07-28";

/// The `_meta` key that carries the protocol version on every stateless-era request.
pub const META_PROTOCOL_VERSION: &str = "io.modelcontextprotocol/protocolVersion";

/// JSON-RPC batches were allowed in exactly one version.
pub fn allows_batches(version: &str) -> bool {
    version == "2025-03-26"
}

/// Whether `version` belongs to the stateless era. Versions are ISO dates, so they compare as text.
pub fn is_stateless(version: &str) -> bool {
    version >= STATELESS_SINCE
}
