//! A minimal MCP stdio server whose own cost is negligible, for benchmarks.
//!
//! Measuring a gateway needs a server that answers in microseconds, so that the time measured is
//! the relay's. This one answers the handshake of both eras (`initialize`, `server/discover`),
//! `ping`, `tools/list` and `tools/call`. The tool `blob` (`{"bytes": N}`) returns a text content
//! of exactly N bytes; its serialised result is built once per size and cached, so a call costs
//! one small parse and one write. `echo` (`{"text": "…"}`) returns its argument.
//!
//! Requests are answered in order; notifications and responses are ignored; other methods get
//! -32601. NDJSON on stdin/stdout, one flush per message.

use std::collections::HashMap;
use std::io::{self, BufReader};

use mcpguard_testkit::{payload, wire};
use serde_json::{json, Value};

const LEGACY_VERSIONS: [&str; 4] = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];
const STATELESS_VERSION: &str = "2026-07-28";
const DEFAULT_VERSION: &str = "2025-11-25";
/// Largest `blob` served: beyond this the call is refused rather than exhausting memory.
const MAX_BLOB: usize = 64 * 1024 * 1024;

fn server_info() -> Value {
    json!({ "name": "mcp-fast-server", "version": env!("CARGO_PKG_VERSION") })
}

fn tools() -> Value {
    json!({ "tools": [
        {
            "name": "blob",
            "description": "Returns a text content of exactly `bytes` bytes.",
            "inputSchema": {
                "type": "object",
                "properties": { "bytes": { "type": "integer", "minimum": 0 } },
                "required": ["bytes"]
            }
        },
        {
            "name": "echo",
            "description": "Returns its `text` argument.",
            "inputSchema": {
                "type": "object",
                "properties": { "text": { "type": "string" } },
                "required": ["text"]
            }
        }
    ]})
}

/// What to write after `{"jsonrpc":"2.0","id":ID`.
enum Answer {
    /// A `result` computed for this request.
    Result(Value),
    /// A cached `,"result":…}` for a blob of this size.
    Blob(usize),
    Error(i64, String),
}

struct Server {
    /// Serialised `,"result":{…}}` tails of blob results, by size.
    blobs: HashMap<usize, Vec<u8>>,
}

impl Server {
    fn answer(&mut self, method: &str, params: &Value) -> Answer {
        match method {
            "initialize" => {
                let asked = params["protocolVersion"].as_str().unwrap_or("");
                let version = if LEGACY_VERSIONS.contains(&asked) {
                    asked
                } else {
                    DEFAULT_VERSION
                };
                Answer::Result(json!({
                    "protocolVersion": version,
                    "capabilities": { "tools": {} },
                    "serverInfo": server_info(),
                }))
            }
            "server/discover" => Answer::Result(json!({
                "supportedVersions": [STATELESS_VERSION],
                "capabilities": { "tools": {} },
                "resultType": "complete",
                "cacheScope": "public",
                "ttlMs": 0,
                "_meta": { "io.modelcontextprotocol/serverInfo": server_info() },
            })),
            "ping" => Answer::Result(json!({})),
            "tools/list" => Answer::Result(tools()),
            "tools/call" => self.call(params),
            other => Answer::Error(-32601, format!("method not found: {other}")),
        }
    }

    fn call(&mut self, params: &Value) -> Answer {
        let args = &params["arguments"];
        match params["name"].as_str() {
            Some("blob") => match args["bytes"].as_u64().map(usize::try_from) {
                Some(Ok(n)) if n <= MAX_BLOB => {
                    self.blobs.entry(n).or_insert_with(|| blob_tail(n));
                    Answer::Blob(n)
                }
                _ => Answer::Error(-32602, format!("blob: bytes must be 0..={MAX_BLOB}")),
            },
            Some("echo") => {
                let text = args["text"].as_str().unwrap_or("");
                Answer::Result(json!({ "content": [{ "type": "text", "text": text }] }))
            }
            other => Answer::Error(-32602, format!("unknown tool: {other:?}")),
        }
    }
}

fn blob_tail(n: usize) -> Vec<u8> {
    let result =
        json!({ "content": [{ "type": "text", "text": payload::text(n) }], "isError": false });
    format!(",\"result\":{result}}}").into_bytes()
}

fn main() -> io::Result<()> {
    let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
    // Unbuffered: every answer is one `writev` of its parts (see `wire::write_line`).
    let mut out = wire::raw_stdout()?;
    let mut server = Server {
        blobs: HashMap::new(),
    };
    let mut line = Vec::new();
    while wire::read_line(&mut input, &mut line)? {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let msg: Value = match serde_json::from_slice(&line) {
            Ok(v) => v,
            Err(e) => {
                let err = json!({ "jsonrpc": "2.0", "id": null,
                    "error": { "code": -32700, "message": format!("parse error: {e}") } });
                wire::write_line(&mut out, &[err.to_string().as_bytes()])?;
                continue;
            }
        };
        let (Some(method), Some(id)) = (msg["method"].as_str(), msg.get("id")) else {
            continue; // a notification, or a response to nothing we asked
        };
        let head = format!("{{\"jsonrpc\":\"2.0\",\"id\":{id}");
        match server.answer(method, &msg["params"]) {
            Answer::Blob(n) => {
                let tail = server.blobs.get(&n).expect("cached just before");
                wire::write_line(&mut out, &[head.as_bytes(), tail])?;
            }
            Answer::Result(r) => {
                wire::write_line(
                    &mut out,
                    &[
                        head.as_bytes(),
                        b",\"result\":",
                        r.to_string().as_bytes(),
                        b"}",
                    ],
                )?;
            }
            Answer::Error(code, message) => {
                let e = json!({ "code": code, "message": message });
                wire::write_line(
                    &mut out,
                    &[
                        head.as_bytes(),
                        b",\"error\":",
                        e.to_string().as_bytes(),
                        b"}",
                    ],
                )?;
            }
        }
    }
    Ok(())
}
