//! The engines and requests the `evaluate` bench times, shared with the `evaluate_loop` example
//! (a fixed number of decisions, for instruction counts under callgrind).

use std::path::Path;
use std::sync::Arc;

use mcpguard_policy::{
    read_policy, Annotations, Engine, FindingFact, FsResolver, LexicalResolver, Request, Severity,
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

/// The example with its Cedar policies and the real-filesystem resolver, confined to a temporary
/// project directory (`<tmp>/project`, holding `src/main.rs`) instead of `/home/user/project`;
/// and the path of that file. Keep the directory alive while the engine is used.
pub fn fs_engine() -> (tempfile::TempDir, Engine, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("project");
    std::fs::create_dir_all(project.join("src")).expect("mkdir");
    std::fs::write(project.join("src/main.rs"), "fn main() {}\n").expect("write");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/policies");
    let root = project.to_str().expect("utf-8 temp dir");
    for name in ["mcpguard.toml", "mcpguard.cedar"] {
        let text = std::fs::read_to_string(examples.join(name)).expect("example");
        let text = text.replace("/home/user/project", root);
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let loaded = read_policy(Some(&dir.path().join("mcpguard.toml")), &[]).expect("loads");
    let engine =
        Engine::compile(&loaded.config, &loaded.cedar, Arc::new(FsResolver)).expect("compiles");
    let file = project.join("src/main.rs").to_string_lossy().into_owned();
    (dir, engine, file)
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
    /// The inputs of the benched requests.
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

    /// The first benched request (`read_file` in the root), with other arguments.
    pub fn read_file<'a>(&'a self, args: &'a Value) -> Request<'a> {
        let ro = Annotations {
            read_only: Some(true),
            ..Annotations::default()
        };
        Request::call_tool("filesystem", "read_file", Some(args))
            .with_principal("claude-desktop")
            .with_annotations(ro)
            .with_findings(&self.findings)
            .with_taint(&self.taint)
    }

    /// The benched requests, by name.
    pub fn requests(&self) -> Vec<(&'static str, Request<'_>)> {
        vec![
            ("call read_file (path in root)", self.read_file(&self.read)),
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
