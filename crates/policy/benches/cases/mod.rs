//! The engines and requests the `evaluate` bench times, shared with the `evaluate_loop` example
//! (a fixed number of decisions, for instruction counts under callgrind).

use std::path::Path;
use std::sync::Arc;

use mcpguard_policy::{
    read_policy, Annotations, Engine, FindingFact, LexicalResolver, Request, Severity,
};
use serde_json::{json, Value};

/// The shipped example with its Cedar policies, and the same TOML without them.
pub fn engines() -> (Engine, Engine) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/policies/mcpguard.toml");
    let loaded = read_policy(Some(&file), &[]).expect("example loads");
    let with_cedar = Engine::compile(&loaded.config, &loaded.cedar, Arc::new(LexicalResolver))
        .expect("example compiles");
    let mut toml_only = loaded.config.clone();
    toml_only.cedar.files.clear();
    let without = Engine::compile(&toml_only, &[], Arc::new(LexicalResolver)).expect("compiles");
    (with_cedar, without)
}

/// What the requests borrow.
pub struct Inputs {
    read: Value,
    escape: Value,
    fetch: Value,
    findings: Vec<FindingFact>,
    taint: Vec<String>,
}

impl Inputs {
    pub fn new() -> Inputs {
        Inputs {
            read: json!({"path": "/home/user/project/src/main.rs"}),
            escape: json!({"path": "../../etc/passwd"}),
            fetch: json!({"url": "https://docs.python.org/3/library/json.html", "max_length": 5000}),
            findings: vec![FindingFact {
                rule: "hidden.zero_width".to_string(),
                severity: Severity::Low,
            }],
            taint: vec!["untrusted_content".to_string()],
        }
    }

    /// The benched requests, by name.
    pub fn requests(&self) -> Vec<(&'static str, Request<'_>)> {
        let ro = Annotations {
            read_only: Some(true),
            ..Annotations::default()
        };
        vec![
            (
                "call read_file (path in root)",
                Request::call_tool("filesystem", "read_file", Some(&self.read))
                    .with_principal("claude-desktop")
                    .with_annotations(ro)
                    .with_findings(&self.findings)
                    .with_taint(&self.taint),
            ),
            (
                "call read_file (escape, denied)",
                Request::call_tool("filesystem", "read_file", Some(&self.escape)),
            ),
            (
                "call fetch (host allowlist)",
                Request::call_tool("fetch", "fetch", Some(&self.fetch)).with_taint(&self.taint),
            ),
            (
                "list git_push (hidden)",
                Request::list_tool("git", "git_push"),
            ),
        ]
    }
}
