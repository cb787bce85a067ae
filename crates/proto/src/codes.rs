//! JSON-RPC error codes mcpguard answers with, in one place.
//!
//! Standard JSON-RPC codes for malformed input; codes in the implementation-defined range
//! (-32000..-32099) for decisions of the gateway. MCP itself uses -32002 (resource not found) and
//! -32042 (URL elicitation required); those are avoided here.

/// Not JSON, or not UTF-8.
pub const PARSE_ERROR: i64 = -32700;
/// Not a valid JSON-RPC message, too large, too deep, or wrong for the session's state.
pub const INVALID_REQUEST: i64 = -32600;
/// Method not found (used by upstreams; the gateway only relays it).
pub const METHOD_NOT_FOUND: i64 = -32601;
/// Something inside the gateway failed; the request was not forwarded.
pub const INTERNAL_ERROR: i64 = -32603;
/// The upstream server exited, crashed or could not be reached. The Python SDK uses the same code
/// for a closed connection, so clients already treat it as such.
pub const UPSTREAM_CLOSED: i64 = -32000;
/// Refused by one of mcpguard's checks (pins, manifest, policy): the data names which.
pub const DENIED: i64 = -32010;
