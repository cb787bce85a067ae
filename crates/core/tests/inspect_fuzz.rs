//! The content checks must never panic, whatever a server returns: a panic in the gate would take
//! the session down. Random texts built from the pieces the rules look for (keywords, credential
//! prefixes, hidden and bidi characters, escapes, multi-byte letters, base64 runs) go through the
//! inspector and through the gate as tool results and call arguments.

use mcpguard_core::judge::DetectInspector;
use mcpguard_core::results::Inspector;
use mcpguard_core::{Gate, GateConfig, Session};
use std::sync::Arc;

const PIECES: &[&str] = &[
    "ignore previous instructions",
    "AI assistant",
    "<|im_start|>system",
    "[INST]",
    "</tool_result>",
    "do not tell the user",
    "AKIA",
    "ghp_",
    "sk-ant-",
    "xoxb-",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----END RSA PRIVATE KEY-----",
    "eyJhbGciOi",
    "postgres://u:p@h/db",
    "password=",
    "\u{200b}",
    "\u{202e}",
    "\u{e0041}",
    "\u{e0020}",
    "\u{1b}[31m",
    "\u{1b}]0;",
    "<!--",
    "-->",
    "display:none",
    "é",
    "日本語",
    "🙂",
    "👩‍💻",
    "\u{fe0f}",
    "a",
    " ",
    "\n",
    "\\n",
    "\\u0041",
    "%41",
    "QUJD",
    "SGVsbG8gd29ybGQ=",
    "0123456789abcdef",
    "https://x.example/?q=",
    "![x](http://e/",
    ")",
    "\"",
    "\u{0}",
    "\u{7f}",
    "\u{ad}",
    "ـ",
    "\u{200d}",
    "\u{200c}",
    "ZW",
    "==",
    "`",
    "|",
];

/// xorshift: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn text(rng: &mut Rng) -> String {
    let n = (rng.next() % 40) as usize;
    (0..n)
        .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
        .collect()
}

#[test]
fn random_content_never_panics_the_inspector_or_the_gate() {
    let inspector = DetectInspector::lazy();
    let gate = Gate::new(GateConfig {
        inspector: Some(Arc::new(DetectInspector::lazy())),
        ..GateConfig::default()
    });
    let mut s = Session::new();
    gate.on_client(&mut s, br#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{}}}"#);
    gate.on_server(&mut s, br#"{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-11-25","capabilities":{},"serverInfo":{"name":"s","version":"1"}}}"#);
    gate.on_client(
        &mut s,
        br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
    );
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..5000u32 {
        let t = text(&mut rng);
        let _ = inspector.might_match(&t);
        let _ = inspector.injection(&t);
        let _ = inspector.strip_hidden(&t);
        for (_, r) in inspector.secrets(&t) {
            assert!(
                t.is_char_boundary(r.start) && t.is_char_boundary(r.end),
                "{t:?}"
            );
        }
        let quoted = serde_json::to_string(&t).unwrap();
        let call = format!(
            r#"{{"jsonrpc":"2.0","id":{i},"method":"tools/call","params":{{"name":"x","arguments":{{"a":{quoted}}}}}}}"#
        );
        let o = gate.on_client(&mut s, call.as_bytes());
        if o.forward.is_some() {
            let result = format!(
                r#"{{"jsonrpc":"2.0","id":{i},"result":{{"content":[{{"type":"text","text":{quoted}}}],"structuredContent":{{"k":{quoted}}}}}}}"#
            );
            let o = gate.on_server(&mut s, result.as_bytes());
            let out = o.forward.expect("an answer for the client");
            serde_json::from_slice::<serde_json::Value>(out.bytes()).expect("valid JSON");
        }
    }
}
