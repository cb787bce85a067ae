//! Where each MCP client keeps its configuration, on Linux, macOS and Windows.
//!
//! Computed from an explicit [`HostEnv`] (home, APPDATA, XDG_CONFIG_HOME, the project directory)
//! rather than from the process environment, so tests can point it at a temporary home and check
//! the Windows and macOS layouts from any machine.

use std::path::{Path, PathBuf};

use super::{ClientKind, ConfigFile, FileFormat, Layout, Scope};

/// The operating system whose conventions apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    Macos,
    Windows,
}

impl Os {
    /// The OS this binary runs on (BSDs and others use the Linux layout).
    pub fn current() -> Os {
        if cfg!(target_os = "macos") {
            Os::Macos
        } else if cfg!(windows) {
            Os::Windows
        } else {
            Os::Linux
        }
    }
}

/// The inputs of path computation.
#[derive(Debug, Clone)]
pub struct HostEnv {
    pub os: Os,
    /// The user's home directory.
    pub home: PathBuf,
    /// `%APPDATA%` (Windows); defaults to `home\AppData\Roaming`.
    pub appdata: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME` (Linux); defaults to `home/.config`.
    pub xdg_config_home: Option<PathBuf>,
    /// The project whose workspace files (`.mcp.json`, `.vscode/mcp.json`, …) are read;
    /// `None` reads user-level files only.
    pub project: Option<PathBuf>,
}

impl HostEnv {
    /// From this process's environment: `HOME` (or `USERPROFILE` on Windows), `APPDATA`,
    /// `XDG_CONFIG_HOME`, and `project` as the project directory.
    pub fn from_process(project: Option<PathBuf>) -> Option<HostEnv> {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let os = Os::current();
        let home = match os {
            Os::Windows => var("USERPROFILE").or_else(|| var("HOME")),
            _ => var("HOME"),
        }?;
        Some(HostEnv {
            os,
            home,
            appdata: var("APPDATA"),
            xdg_config_home: var("XDG_CONFIG_HOME").filter(|p| p.is_absolute()),
            project,
        })
    }

    /// Joins path components with this OS's separator (so Windows paths computed on Linux read
    /// as Windows paths).
    fn join(&self, base: &Path, parts: &[&str]) -> PathBuf {
        match self.os {
            Os::Windows if !cfg!(windows) => {
                let mut s = base.to_string_lossy().trim_end_matches('\\').to_owned();
                for p in parts {
                    s.push('\\');
                    s.push_str(p);
                }
                PathBuf::from(s)
            }
            _ => parts.iter().fold(base.to_path_buf(), |acc, p| acc.join(p)),
        }
    }

    /// The per-user application-data directory the desktop apps use.
    fn app_dir(&self) -> PathBuf {
        match self.os {
            Os::Macos => self.join(&self.home, &["Library", "Application Support"]),
            Os::Windows => self
                .appdata
                .clone()
                .unwrap_or_else(|| self.join(&self.home, &["AppData", "Roaming"])),
            Os::Linux => self
                .xdg_config_home
                .clone()
                .unwrap_or_else(|| self.join(&self.home, &[".config"])),
        }
    }
}

/// Every file a client may keep MCP servers in, user files first, then the project's.
pub fn candidates(env: &HostEnv) -> Vec<ConfigFile> {
    let app = env.app_dir();
    let home = &env.home;
    let user = |client, path, format, layout| ConfigFile {
        path,
        client,
        scope: Scope::User,
        format,
        layout,
        base_dir: home.clone(),
    };
    let mut out = vec![
        user(
            ClientKind::ClaudeDesktop,
            env.join(&app, &["Claude", "claude_desktop_config.json"]),
            FileFormat::Json,
            Layout::McpServers,
        ),
        user(
            ClientKind::ClaudeCode,
            env.join(home, &[".claude.json"]),
            FileFormat::Json,
            Layout::ClaudeCodeUser,
        ),
        user(
            ClientKind::Cursor,
            env.join(home, &[".cursor", "mcp.json"]),
            FileFormat::Json,
            Layout::McpServers,
        ),
    ];
    for edition in ["Code", "Code - Insiders"] {
        out.push(user(
            ClientKind::VsCode,
            env.join(&app, &[edition, "User", "settings.json"]),
            FileFormat::Jsonc,
            Layout::VsCodeSettings,
        ));
        out.push(user(
            ClientKind::VsCode,
            env.join(&app, &[edition, "User", "mcp.json"]),
            FileFormat::Jsonc,
            Layout::VsCodeServers,
        ));
    }
    out.push(user(
        ClientKind::Windsurf,
        env.join(home, &[".codeium", "windsurf", "mcp_config.json"]),
        FileFormat::Json,
        Layout::McpServers,
    ));
    out.push(user(
        ClientKind::GeminiCli,
        env.join(home, &[".gemini", "settings.json"]),
        FileFormat::Jsonc,
        Layout::McpServers,
    ));
    if let Some(project) = &env.project {
        let proj = |client, parts: &[&str], format, layout| ConfigFile {
            path: env.join(project, parts),
            client,
            scope: Scope::Project,
            format,
            layout,
            base_dir: project.clone(),
        };
        out.extend([
            proj(
                ClientKind::ClaudeCode,
                &[".mcp.json"],
                FileFormat::Json,
                Layout::McpServers,
            ),
            proj(
                ClientKind::Cursor,
                &[".cursor", "mcp.json"],
                FileFormat::Json,
                Layout::McpServers,
            ),
            proj(
                ClientKind::VsCode,
                &[".vscode", "mcp.json"],
                FileFormat::Jsonc,
                Layout::VsCodeServers,
            ),
            proj(
                ClientKind::GeminiCli,
                &[".gemini", "settings.json"],
                FileFormat::Jsonc,
                Layout::McpServers,
            ),
        ]);
    }
    out
}

/// A file named with `--config`: any of the known shapes, relative paths against its directory.
pub fn custom(path: &Path) -> ConfigFile {
    let base_dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    ConfigFile {
        path: path.to_path_buf(),
        client: ClientKind::Custom,
        scope: Scope::Custom,
        format: FileFormat::Jsonc,
        layout: Layout::Auto,
        base_dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(env: &HostEnv) -> Vec<String> {
        candidates(env)
            .into_iter()
            .map(|c| format!("{} {}", c.client.id(), c.path.display()))
            .collect()
    }

    #[test]
    fn windows_paths_use_appdata_and_the_profile() {
        let env = HostEnv {
            os: Os::Windows,
            home: PathBuf::from(r"C:\Users\ada"),
            appdata: Some(PathBuf::from(r"C:\Users\ada\AppData\Roaming")),
            xdg_config_home: None,
            project: None,
        };
        let p = paths(&env);
        assert!(
            p.contains(
                &r"claude-desktop C:\Users\ada\AppData\Roaming\Claude\claude_desktop_config.json"
                    .to_owned()
            ),
            "{p:#?}"
        );
        assert!(
            p.contains(&r"vscode C:\Users\ada\AppData\Roaming\Code\User\settings.json".to_owned())
        );
        assert!(p.contains(&r"vscode C:\Users\ada\AppData\Roaming\Code\User\mcp.json".to_owned()));
        assert!(p.contains(&r"cursor C:\Users\ada\.cursor\mcp.json".to_owned()));
        assert!(p.contains(&r"windsurf C:\Users\ada\.codeium\windsurf\mcp_config.json".to_owned()));
        assert!(p.contains(&r"claude-code C:\Users\ada\.claude.json".to_owned()));
        // without APPDATA, the default under the profile
        let env = HostEnv {
            appdata: None,
            ..env
        };
        assert!(paths(&env).contains(
            &r"claude-desktop C:\Users\ada\AppData\Roaming\Claude\claude_desktop_config.json"
                .to_owned()
        ));
    }

    #[test]
    fn macos_paths_use_application_support() {
        let env = HostEnv {
            os: Os::Macos,
            home: PathBuf::from("/Users/ada"),
            appdata: None,
            xdg_config_home: Some(PathBuf::from("/ignored")),
            project: Some(PathBuf::from("/work/p")),
        };
        let p = paths(&env);
        assert!(p.contains(&"claude-desktop /Users/ada/Library/Application Support/Claude/claude_desktop_config.json".to_owned()), "{p:#?}");
        assert!(p.contains(
            &"vscode /Users/ada/Library/Application Support/Code/User/mcp.json".to_owned()
        ));
        assert!(p.contains(&"gemini-cli /Users/ada/.gemini/settings.json".to_owned()));
        assert!(p.contains(&"claude-code /work/p/.mcp.json".to_owned()));
        assert!(p.contains(&"vscode /work/p/.vscode/mcp.json".to_owned()));
        assert!(p.contains(&"cursor /work/p/.cursor/mcp.json".to_owned()));
    }

    #[test]
    fn linux_paths_follow_xdg() {
        let env = HostEnv {
            os: Os::Linux,
            home: PathBuf::from("/home/ada"),
            appdata: None,
            xdg_config_home: None,
            project: None,
        };
        let p = paths(&env);
        assert!(p.contains(
            &"claude-desktop /home/ada/.config/Claude/claude_desktop_config.json".to_owned()
        ));
        assert!(p.contains(&"vscode /home/ada/.config/Code/User/settings.json".to_owned()));
        let env = HostEnv {
            xdg_config_home: Some(PathBuf::from("/x")),
            ..env
        };
        assert!(paths(&env).contains(&"vscode /x/Code - Insiders/User/mcp.json".to_owned()));
        // no project: no workspace files
        assert!(!paths(&env).iter().any(|p| p.contains(".vscode")));
    }
}
