//! `mcpguard scan-tools`: judge a file of tool definitions (owned by the detection work).

use crate::exit::Exit;

/// Arguments of `mcpguard scan-tools`.
#[derive(Debug, clap::Args)]
pub struct ScanToolsArgs {
    /// A tools/list result, a JSON array of tools, or JSON Lines; `-` reads standard input.
    pub file: String,
}

pub fn run(_args: ScanToolsArgs) -> anyhow::Result<Exit> {
    anyhow::bail!("scan-tools is not built yet")
}
