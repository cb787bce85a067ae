//! JSON-RPC 2.0 and MCP framing for mcpguard, as views over the raw bytes.
//!
//! The gateway must forward what it does not mean to change byte for byte, so this crate never
//! re-serialises a message: it validates a frame (size, UTF-8, nesting depth, JSON syntax), then
//! reads only the envelope (`jsonrpc`, `id`, `method`, and the raw text of `params`/`result`/`error`)
//! borrowing from the input — in one pass for a plain message ([`decode_frame`]). Callers that need
//! a field's value parse that raw text on demand.
//!
//! No async, no I/O beyond the generic line reader: the core and the fuzz targets use it directly.

pub mod codes;
mod envelope;
pub mod error;
pub mod frame;
pub mod limits;
pub mod message;
pub mod reply;
pub mod scan;
pub mod version;

pub use error::ProtoError;
pub use frame::{LineReader, ReadLine};
pub use limits::Limits;
pub use message::{
    check_frame, decode, decode_frame, decode_one, Decoded, IdKey, Kind, Message, Raw,
};
