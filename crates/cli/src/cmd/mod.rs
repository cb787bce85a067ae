//! One module per subcommand.

pub mod approvals;
pub mod audit;
pub mod install;
pub mod keys;
pub mod manifest;
pub mod pins;
pub mod policy;
pub mod quarantine;
pub mod report_opts;
pub mod scan;
pub mod scan_tools;
pub mod wrap;
