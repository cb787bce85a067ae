//! Server entries inside a parsed file: which keys hold them, and what each entry says.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::{pointer_token, ClientKind, ConfigFile, Layout, ServerEntry};

/// How a server is reached, as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transport {
    /// A local process speaking MCP on stdin/stdout.
    Stdio {
        command: String,
        args: Vec<String>,
        /// In file order.
        env: Vec<(String, String)>,
        cwd: Option<String>,
    },
    /// A server at a URL.
    Remote {
        url: String,
        /// In file order.
        headers: Vec<(String, String)>,
        kind: RemoteKind,
    },
    /// The entry has neither a usable `command` nor a URL; the text says what is wrong.
    Invalid(String),
}

/// Which HTTP transport a remote entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteKind {
    /// `type: "http"` / `"streamable-http"`, or Gemini's `httpUrl`.
    StreamableHttp,
    /// The legacy HTTP+SSE transport (`type: "sse"`, or Gemini's `url`).
    Sse,
    /// Not said; Streamable HTTP is tried.
    Unspecified,
}

impl RemoteKind {
    pub fn id(self) -> &'static str {
        match self {
            RemoteKind::StreamableHttp => "http",
            RemoteKind::Sse => "sse",
            RemoteKind::Unspecified => "http",
        }
    }
}

/// Every server entry of `root`, per the file's layout, in file order.
pub fn collect(file: &ConfigFile, root: &Value) -> Vec<ServerEntry> {
    let mut out = Vec::new();
    let mut take = |container: Option<&Value>, prefix: String, base: PathBuf| {
        if let Some(Value::Object(servers)) = container {
            for (name, raw) in servers {
                out.push(entry(file, name, raw, &prefix, base.clone()));
            }
        }
    };
    let base = file.base_dir.clone();
    let layout = match file.layout {
        Layout::Auto => guess_layout(root),
        l => l,
    };
    match layout {
        Layout::McpServers | Layout::Auto => {
            take(root.get("mcpServers"), "/mcpServers".into(), base)
        }
        Layout::VsCodeServers => take(root.get("servers"), "/servers".into(), base),
        Layout::VsCodeSettings => take(
            root.get("mcp").and_then(|m| m.get("servers")),
            "/mcp/servers".into(),
            base,
        ),
        Layout::ClaudeCodeUser => {
            take(root.get("mcpServers"), "/mcpServers".into(), base);
            if let Some(Value::Object(projects)) = root.get("projects") {
                for (path, project) in projects {
                    take(
                        project.get("mcpServers"),
                        format!("/projects/{}/mcpServers", pointer_token(path)),
                        PathBuf::from(path),
                    );
                }
            }
        }
    }
    out
}

fn guess_layout(root: &Value) -> Layout {
    if root.get("projects").is_some() {
        Layout::ClaudeCodeUser
    } else if root.get("mcpServers").is_some() {
        Layout::McpServers
    } else if root.get("servers").is_some() {
        Layout::VsCodeServers
    } else if root.get("mcp").and_then(|m| m.get("servers")).is_some() {
        Layout::VsCodeSettings
    } else {
        Layout::Auto
    }
}

fn entry(file: &ConfigFile, name: &str, raw: &Value, prefix: &str, base: PathBuf) -> ServerEntry {
    let transport = match raw {
        Value::Object(m) => transport(file.client, m),
        _ => Transport::Invalid("the entry is not an object".into()),
    };
    ServerEntry {
        name: name.to_owned(),
        client: file.client,
        file: file.path.clone(),
        pointer: format!("{prefix}/{}", pointer_token(name)),
        base_dir: base,
        transport,
        disabled: raw.get("disabled").and_then(Value::as_bool) == Some(true),
        raw: raw.clone(),
    }
}

fn transport(client: ClientKind, m: &Map<String, Value>) -> Transport {
    let kind = m.get("type").and_then(Value::as_str).unwrap_or("");
    let url_key = ["url", "serverUrl", "httpUrl"]
        .into_iter()
        .find(|k| m.contains_key(*k));
    let remote_type = matches!(
        kind,
        "sse" | "http" | "streamable-http" | "streamableHttp" | "streamable_http"
    );
    if let Some(key) = url_key.filter(|_| remote_type || !m.contains_key("command")) {
        let Some(url) = m.get(key).and_then(Value::as_str) else {
            return Transport::Invalid(format!("`{key}` is not a string"));
        };
        let remote = match (kind, key) {
            ("sse", _) => RemoteKind::Sse,
            ("http" | "streamable-http" | "streamableHttp" | "streamable_http", _) => {
                RemoteKind::StreamableHttp
            }
            (_, "httpUrl") => RemoteKind::StreamableHttp,
            ("", "url") if client == ClientKind::GeminiCli => RemoteKind::Sse,
            _ => RemoteKind::Unspecified,
        };
        return match string_map(m.get("headers"), "headers") {
            Ok(headers) => Transport::Remote {
                url: url.to_owned(),
                headers,
                kind: remote,
            },
            Err(e) => Transport::Invalid(e),
        };
    }
    let Some(command) = m.get("command") else {
        return Transport::Invalid("neither `command` nor `url` is set".into());
    };
    let Some(command) = command.as_str().filter(|c| !c.trim().is_empty()) else {
        return Transport::Invalid("`command` is not a non-empty string".into());
    };
    let args = match m.get("args") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => {
            let strings: Option<Vec<String>> = a.iter().map(scalar_string).collect();
            match strings {
                Some(s) => s,
                None => return Transport::Invalid("`args` holds a non-string value".into()),
            }
        }
        Some(_) => return Transport::Invalid("`args` is not an array".into()),
    };
    let env = match string_map(m.get("env"), "env") {
        Ok(env) => env,
        Err(e) => return Transport::Invalid(e),
    };
    Transport::Stdio {
        command: command.to_owned(),
        args,
        env,
        cwd: m.get("cwd").and_then(Value::as_str).map(str::to_owned),
    }
}

/// Strings as they are; numbers and booleans as their JSON text (clients accept `"PORT": 8080`).
fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => Some(v.to_string()),
        _ => None,
    }
}

fn string_map(v: Option<&Value>, key: &str) -> Result<Vec<(String, String)>, String> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Object(m)) => m
            .iter()
            .map(|(k, v)| {
                scalar_string(v)
                    .map(|s| (k.clone(), s))
                    .ok_or_else(|| format!("`{key}.{k}` is not a string"))
            })
            .collect(),
        Some(_) => Err(format!("`{key}` is not an object")),
    }
}
