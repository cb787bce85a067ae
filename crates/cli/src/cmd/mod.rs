//! One module per subcommand.

pub mod scan;
pub mod scan_tools;
pub mod wrap;
