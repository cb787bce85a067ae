//! A minimal MCP client that lists what a server offers: tools, prompts, resources, resource
//! templates, and the `instructions`/`serverInfo` of its handshake.
//!
//! `mcpguard scan` uses it to judge servers before a model ever sees their metadata. It is blocking
//! and bounded on purpose: one call per server, a deadline over the whole exchange (stdio servers
//! started through `npx`/`uvx` can take many seconds to start), a cap on pages and items, and a
//! size limit on every message. It never calls a tool, reads a resource or answers sampling.

mod error;
mod http;
mod rpc;
mod sse;
mod stdio;

use std::time::{Duration, Instant};

use serde_json::Value;

pub use error::ClientError;
pub use http::HttpTarget;
pub use rpc::PROTOCOL_VERSION;
pub use stdio::{display_command, StdioTarget};

/// Bounds on one listing.
#[derive(Debug, Clone)]
pub struct ListOptions {
    /// The whole exchange (start, handshake, every page) must finish within this.
    pub timeout: Duration,
    /// Pages followed per list before stopping.
    pub max_pages: usize,
    /// Items kept per list.
    pub max_items: usize,
    /// Largest accepted message, in bytes.
    pub max_message_bytes: usize,
}

impl Default for ListOptions {
    fn default() -> Self {
        ListOptions {
            timeout: Duration::from_secs(30),
            max_pages: 100,
            max_items: 10_000,
            max_message_bytes: mcpguard_proto::limits::DEFAULT_MAX_MESSAGE_BYTES,
        }
    }
}

/// Everything a server showed us, as raw JSON so nothing is lost before it is judged.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    /// The version the server answered with.
    pub protocol_version: String,
    pub server_info: Option<Value>,
    pub instructions: Option<String>,
    pub capabilities: Value,
    pub tools: Vec<Value>,
    pub prompts: Vec<Value>,
    pub resources: Vec<Value>,
    pub resource_templates: Vec<Value>,
    /// What did not go as planned without making the listing fail (a refused list, a page bound).
    pub notes: Vec<String>,
}

/// Launches a stdio server, lists it, and stops it (always, whatever happened).
pub fn list_stdio(target: &StdioTarget, opts: &ListOptions) -> Result<Inventory, ClientError> {
    let deadline = Instant::now() + opts.timeout;
    let mut rpc = stdio::StdioRpc::spawn(target, opts.max_message_bytes)?;
    rpc::inventory(&mut rpc, opts, deadline)
}

/// Lists a Streamable HTTP server, then ends its session.
pub fn list_http(target: &HttpTarget, opts: &ListOptions) -> Result<Inventory, ClientError> {
    let deadline = Instant::now() + opts.timeout;
    let mut rpc = http::HttpRpc::new(target, opts.max_message_bytes);
    rpc::inventory(&mut rpc, opts, deadline)
}
