//! mcpguard's I/O: it moves bytes between MCP peers and the gate, and applies what the gate decides.
//!
//! Every frame read from either side goes through `mcpguard_core::Gate`; only what the gate returns
//! as `Checked` is written to the other side. This crate owns processes, pipes, signals and
//! threads, and nothing in it decides what may pass.

pub mod client;
pub mod error;
pub mod stdio;

pub use error::GatewayError;
