//! The errors a frame can have, each mapped to a JSON-RPC code and a stable kind string.

use crate::codes;

/// Why a frame was refused. The `kind()` string is stable: it appears in error `data` and logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProtoError {
    #[error("message of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("message nesting exceeds the limit of {limit} levels")]
    TooDeep { limit: usize },
    #[error("message is not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 { offset: usize },
    #[error("message is not valid JSON: {detail}")]
    NotJson { detail: String },
    #[error("not a JSON-RPC 2.0 message: {detail}")]
    InvalidMessage { detail: String },
    #[error("empty JSON-RPC batch")]
    EmptyBatch,
}

impl ProtoError {
    /// The JSON-RPC error code to answer with.
    pub fn code(&self) -> i64 {
        match self {
            ProtoError::InvalidUtf8 { .. } | ProtoError::NotJson { .. } => codes::PARSE_ERROR,
            ProtoError::TooLarge { .. }
            | ProtoError::TooDeep { .. }
            | ProtoError::InvalidMessage { .. }
            | ProtoError::EmptyBatch => codes::INVALID_REQUEST,
        }
    }

    /// A stable, machine-readable name for the error.
    pub fn kind(&self) -> &'static str {
        match self {
            ProtoError::TooLarge { .. } => "too_large",
            ProtoError::TooDeep { .. } => "too_deep",
            ProtoError::InvalidUtf8 { .. } => "invalid_utf8",
            ProtoError::NotJson { .. } => "not_json",
            ProtoError::InvalidMessage { .. } => "invalid_message",
            ProtoError::EmptyBatch => "empty_batch",
        }
    }
}
