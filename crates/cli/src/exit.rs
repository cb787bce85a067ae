//! Documented process exit codes, shared by every subcommand.

/// The exit codes mcpguard uses. Scripts and CI depend on these: never renumber.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success; for scans: nothing reached the `--fail-on` level.
    Ok = 0,
    /// A scan found something at or above the `--fail-on` level; `audit verify`: the chain is
    /// broken (see [`Exit::CHAIN_BROKEN`]).
    Findings = 1,
    /// Usage, configuration or input error (the message says which file and key).
    Error = 2,
    /// `wrap`: the upstream server exited or crashed while the client was still connected.
    ServerExited = 3,
    /// `wrap`: the upstream server could not be started.
    ServerStartFailed = 4,
}

impl Exit {
    /// `audit verify` found the hash chain broken (same code as findings: "the check failed").
    pub const CHAIN_BROKEN: Exit = Exit::Findings;
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e as u8)
    }
}

/// Shown at the end of `mcpguard --help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success (scans: nothing at or above --fail-on)
  1  a scan found something at or above --fail-on; audit verify: the chain is broken
  2  usage, configuration or input error
  3  wrap: the server exited or crashed while the client was connected
  4  wrap: the server could not be started";
