//! Engine settings: thresholds and limits. Deny unknown fields so a typo is an error.

use serde::Deserialize;

use crate::error::Error;

/// How the engine turns a score into a verdict, and how much text it reads.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Score at or above which an item is blocked (default 60).
    pub block_threshold: u32,
    /// Score at or above which an item is flagged for review (default 25).
    pub warn_threshold: u32,
    /// Bytes of one field's text that are read; the rest is ignored and reported (default 64 KiB).
    pub max_field_bytes: usize,
    /// How deep encoded payloads are decoded and rescanned (default 2).
    pub max_decode_depth: u8,
    /// Description length in bytes above which `density.long_text` is reported (default 4000).
    pub long_text_bytes: usize,
    /// Whether tool definitions also get the learned model's opinion (`learned.poisoning`;
    /// default true).
    pub learned: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            block_threshold: 60,
            warn_threshold: 25,
            max_field_bytes: 64 * 1024,
            max_decode_depth: 2,
            long_text_bytes: 4000,
            learned: true,
        }
    }
}

impl Config {
    /// Checks that the thresholds make sense.
    pub fn validate(&self) -> Result<(), Error> {
        if self.warn_threshold == 0 {
            return Err(Error::Config("warn_threshold must be at least 1".into()));
        }
        if self.warn_threshold > self.block_threshold {
            return Err(Error::Config(format!(
                "warn_threshold ({}) must not exceed block_threshold ({})",
                self.warn_threshold, self.block_threshold
            )));
        }
        if self.max_field_bytes < 256 {
            return Err(Error::Config("max_field_bytes must be at least 256".into()));
        }
        Ok(())
    }
}
