//! The data directory (`--data-dir`, else `MCPGUARD_HOME`, else the XDG data home) and the store in it.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use mcpguard_store::{default_data_dir, SqliteStore, Store};

/// `--data-dir`, shared by every command that uses the store.
#[derive(Debug, Clone, clap::Args)]
pub struct DataDirArgs {
    /// Where mcpguard keeps its state [default: $MCPGUARD_HOME, else $XDG_DATA_HOME/mcpguard, else ~/.local/share/mcpguard].
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

impl DataDirArgs {
    pub fn resolve(&self) -> anyhow::Result<PathBuf> {
        if let Some(dir) = &self.data_dir {
            return Ok(dir.clone());
        }
        default_data_dir(|k| std::env::var(k).ok())
            .map(|(dir, _)| dir)
            .context("cannot find a data directory: set --data-dir or MCPGUARD_HOME")
    }

    /// The store, with audit appends committed at `audit_sync` (every other write syncs fully).
    pub fn open_with(&self, audit_sync: mcpguard_store::Sync) -> anyhow::Result<Arc<dyn Store>> {
        let dir = self.resolve()?;
        let store = SqliteStore::open_dir(&dir)
            .with_context(|| format!("cannot open the store in {}", dir.display()))?;
        Ok(Arc::new(store.with_audit_sync(audit_sync)))
    }

    pub fn open(&self) -> anyhow::Result<Arc<dyn Store>> {
        let dir = self.resolve()?;
        let store = SqliteStore::open_dir(&dir)
            .with_context(|| format!("cannot open the store in {}", dir.display()))?;
        Ok(Arc::new(store))
    }
}
