//! Errors of the gateway's I/O layer.

use std::io;

/// Why the gateway could not do its job.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GatewayError {
    /// The server process could not be started (the command, and the OS error).
    #[error("could not start the server `{command}`: {source}")]
    Spawn { command: String, source: io::Error },
    #[error("no server command was given")]
    NoCommand,
    #[error("the pin store is unavailable: {0}")]
    Store(#[from] mcpguard_store::StoreError),
    #[error("I/O error: {0}")]
    Io(#[from] io::Error),
}
