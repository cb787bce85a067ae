//! Options shared by the commands that report findings (`scan`, `scan-tools`).

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: findings indented under what they concern, then a summary.
    Table,
    /// The stable JSON report (documented in docs/scan.md and docs/detection.md).
    Json,
    /// SARIF 2.1.0, for code-scanning in CI.
    Sarif,
}

/// The lowest verdict that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Exit 1 when anything is blocked.
    Block,
    /// Exit 1 when anything is warned or blocked.
    Warn,
}
