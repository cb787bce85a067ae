//! One module per subcommand.

pub mod scan_tools;
pub mod wrap;
