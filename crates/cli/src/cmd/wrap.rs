//! `mcpguard wrap`: run one MCP server behind the gateway over stdio.

use crate::exit::Exit;

/// Arguments of `mcpguard wrap`.
#[derive(Debug, clap::Args)]
pub struct WrapArgs {
    /// The server command and its arguments, after `--`.
    #[arg(last = true, required = true)]
    pub command: Vec<std::ffi::OsString>,
}

pub fn run(_args: WrapArgs) -> anyhow::Result<Exit> {
    anyhow::bail!("wrap is not built yet")
}
