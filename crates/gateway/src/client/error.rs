//! Why listing a server's inventory failed, in words a user can act on.

use std::io;
use std::time::Duration;

/// An error of the MCP client. Each variant says what was being done when it failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The server command could not be started.
    #[error("could not start `{command}`: {source}")]
    Spawn { command: String, source: io::Error },
    /// The server did not answer in time.
    #[error("no answer to `{method}` within {}s{}", after.as_secs_f32(), tail(stderr))]
    Timeout {
        method: String,
        after: Duration,
        stderr: String,
    },
    /// The server closed its output (usually: it exited) before answering.
    #[error("the server closed the connection before answering `{method}`{}{}", status.as_deref().map(|s| format!(" ({s})")).unwrap_or_default(), tail(stderr))]
    Closed {
        method: String,
        status: Option<String>,
        stderr: String,
    },
    /// The server answered with a JSON-RPC error.
    #[error("`{method}` failed: {message} (code {code})")]
    Rpc {
        method: String,
        code: i64,
        message: String,
    },
    /// The server answered something that is not a valid MCP answer.
    #[error("protocol error: {0}")]
    Protocol(String),
    /// An HTTP answer other than success.
    #[error("HTTP {status} from the server{}", if body.is_empty() { String::new() } else { format!(": {body}") })]
    HttpStatus { status: u16, body: String },
    /// The HTTP request could not be made (DNS, connection, TLS, …).
    #[error("HTTP request failed: {0}")]
    Http(String),
    /// The transport is not one this client speaks.
    #[error("unsupported transport: {0}")]
    Unsupported(String),
    #[error("I/O error: {0}")]
    Io(#[from] io::Error),
}

fn tail(stderr: &str) -> String {
    let t = stderr.trim();
    if t.is_empty() {
        String::new()
    } else {
        format!("; the server's stderr ends with: {t}")
    }
}

impl ClientError {
    /// The JSON-RPC error code, when the server answered with one.
    pub fn rpc_code(&self) -> Option<i64> {
        match self {
            ClientError::Rpc { code, .. } => Some(*code),
            _ => None,
        }
    }
}
