//! The handshake and the listing, written once over any transport.
//!
//! A transport only knows how to send one request and wait for its answer; everything MCP-specific
//! (which version to offer, which capabilities to honour, how to follow `nextCursor` without
//! looping forever) lives here and is tested with a scripted fake transport.

use std::time::Instant;

use serde_json::{json, Map, Value};

use super::error::ClientError;
use super::{Inventory, ListOptions};

/// The protocol version offered in `initialize`; every server in the field answers it (older ones
/// answer with the version they speak, which is fine for listing).
pub const PROTOCOL_VERSION: &str = "2025-11-25";

/// One request/response exchange with a server.
pub(crate) trait Rpc {
    /// Sends a request and returns its `result`, or the error the server answered with.
    fn request(
        &mut self,
        method: &str,
        params: Value,
        deadline: Instant,
    ) -> Result<Value, ClientError>;
    /// Sends a notification (no answer expected).
    fn notify(&mut self, method: &str, params: Value, deadline: Instant)
        -> Result<(), ClientError>;
    /// Called once the version is negotiated (HTTP sends it as a header on later requests).
    fn set_protocol_version(&mut self, _version: &str) {}
}

/// The four listings: method, result key, and the capability that announces them.
const LISTS: [(&str, &str, &str); 4] = [
    ("tools/list", "tools", "tools"),
    ("prompts/list", "prompts", "prompts"),
    ("resources/list", "resources", "resources"),
    ("resources/templates/list", "resourceTemplates", "resources"),
];

/// Handshakes, then lists everything the server announces.
pub(crate) fn inventory<R: Rpc>(
    rpc: &mut R,
    opts: &ListOptions,
    deadline: Instant,
) -> Result<Inventory, ClientError> {
    let init = rpc.request(
        "initialize",
        json!({
            "protocolVersion": PROTOCOL_VERSION,
            // Declare what a full client would, so that a server shows every tool it has
            // (server-everything, for one, hides its sampling tool from clients without sampling).
            "capabilities": {"sampling": {}, "elicitation": {}, "roots": {"listChanged": false}},
            "clientInfo": {"name": "mcpguard-scan", "version": env!("CARGO_PKG_VERSION")},
        }),
        deadline,
    )?;
    let init = match init {
        Value::Object(m) => m,
        other => {
            return Err(ClientError::Protocol(format!(
                "the `initialize` result is not an object: {}",
                excerpt(&other.to_string())
            )))
        }
    };
    let version = init
        .get("protocolVersion")
        .and_then(Value::as_str)
        .unwrap_or(PROTOCOL_VERSION)
        .to_owned();
    rpc.set_protocol_version(&version);
    rpc.notify("notifications/initialized", json!({}), deadline)?;

    let capabilities = init.get("capabilities").cloned().unwrap_or(Value::Null);
    let mut inv = Inventory {
        protocol_version: version,
        server_info: init.get("serverInfo").cloned(),
        instructions: init
            .get("instructions")
            .and_then(Value::as_str)
            .map(str::to_owned),
        capabilities: capabilities.clone(),
        ..Inventory::default()
    };
    for (method, key, capability) in LISTS {
        if capabilities.get(capability).is_none() {
            continue;
        }
        let items = list_all(rpc, method, key, opts, deadline, &mut inv.notes)?;
        match key {
            "tools" => inv.tools = items,
            "prompts" => inv.prompts = items,
            "resources" => inv.resources = items,
            _ => inv.resource_templates = items,
        }
    }
    Ok(inv)
}

/// Follows `nextCursor` until the end, a repeated cursor, or the page/item bounds.
/// A list the server refuses (e.g. -32601) becomes a note; a timeout or a dead server is fatal.
fn list_all<R: Rpc>(
    rpc: &mut R,
    method: &str,
    key: &str,
    opts: &ListOptions,
    deadline: Instant,
    notes: &mut Vec<String>,
) -> Result<Vec<Value>, ClientError> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    let mut seen = Vec::new();
    for page in 0.. {
        if page >= opts.max_pages {
            notes.push(format!("{method}: stopped after {} pages", opts.max_pages));
            break;
        }
        let params = match &cursor {
            Some(c) => json!({ "cursor": c }),
            None => Value::Object(Map::new()),
        };
        let result = match rpc.request(method, params, deadline) {
            Ok(r) => r,
            Err(e @ ClientError::Rpc { .. }) | Err(e @ ClientError::Protocol(_)) => {
                notes.push(e.to_string());
                break;
            }
            Err(e) => return Err(e),
        };
        match result.get(key) {
            Some(Value::Array(page_items)) => items.extend(page_items.iter().cloned()),
            _ => {
                notes.push(format!("{method}: the result has no `{key}` array"));
                break;
            }
        }
        if items.len() > opts.max_items {
            items.truncate(opts.max_items);
            notes.push(format!("{method}: stopped at {} items", opts.max_items));
            break;
        }
        match result.get("nextCursor").and_then(Value::as_str) {
            Some(next) if !next.is_empty() => {
                if next.len() > MAX_CURSOR_BYTES || seen.iter().any(|c| c == next) {
                    notes.push(format!("{method}: invalid or repeated cursor, stopped"));
                    break;
                }
                seen.push(next.to_owned());
                cursor = Some(next.to_owned());
            }
            _ => break,
        }
    }
    Ok(items)
}

/// The draft schema's bound on cursors.
const MAX_CURSOR_BYTES: usize = 8192;

/// At most 200 characters of `s`, for error messages.
pub(crate) fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(200).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Turns a JSON-RPC response object into its result or a [`ClientError::Rpc`].
pub(crate) fn into_result(method: &str, msg: &Map<String, Value>) -> Result<Value, ClientError> {
    if let Some(err) = msg.get("error") {
        return Err(ClientError::Rpc {
            method: method.to_owned(),
            code: err.get("code").and_then(Value::as_i64).unwrap_or(0),
            message: excerpt(err.get("message").and_then(Value::as_str).unwrap_or("")),
        });
    }
    match msg.get("result") {
        Some(r) => Ok(r.clone()),
        None => Err(ClientError::Protocol(format!(
            "the answer to `{method}` has neither result nor error"
        ))),
    }
}

/// The request frame for `id`.
pub(crate) fn request_frame(id: u64, method: &str, params: &Value) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string()
}

/// The notification frame.
pub(crate) fn notification_frame(method: &str, params: &Value) -> String {
    json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string()
}

/// Whether `msg` is the response to request `id` (numbers only: we number our own requests).
pub(crate) fn is_response_to(msg: &Map<String, Value>, id: u64) -> bool {
    !msg.contains_key("method")
        && (msg.contains_key("result") || msg.contains_key("error"))
        && msg.get("id").and_then(Value::as_u64) == Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;
    use std::time::Duration;

    /// Answers requests from a script; records what was asked.
    struct Script {
        answers: VecDeque<Result<Value, ClientError>>,
        asked: Vec<(String, Value)>,
    }

    impl Rpc for Script {
        fn request(&mut self, m: &str, p: Value, _: Instant) -> Result<Value, ClientError> {
            self.asked.push((m.to_owned(), p));
            self.answers
                .pop_front()
                .unwrap_or_else(|| Err(ClientError::Protocol("script ended".into())))
        }
        fn notify(&mut self, m: &str, p: Value, _: Instant) -> Result<(), ClientError> {
            self.asked.push((m.to_owned(), p));
            Ok(())
        }
    }

    fn run(
        answers: Vec<Result<Value, ClientError>>,
    ) -> (Result<Inventory, ClientError>, Vec<String>) {
        let mut s = Script {
            answers: answers.into(),
            asked: Vec::new(),
        };
        let opts = ListOptions {
            max_pages: 3,
            max_items: 10,
            ..ListOptions::default()
        };
        let r = inventory(&mut s, &opts, Instant::now() + Duration::from_secs(1));
        (
            r,
            s.asked
                .into_iter()
                .map(|(m, p)| format!("{m} {p}"))
                .collect(),
        )
    }

    #[test]
    fn lists_only_what_is_announced_and_follows_cursors() {
        let (inv, asked) = run(vec![
            Ok(
                json!({"protocolVersion": "2025-06-18", "capabilities": {"tools": {}},
                      "serverInfo": {"name": "s"}, "instructions": "hi"}),
            ),
            Ok(json!({"tools": [{"name": "a"}], "nextCursor": "c1"})),
            Ok(json!({"tools": [{"name": "b"}]})),
        ]);
        let inv = inv.unwrap();
        assert_eq!(inv.protocol_version, "2025-06-18");
        assert_eq!(inv.tools.len(), 2);
        assert_eq!(inv.instructions.as_deref(), Some("hi"));
        assert!(inv.prompts.is_empty() && inv.notes.is_empty());
        assert_eq!(asked[1], "notifications/initialized {}");
        assert_eq!(asked[3], r#"tools/list {"cursor":"c1"}"#);
        assert_eq!(asked.len(), 4);
    }

    #[test]
    fn repeated_cursors_and_page_bounds_stop_the_loop() {
        let page = || Ok(json!({"tools": [{"name": "a"}], "nextCursor": "same"}));
        let (inv, _) = run(vec![
            Ok(json!({"capabilities": {"tools": {}}})),
            page(),
            page(),
            page(),
        ]);
        let inv = inv.unwrap();
        assert_eq!(inv.tools.len(), 2);
        assert!(inv.notes[0].contains("repeated cursor"), "{:?}", inv.notes);

        let (inv, _) = run(vec![
            Ok(json!({"capabilities": {"prompts": {}}})),
            Ok(json!({"prompts": [{"name": "a"}], "nextCursor": "1"})),
            Ok(json!({"prompts": [{"name": "a"}], "nextCursor": "2"})),
            Ok(json!({"prompts": [{"name": "a"}], "nextCursor": "3"})),
        ]);
        let inv = inv.unwrap();
        assert_eq!(inv.prompts.len(), 3);
        assert!(inv.notes[0].contains("3 pages"), "{:?}", inv.notes);
    }

    #[test]
    fn a_refused_list_is_a_note_and_a_failed_handshake_is_an_error() {
        let (inv, _) = run(vec![
            Ok(json!({"capabilities": {"resources": {}}})),
            Ok(json!({"resources": [{"name": "r", "uri": "x:/"}]})),
            Err(ClientError::Rpc {
                method: "resources/templates/list".into(),
                code: -32601,
                message: "nope".into(),
            }),
        ]);
        let inv = inv.unwrap();
        assert_eq!(inv.resources.len(), 1);
        assert!(inv.notes[0].contains("-32601"));

        let (inv, _) = run(vec![Ok(json!("not an object"))]);
        assert!(matches!(inv, Err(ClientError::Protocol(_))));
    }
}
