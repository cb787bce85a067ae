//! Test servers and harnesses for mcpguard, kept out of the product crates.
//!
//! The binaries under `src/bin` are peers that the tests and benchmarks spawn: a fast MCP server
//! whose own cost is negligible (`mcp-fast-server`), a zero-inspection byte relay that is the
//! baseline any gateway is compared with (`mcp-byte-relay`), and the end-to-end benchmark client
//! (`mcp-bench`). The library holds what they share, so the binaries stay thin.

pub mod bench;
pub mod payload;
pub mod wire;
