//! The shipped examples (`examples/policies/`) load and do what their comments say.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use mcpguard_policy::{
    Annotations, Decision, Engine, FindingFact, LexicalResolver, Request, Severity, Verdict,
};
use serde_json::{json, Value};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/policies")
        .join(name)
}

fn engine() -> Engine {
    Engine::load(
        Some(&example("mcpguard.toml")),
        &[],
        Arc::new(LexicalResolver),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn call(e: &Engine, server: &str, tool: &str, args: Value) -> Decision {
    e.evaluate(&Request::call_tool(server, tool, Some(&args)))
}

#[test]
fn example_loads_with_its_cedar_file() {
    let e = engine();
    assert_eq!(e.cedar_policies(), 4);
    let mut servers: Vec<&str> = e.servers().collect();
    servers.sort();
    assert_eq!(servers, ["everything", "fetch", "filesystem", "git"]);
}

#[test]
fn filesystem_is_confined_to_the_project() {
    let e = engine();
    let cases = [
        (
            "read_file",
            json!({"path": "/home/user/project/src/main.rs"}),
            Verdict::Allow,
        ),
        ("read_file", json!({"path": "src/main.rs"}), Verdict::Allow),
        (
            "read_file",
            json!({"path": "../../etc/passwd"}),
            Verdict::Deny,
        ),
        ("read_file", json!({"path": "/etc/passwd"}), Verdict::Deny),
        (
            "read_file",
            json!({"path": "/home/user/project//../other/x"}),
            Verdict::Deny,
        ),
        (
            "read_file",
            json!({"path": "/home/user/project/./a/../b"}),
            Verdict::Allow,
        ),
        (
            "read_multiple_files",
            json!({"paths": ["a", "/etc/shadow"]}),
            Verdict::Deny,
        ),
        (
            "write_file",
            json!({"path": "notes.md", "content": "x"}),
            Verdict::Approve,
        ),
        (
            "write_file",
            json!({"path": ".git/config", "content": "x"}),
            Verdict::Deny,
        ),
        (
            "move_file",
            json!({"source": "a", "destination": ".git/hooks/pre-commit"}),
            Verdict::Deny,
        ),
        (
            "move_file",
            json!({"source": "a", "destination": "/tmp/a"}),
            Verdict::Deny,
        ),
        (
            "move_file",
            json!({"source": "a", "destination": ".github/a"}),
            Verdict::Approve,
        ),
        ("delete_everything", json!({}), Verdict::Deny),
    ];
    for (tool, args, verdict) in cases {
        let d = call(&e, "filesystem", tool, args.clone());
        assert_eq!(d.verdict, verdict, "{tool} {args}: {d:#?}");
    }
    let d = call(
        &e,
        "filesystem",
        "read_file",
        json!({"path": "../../etc/passwd"}),
    );
    assert_eq!(d.rules[0].as_str(), "servers.filesystem.args[0].roots");
    assert!(
        d.reason
            .contains("/etc/passwd, outside the allowed roots (/home/user/project)"),
        "{}",
        d.reason
    );
    assert!(!e.visible("filesystem", &json!({"name": "delete_everything"})));
}

#[test]
fn git_is_read_only() {
    let e = engine();
    let repo = json!({"repo_path": "/home/user/project"});
    for tool in ["git_status", "git_log", "git_diff_unstaged", "git_show"] {
        assert_eq!(
            call(&e, "git", tool, repo.clone()).verdict,
            Verdict::Allow,
            "{tool}"
        );
        assert!(e.visible("git", &json!({"name": tool})), "{tool}");
    }
    for tool in ["git_commit", "git_reset", "git_push", "git_create_branch"] {
        assert_eq!(
            call(&e, "git", tool, repo.clone()).verdict,
            Verdict::Deny,
            "{tool}"
        );
        assert!(!e.visible("git", &json!({"name": tool})), "{tool}");
    }
    let d = call(&e, "git", "git_status", json!({"repo_path": "/home/user"}));
    assert_eq!(d.verdict, Verdict::Deny);
    let d = call(
        &e,
        "git",
        "git_show",
        json!({"repo_path": "/home/user/project", "revision": "--output=/tmp/x"}),
    );
    assert_eq!(d.verdict, Verdict::Deny);
    let d = call(
        &e,
        "git",
        "git_log",
        json!({"repo_path": "/home/user/project", "max_count": 100000}),
    );
    assert_eq!(d.verdict, Verdict::Deny);
}

#[test]
fn fetch_is_limited_to_the_allowlist() {
    let e = engine();
    let cases = [
        (
            "https://docs.python.org/3/library/json.html",
            Verdict::Allow,
        ),
        ("https://DOCS.RS./serde", Verdict::Allow),
        ("https://requests.readthedocs.io/en/latest/", Verdict::Allow),
        ("http://docs.rs/", Verdict::Deny),
        ("https://evil.example/", Verdict::Deny),
        ("https://docs.rs@evil.example/", Verdict::Deny),
        ("https://docs.rs.evil.example/", Verdict::Deny),
        ("https://127.0.0.1/", Verdict::Deny),
        ("https://169.254.169.254/latest/meta-data/", Verdict::Deny),
    ];
    for (url, verdict) in cases {
        let d = call(&e, "fetch", "fetch", json!({"url": url}));
        assert_eq!(d.verdict, verdict, "{url}: {d:#?}");
    }
    let d = call(&e, "fetch", "fetch", json!({}));
    assert_eq!(d.rules[0].as_str(), "servers.fetch.args[0].required");
}

#[test]
fn example_cedar_policies() {
    let e = engine();
    // Toxic flow: after private data, fetching needs approval.
    let taint = vec!["private_data".to_string()];
    let args = json!({"url": "https://docs.rs/"});
    let d = e.evaluate(&Request::call_tool("fetch", "fetch", Some(&args)).with_taint(&taint));
    assert_eq!(d.verdict, Verdict::Approve);
    assert_eq!(d.rules[0].as_str(), "cedar:toxic-flow-fetch");
    // High findings deny.
    let findings = vec![FindingFact {
        rule: "poison.hidden_instructions".into(),
        severity: Severity::Critical,
    }];
    let d = e.evaluate(&Request::call_tool("git", "git_status", None).with_findings(&findings));
    assert_eq!(d.verdict, Verdict::Deny);
    // The CI agent sees only read-only tools.
    let ro = Annotations {
        read_only: Some(true),
        ..Annotations::default()
    };
    let list = |ann| {
        Request::list_tool("other", "tool")
            .with_principal("ci-bot")
            .with_annotations(ann)
    };
    assert_eq!(
        e.evaluate(&list(Annotations::default())).verdict,
        Verdict::Deny
    );
    assert_eq!(e.evaluate(&list(ro)).verdict, Verdict::Allow);
}

#[test]
fn example_sampling() {
    let e = engine();
    let s = e.sampling("everything");
    assert_eq!((s.mode, s.max_tokens), (Verdict::Allow, Some(500)));
    assert_eq!(e.sampling("filesystem").mode, Verdict::Deny);
    assert_eq!(e.elicitation("everything").mode, Verdict::Approve);
}
