//! `mcpguard install`, `uninstall` and `status`: put the gateway in front of every MCP server
//! configured on this machine, take it away again exactly, and say which servers are behind it.
//!
//! A desktop user should not edit JSON by hand to be protected. `install` rewrites each stdio
//! entry of each client's file (found like `scan` finds them) to launch
//! `<mcpguard> wrap --name … --data-dir … -- <original command>`, splicing new text into the
//! original bytes so nothing else in the file moves; `uninstall` undoes it from a record kept in
//! the data directory. Modules: `spans` (where values are in the text), `plan` (the edit of one
//! entry), `files` (reading a file for a rewrite), `install`/`uninstall` (plan and apply per
//! file), `state` (the record and backups), `atomic` (safe replace), `ui` (plan, diff, confirm),
//! `status`, `run` (the commands).

mod atomic;
mod files;
#[allow(clippy::module_inception)]
mod install;
mod plan;
pub mod run;
mod spans;
mod state;
pub mod status;
mod ui;
mod uninstall;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::clients::{self, ClientKind, ConfigFile, HostEnv};
use crate::datadir::DataDirArgs;
use state::FileRecord;

pub use run::{run_install, run_uninstall};
pub use status::run as run_status;

/// Every client, for `--client` and for reading ids back from the state.
const CLIENTS: [ClientKind; 7] = [
    ClientKind::ClaudeDesktop,
    ClientKind::ClaudeCode,
    ClientKind::Cursor,
    ClientKind::VsCode,
    ClientKind::Windsurf,
    ClientKind::GeminiCli,
    ClientKind::Custom,
];

const CLIENT_HELP: &str = "claude-desktop, claude-code, cursor, vscode, windsurf, gemini-cli, custom (the --config files)";

/// Which clients, files and servers a command is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Client ids; empty: all.
    pub clients: Vec<String>,
    /// Server names; empty: all.
    pub servers: Vec<String>,
}

impl Selection {
    pub fn new(clients: &[String], servers: &[String]) -> anyhow::Result<Selection> {
        for c in clients {
            if client_from_id(c).is_none() {
                bail!("--client {c}: unknown client (known: {CLIENT_HELP})");
            }
        }
        Ok(Selection {
            clients: clients.to_vec(),
            servers: servers.to_vec(),
        })
    }

    pub fn entry(&self, client: &str, server: &str) -> bool {
        (self.clients.is_empty() || self.clients.iter().any(|c| c == client))
            && (self.servers.is_empty() || self.servers.iter().any(|s| s == server))
    }
}

pub fn client_from_id(id: &str) -> Option<ClientKind> {
    CLIENTS.into_iter().find(|c| c.id() == id)
}

/// Arguments shared by `install`, `uninstall` and `status`: which files, which entries.
#[derive(Debug, Clone, clap::Args)]
pub struct Target {
    /// Only this client (repeatable): claude-desktop, claude-code, cursor, vscode, windsurf,
    /// gemini-cli, custom (the `--config` files).
    #[arg(long = "client", value_name = "NAME")]
    pub clients: Vec<String>,
    /// Only the server entry with this name (repeatable).
    #[arg(long = "server", value_name = "NAME")]
    pub servers: Vec<String>,
    /// Only this client configuration file (repeatable; any client's shape). Without it, the
    /// files of Claude Desktop, Claude Code, Cursor, VS Code, Windsurf and Gemini CLI are found
    /// as `mcpguard scan` finds them.
    #[arg(long = "config", value_name = "FILE")]
    pub configs: Vec<PathBuf>,
    /// The project whose workspace files (`.mcp.json`, `.vscode/mcp.json`, `.cursor/mcp.json`,
    /// `.gemini/settings.json`) are included [default: the current directory].
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataDirArgs,
}

/// Where things are, resolved once.
#[derive(Debug, Clone)]
pub struct Setup {
    pub host: HostEnv,
    /// Absolute.
    pub data_dir: PathBuf,
    /// `None`: discover; `Some`: exactly these files (absolute).
    pub configs: Option<Vec<PathBuf>>,
    pub selection: Selection,
}

impl Setup {
    pub fn from_target(t: &Target) -> anyhow::Result<Setup> {
        let cwd = std::env::current_dir().context("cannot read the current directory")?;
        let project = t.project.as_ref().map(|p| absolute(&cwd, p));
        let host = HostEnv::from_process(Some(project.unwrap_or_else(|| cwd.clone())))
            .context("cannot find the home directory (HOME is not set)")?;
        let data_dir = absolute(&cwd, &t.data.resolve()?);
        Ok(Setup {
            configs: (!t.configs.is_empty())
                .then(|| t.configs.iter().map(|p| absolute(&cwd, p)).collect()),
            selection: Selection::new(&t.clients, &t.servers)?,
            host,
            data_dir,
        })
    }

    /// The files to look at: the `--config` files, else every candidate of the host.
    pub fn files(&self) -> Vec<ConfigFile> {
        match &self.configs {
            Some(paths) => paths.iter().map(|p| clients::custom(p)).collect(),
            None => clients::candidates(&self.host),
        }
    }

    /// Whether a recorded file is among the ones this command is about.
    pub fn covers(&self, path: &Path) -> bool {
        match &self.configs {
            Some(paths) => paths.iter().any(|p| p == path),
            None => true,
        }
    }

    /// How to read a recorded file: as the client it belongs to when it is a known candidate,
    /// else as a `--config` file of that client.
    pub fn config_file_for(&self, record: &FileRecord) -> ConfigFile {
        if let Some(f) = clients::candidates(&self.host)
            .into_iter()
            .find(|f| f.path == record.path)
        {
            return f;
        }
        let mut f = clients::custom(&record.path);
        if let Some(c) = client_from_id(&record.client) {
            f.client = c;
        }
        f
    }
}

/// `p` against `cwd` unless absolute, without `.` components.
pub fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    };
    joined
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// The path of this mcpguard binary to put in configs: absolute, because clients start servers
/// with a minimal PATH. The name it was started by (`argv[0]`, or its PATH lookup) is preferred
/// when it is the same file, so a package manager's stable symlink survives upgrades.
pub fn binary_path() -> anyhow::Result<String> {
    let exe = std::env::current_exe().context("cannot find the mcpguard binary")?;
    let real = std::fs::canonicalize(&exe).unwrap_or_else(|_| exe.clone());
    let argv0 = std::env::args_os().next().map(PathBuf::from);
    let via_argv0 = argv0.and_then(|a| {
        let candidate = if a.components().count() > 1 {
            std::env::current_dir().ok().map(|cwd| absolute(&cwd, &a))
        } else {
            std::env::var_os("PATH").and_then(|path| {
                std::env::split_paths(&path)
                    .map(|d| d.join(&a))
                    .find(|p| p.is_file())
            })
        }?;
        (std::fs::canonicalize(&candidate).ok()? == real && candidate.is_absolute())
            .then_some(candidate)
    });
    let chosen = via_argv0.unwrap_or(exe);
    match chosen.to_str() {
        Some(s) => Ok(s.to_owned()),
        None => bail!(
            "the path of the mcpguard binary is not UTF-8: {}",
            chosen.display()
        ),
    }
}

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;
