//! MCP client configuration discovery: which servers each client on this machine would start.
//!
//! Shared by `scan` (which connects to every server found) and `install`/`uninstall` (which
//! rewrite entries), so each [`ServerEntry`] keeps where it came from: the file, the client, the
//! file's format and layout, and the JSON pointer of the entry inside the file. Reading never
//! fails as a whole: a missing file is skipped and a file that does not parse is reported with
//! its error, next to the files that did.

mod entries;
pub mod expand;
pub mod jsonc;
mod paths;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use entries::{RemoteKind, Transport};
#[allow(unused_imports)] // used by tests and by `install`
pub use paths::Os;
pub use paths::{candidates, custom, HostEnv};

/// The MCP clients whose configuration files are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientKind {
    ClaudeDesktop,
    ClaudeCode,
    Cursor,
    VsCode,
    Windsurf,
    GeminiCli,
    /// A file given with `--config`.
    Custom,
}

impl ClientKind {
    /// The stable id used in JSON output.
    pub fn id(self) -> &'static str {
        match self {
            ClientKind::ClaudeDesktop => "claude-desktop",
            ClientKind::ClaudeCode => "claude-code",
            ClientKind::Cursor => "cursor",
            ClientKind::VsCode => "vscode",
            ClientKind::Windsurf => "windsurf",
            ClientKind::GeminiCli => "gemini-cli",
            ClientKind::Custom => "custom",
        }
    }

    /// The product name, for people.
    pub fn label(self) -> &'static str {
        match self {
            ClientKind::ClaudeDesktop => "Claude Desktop",
            ClientKind::ClaudeCode => "Claude Code",
            ClientKind::Cursor => "Cursor",
            ClientKind::VsCode => "VS Code",
            ClientKind::Windsurf => "Windsurf",
            ClientKind::GeminiCli => "Gemini CLI",
            ClientKind::Custom => "--config",
        }
    }
}

/// Whose file it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In the user's home or application-data directory.
    User,
    /// In the project (workspace) directory.
    Project,
    /// Named on the command line.
    Custom,
}

impl Scope {
    pub fn id(self) -> &'static str {
        match self {
            Scope::User => "user",
            Scope::Project => "project",
            Scope::Custom => "custom",
        }
    }
}

/// The syntax of the file. A rewrite of a JSONC file must keep its comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Json,
    /// JSON with comments and trailing commas.
    Jsonc,
}

impl FileFormat {
    pub fn id(self) -> &'static str {
        match self {
            FileFormat::Json => "json",
            FileFormat::Jsonc => "jsonc",
        }
    }
}

/// Where the server entries sit inside the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `{"mcpServers": {name: entry}}` (Claude Desktop, Cursor, Windsurf, Gemini, `.mcp.json`).
    McpServers,
    /// `~/.claude.json`: top-level `mcpServers` and `projects.<path>.mcpServers`.
    ClaudeCodeUser,
    /// VS Code `mcp.json`: `{"servers": {name: entry}}`.
    VsCodeServers,
    /// VS Code `settings.json`: `{"mcp": {"servers": {name: entry}}}`.
    VsCodeSettings,
    /// Any of the above, whichever keys are present (`--config`).
    Auto,
}

/// One configuration file a client may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub client: ClientKind,
    pub scope: Scope,
    pub format: FileFormat,
    pub layout: Layout,
    /// The directory that relative commands, arguments and `cwd` resolve against by default
    /// (the project for workspace files, the file's directory for `--config`, else home).
    pub base_dir: PathBuf,
}

/// What reading one candidate file gave.
#[derive(Debug, Clone, PartialEq)]
pub enum FileStatus {
    /// Not there (the client is not installed, or has no MCP servers).
    Missing,
    /// Read and parsed; `servers` entries found.
    Loaded { servers: usize },
    /// There but unreadable or not valid JSON (with line and column).
    Error(String),
}

/// A candidate file and what reading it gave.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub file: ConfigFile,
    pub status: FileStatus,
}

/// One configured server.
#[derive(Debug, Clone)]
pub struct ServerEntry {
    /// The key of the entry (the name the client shows).
    pub name: String,
    pub client: ClientKind,
    /// The file it is in.
    pub file: PathBuf,
    /// RFC 6901 pointer to the entry object, e.g. `/mcpServers/github` or
    /// `/projects/~1home~1ada~1app/mcpServers/db`.
    pub pointer: String,
    /// Relative paths in the entry resolve against this (Claude Code per-project entries: the project).
    pub base_dir: PathBuf,
    pub transport: Transport,
    /// `"disabled": true` in the entry (Windsurf, Cline and others honour it).
    pub disabled: bool,
    /// The entry as written (for `install`, which rewrites it).
    #[allow(dead_code)]
    pub raw: Value,
}

/// Everything found.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    pub files: Vec<FileReport>,
    pub servers: Vec<ServerEntry>,
}

impl Discovery {
    /// Reads each file in order; missing and broken files are recorded, never fatal.
    pub fn read(files: Vec<ConfigFile>) -> Discovery {
        let mut out = Discovery::default();
        for file in files {
            let status = match std::fs::read_to_string(&file.path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileStatus::Missing,
                Err(e) => FileStatus::Error(format!("cannot read: {e}")),
                Ok(text) => match parse_file(&file, &text) {
                    Ok(servers) => {
                        let n = servers.len();
                        out.servers.extend(servers);
                        FileStatus::Loaded { servers: n }
                    }
                    Err(e) => FileStatus::Error(e),
                },
            };
            out.files.push(FileReport { file, status });
        }
        out
    }
}

/// Parses a file's text into its server entries (pure; `file` says how to read it).
pub fn parse_file(file: &ConfigFile, text: &str) -> Result<Vec<ServerEntry>, String> {
    // Hand-edited `.json` files often carry comments too and lenient clients accept them, so
    // every file is read as JSONC (strict JSON is unchanged by the conversion).
    let json = jsonc::to_strict_json(text);
    let root: Value = serde_json::from_str(&json).map_err(|e| format!("invalid JSON: {e}"))?;
    if !root.is_object() {
        return Err("invalid configuration: the top level is not an object".to_owned());
    }
    Ok(entries::collect(file, &root))
}

/// Escapes one RFC 6901 reference token.
pub fn pointer_token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// The discovered files that exist (loaded or broken), for reports.
pub fn present(files: &[FileReport]) -> impl Iterator<Item = &FileReport> {
    files
        .iter()
        .filter(|f| !matches!(f.status, FileStatus::Missing))
}

/// Resolves `p` against `base` unless it is absolute.
pub fn resolve(base: &Path, p: &str) -> PathBuf {
    let path = Path::new(p);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

#[cfg(test)]
mod tests;
