//! The crate's one error type.
//!
//! Scanning itself never fails: any text is judged. Errors come only from building an engine
//! (an invalid configuration) or from input that is not the shape the caller promised.

/// Errors of the detection engine.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The configuration is inconsistent (for example, warn threshold above block threshold).
    #[error("invalid detection config: {0}")]
    Config(String),
    /// A built-in rule pattern failed to compile (a bug in mcpguard, caught by its tests).
    #[error("rule {rule} failed to compile: {reason}")]
    Rule {
        /// The rule or atom whose pattern failed.
        rule: &'static str,
        /// The compiler's message.
        reason: String,
    },
    /// The input is not the expected JSON shape (for example, a tool that is not an object).
    #[error("invalid input: {0}")]
    Input(String),
}
