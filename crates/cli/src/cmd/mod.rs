//! One module per subcommand.

pub mod pins;
pub mod scan_tools;
pub mod wrap;
