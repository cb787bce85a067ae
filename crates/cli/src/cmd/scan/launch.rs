//! From a configured entry to what the client would actually start or contact.
//!
//! References are expanded the way the clients do (`${VAR}`, `${env:VAR}`, `${workspaceFolder}`),
//! relative paths resolve against the entry's base directory (the project for workspace files,
//! the file's directory for `--config`), and the server runs there. Two entries that launch the
//! same thing get the same [`Plan::key`], so a server configured in three clients starts once.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use mcpguard_gateway::client::{HttpTarget, StdioTarget};

use crate::clients::expand::{expand, Vars};
use crate::clients::{resolve, RemoteKind, ServerEntry, Transport};

/// What scanning an entry means.
#[derive(Debug, Clone)]
pub enum Plan {
    Stdio(StdioTarget),
    Http(HttpTarget),
    /// Not contacted; the text says why.
    Skip(String),
}

impl Plan {
    /// Equal for entries that start the same process or reach the same URL with the same headers.
    pub fn key(&self) -> Option<String> {
        match self {
            Plan::Stdio(t) => Some(format!(
                "stdio\0{:?}\0{:?}\0{:?}\0{:?}",
                t.program, t.args, t.env, t.cwd
            )),
            Plan::Http(t) => Some(format!("http\0{}\0{:?}", t.url, t.headers)),
            Plan::Skip(_) => None,
        }
    }
}

/// What the entry resolves to, and references that could not be resolved (for notes).
pub fn plan(entry: &ServerEntry, home: &Path) -> (Plan, Vec<String>) {
    let env_lookup = |k: &str| std::env::var(k).ok();
    let vars = Vars {
        env: &env_lookup,
        workspace: &entry.base_dir,
        home,
    };
    let mut unresolved = Vec::new();
    let mut x = |s: &str| expand(s, &vars, &mut unresolved);
    let plan = match &entry.transport {
        _ if entry.disabled => Plan::Skip("disabled in its configuration".into()),
        Transport::Invalid(why) => Plan::Skip(format!("invalid entry: {why}")),
        Transport::Remote {
            kind: RemoteKind::Sse,
            ..
        } => Plan::Skip(
            "the legacy HTTP+SSE transport is not supported by scan (Streamable HTTP is)".into(),
        ),
        Transport::Remote { url, headers, .. } => Plan::Http(HttpTarget {
            url: x(url),
            headers: headers.iter().map(|(k, v)| (k.clone(), x(v))).collect(),
        }),
        Transport::Stdio {
            command,
            args,
            env,
            cwd,
        } => {
            let cwd = match cwd {
                Some(c) => resolve(&entry.base_dir, &x(c)),
                None => entry.base_dir.clone(),
            };
            let command = x(command);
            let program = if command.contains('/') || command.contains('\\') {
                resolve(&cwd, &command).into_os_string()
            } else {
                OsString::from(command)
            };
            Plan::Stdio(StdioTarget {
                program,
                args: args.iter().map(|a| OsString::from(x(a))).collect(),
                env: env
                    .iter()
                    .map(|(k, v)| (OsString::from(k), OsString::from(x(v))))
                    .collect(),
                cwd: Some(cwd),
            })
        }
    };
    (plan, unresolved)
}

/// Where a program name would be found: a path as is, else the first match in `PATH`
/// (the entry's own `PATH` when it sets one).
pub fn which(target: &StdioTarget) -> Option<PathBuf> {
    let program = Path::new(&target.program);
    if program.components().count() > 1 || program.is_absolute() {
        return Some(program.to_path_buf());
    }
    let path = target
        .env
        .iter()
        .rev()
        .find(|(k, _)| k == "PATH")
        .map(|(_, v)| v.clone())
        .or_else(|| std::env::var_os("PATH"))?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{custom, parse_file};

    fn entry(json: &str) -> ServerEntry {
        let file = custom(Path::new("/cfg/dir/demo.json"));
        parse_file(&file, json).unwrap().remove(0)
    }

    #[test]
    fn relative_paths_resolve_against_the_base_and_cwd() {
        let e = entry(
            r#"{"mcpServers": {"s": {"command": "./bin/srv", "args": ["../x.py"], "cwd": "sub", "env": {"A": "${workspaceFolder}/a"}}}}"#,
        );
        let (Plan::Stdio(t), un) = plan(&e, Path::new("/h")) else {
            panic!()
        };
        assert!(un.is_empty());
        assert_eq!(t.cwd.as_deref(), Some(Path::new("/cfg/dir/sub")));
        assert_eq!(t.program, OsString::from("/cfg/dir/sub/./bin/srv"));
        assert_eq!(t.args, [OsString::from("../x.py")]);
        assert_eq!(t.env[0].1, OsString::from("/cfg/dir/a"));

        let e = entry(r#"{"mcpServers": {"s": {"command": "python3"}}}"#);
        let (Plan::Stdio(t), _) = plan(&e, Path::new("/h")) else {
            panic!()
        };
        assert_eq!(t.program, OsString::from("python3"));
        assert_eq!(t.cwd.as_deref(), Some(Path::new("/cfg/dir")));
    }

    #[test]
    fn disabled_sse_and_invalid_entries_are_skipped_and_unresolved_inputs_noted() {
        for json in [
            r#"{"mcpServers": {"s": {"command": "x", "disabled": true}}}"#,
            r#"{"mcpServers": {"s": {"type": "sse", "url": "http://h/sse"}}}"#,
            r#"{"mcpServers": {"s": {"args": []}}}"#,
        ] {
            assert!(
                matches!(plan(&entry(json), Path::new("/h")).0, Plan::Skip(_)),
                "{json}"
            );
        }
        let e = entry(
            r#"{"mcpServers": {"s": {"url": "http://h/mcp", "headers": {"Authorization": "Bearer ${input:tok}"}}}}"#,
        );
        let (p, un) = plan(&e, Path::new("/h"));
        assert!(matches!(p, Plan::Http(_)));
        assert_eq!(un, ["input:tok"]);
    }

    #[test]
    fn the_same_launch_has_the_same_key() {
        let a = entry(r#"{"mcpServers": {"a": {"command": "uvx", "args": ["mcp-server-time"]}}}"#);
        let b = entry(r#"{"mcpServers": {"b": {"command": "uvx", "args": ["mcp-server-time"]}}}"#);
        let c = entry(r#"{"mcpServers": {"c": {"command": "uvx", "args": ["mcp-server-git"]}}}"#);
        let key = |e: &ServerEntry| plan(e, Path::new("/h")).0.key();
        assert_eq!(key(&a), key(&b));
        assert_ne!(key(&a), key(&c));
    }
}
