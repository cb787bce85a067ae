//! What `install` changed, kept in the data directory so that `uninstall` can undo exactly that.
//!
//! `<data dir>/install/state.json` lists, per client file: the backup taken before mcpguard first
//! changed it, the hash of that original, the hash right after mcpguard's last write, whether only
//! mcpguard wrote the file since the backup, and per wrapped entry its pointer, its original
//! `command`/`args` (values and exact text) and the exact new ones. Every write to a client file
//! is preceded by a backup of its bytes in `<data dir>/install/backups/`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::atomic;

const VERSION: u32 = 1;

/// The whole state file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub version: u32,
    pub files: Vec<FileRecord>,
}

/// One client file mcpguard changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRecord {
    /// The file, as an absolute path.
    pub path: PathBuf,
    /// The client id (`claude-desktop`, `vscode`, …).
    pub client: String,
    /// The file's bytes before mcpguard first changed it.
    pub backup: PathBuf,
    /// SHA-256 of those bytes.
    pub original_sha256: String,
    /// SHA-256 of the file right after mcpguard's last write to it.
    pub installed_sha256: String,
    /// Nothing but mcpguard wrote the file since the backup (then `uninstall` of every entry
    /// restores the backup itself).
    pub pristine: bool,
    pub entries: Vec<EntryRecord>,
}

/// One wrapped entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRecord {
    /// The server's name in the client.
    pub server: String,
    /// RFC 6901 pointer of the entry in the file.
    pub pointer: String,
    /// The `--name` given to `wrap` (the pins are kept under it).
    pub wrap_name: String,
    pub original_command: Value,
    /// `None`: the entry had no `args`.
    pub original_args: Option<Value>,
    pub original_command_text: String,
    pub original_args_text: Option<String>,
    pub new_command: Value,
    pub new_args: Value,
    pub new_command_text: String,
    pub new_args_text: String,
    /// RFC 3339.
    pub installed_at: String,
}

/// `<data dir>/install`.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("install")
}

fn state_path(data_dir: &Path) -> PathBuf {
    dir(data_dir).join("state.json")
}

impl State {
    /// Reads the state; none yet is an empty state, an unreadable one is an error (acting
    /// without it could wrap twice or lose what `uninstall` needs).
    pub fn load(data_dir: &Path) -> anyhow::Result<State> {
        let path = state_path(data_dir);
        let text = match std::fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(State {
                    version: VERSION,
                    files: Vec::new(),
                })
            }
            r => r.with_context(|| format!("cannot read {}", path.display()))?,
        };
        let state: State = serde_json::from_str(&text)
            .with_context(|| format!("{}: not a valid install state", path.display()))?;
        if state.version != VERSION {
            bail!(
                "{}: install state version {} is not supported (this mcpguard reads version {VERSION})",
                path.display(),
                state.version
            );
        }
        Ok(state)
    }

    pub fn save(&self, data_dir: &Path) -> anyhow::Result<()> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        atomic::write_new(&state_path(data_dir), text.as_bytes())
    }

    pub fn file(&self, path: &Path) -> Option<&FileRecord> {
        self.files.iter().find(|f| f.path == path)
    }

    pub fn file_mut(&mut self, path: &Path) -> Option<&mut FileRecord> {
        self.files.iter_mut().find(|f| f.path == path)
    }

    /// Every `--name` in use, except the entry at (`path`, `pointer`).
    pub fn wrap_names(&self) -> impl Iterator<Item = (&Path, &EntryRecord)> {
        self.files
            .iter()
            .flat_map(|f| f.entries.iter().map(move |e| (f.path.as_path(), e)))
    }
}

/// Saves `bytes` (a client file before mcpguard writes it) under `<data dir>/install/backups/`.
pub fn backup(data_dir: &Path, file: &Path, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config".into());
    let path_hash = &sha256(file.to_string_lossy().as_bytes())[..12];
    let path = dir(data_dir)
        .join("backups")
        .join(format!("{nanos}-{path_hash}-{name}"));
    atomic::write_new(&path, bytes)?;
    Ok(path)
}

pub fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_a_broken_state() {
        let dir = tempfile::tempdir().unwrap();
        let empty = State::load(dir.path()).unwrap();
        assert!(empty.files.is_empty());
        let b = backup(dir.path(), Path::new("/h/.cursor/mcp.json"), b"{}").unwrap();
        assert!(b.starts_with(dir.path().join("install/backups")));
        assert_eq!(std::fs::read(&b).unwrap(), b"{}");
        let state = State {
            version: VERSION,
            files: vec![FileRecord {
                path: "/h/.cursor/mcp.json".into(),
                client: "cursor".into(),
                backup: b,
                original_sha256: sha256(b"{}"),
                installed_sha256: sha256(b"{ }"),
                pristine: true,
                entries: vec![],
            }],
        };
        state.save(dir.path()).unwrap();
        assert_eq!(State::load(dir.path()).unwrap(), state);
        std::fs::write(
            dir.path().join("install/state.json"),
            "{\"version\": 9, \"files\": []}",
        )
        .unwrap();
        assert!(State::load(dir.path()).is_err());
        std::fs::write(dir.path().join("install/state.json"), "nope").unwrap();
        let e = State::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("state.json"), "{e}");
    }
}
