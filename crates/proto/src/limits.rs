//! Size and nesting limits applied to every frame before it is parsed.

use serde::Deserialize;

/// Default largest message, in bytes (16 MiB).
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
/// Default deepest nesting of arrays and objects. serde_json refuses anything past 128 when it
/// builds a value, so the default stays well below that.
pub const DEFAULT_MAX_DEPTH: usize = 64;

/// Limits for one transport. Deserialised from the `[limits]` table of the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest accepted message, in bytes, not counting the line terminator.
    pub max_message_bytes: usize,
    /// Deepest accepted nesting of JSON arrays and objects (the top-level value is depth 1).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: DEFAULT_MAX_MESSAGE_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }
}
