//! The engine end to end: lists, annotations, listing = calling, rate limits, sampling, Cedar.

use std::sync::Arc;

use serde_json::{json, Value};

use super::Engine;
use crate::cedar::CedarSource;
use crate::config::PolicyFile;
use crate::decision::{Decision, Verdict};
use crate::path::LexicalResolver;
use crate::request::{Annotations, RateCounts, Request};

pub(super) fn engine(toml: &str, cedar: &str) -> Engine {
    let file = PolicyFile::parse("t.toml", toml).unwrap();
    let sources: Vec<CedarSource> = if cedar.is_empty() {
        Vec::new()
    } else {
        vec![CedarSource {
            file: "t.cedar".to_string(),
            text: cedar.to_string(),
        }]
    };
    Engine::compile(&file, &sources, Arc::new(LexicalResolver)).unwrap()
}

pub(super) fn call(e: &Engine, server: &str, tool: &str, args: Value) -> Decision {
    e.evaluate(&Request::call_tool(server, tool, Some(&args)))
}

pub(super) fn rules(d: &Decision) -> Vec<&str> {
    d.rules.iter().map(|r| r.as_str()).collect()
}

pub(super) const ANN_RO: Annotations = Annotations {
    read_only: Some(true),
    destructive: None,
    idempotent: None,
    open_world: None,
};
const ANN_DESTRUCTIVE: Annotations = Annotations {
    read_only: Some(false),
    destructive: Some(true),
    idempotent: None,
    open_world: None,
};

#[test]
fn tool_lists() {
    let e = engine(
        r#"
[servers.git.tools]
allow = ["git_status", "git_log", "git_diff*"]
approve = ["git_commit"]
deny = ["git_push", "git_diff_staged"]
"#,
        "",
    );
    let cases = [
        (
            "git_status",
            Verdict::Allow,
            "servers.git.tools.allow[\"git_status\"]",
        ),
        (
            "git_diff_unstaged",
            Verdict::Allow,
            "servers.git.tools.allow[\"git_diff*\"]",
        ),
        (
            "git_diff_staged",
            Verdict::Deny,
            "servers.git.tools.deny[\"git_diff_staged\"]",
        ),
        (
            "git_commit",
            Verdict::Approve,
            "servers.git.tools.approve[\"git_commit\"]",
        ),
        (
            "git_push",
            Verdict::Deny,
            "servers.git.tools.deny[\"git_push\"]",
        ),
        ("git_reset", Verdict::Deny, "servers.git.tools.allow"),
    ];
    for (tool, verdict, rule) in cases {
        let d = call(&e, "git", tool, json!({}));
        assert_eq!(d.verdict, verdict, "{tool}: {d:?}");
        assert_eq!(rules(&d), [rule], "{tool}");
        // Listing agrees with calling.
        let visible = e.visible("git", &json!({"name": tool}));
        assert_eq!(visible, verdict != Verdict::Deny, "{tool}");
    }
    let d = call(&e, "git", "git_reset", json!({}));
    assert_eq!(
        d.reason,
        "tool `git_reset` is not in servers.git.tools.allow"
    );
}

#[test]
fn annotation_defaults_and_overrides() {
    let e = engine(
        r#"
[servers.fs]
tools.allow = ["write_file"]
tools.deny = ["delete_*"]
tools.default = "allow"

[servers.trusting]
annotations.destructive = "allow"

[servers.strict]
tools.default = "approve"
annotations.read_only = "approve"

[servers.closed]
tools.allow = ["only_this"]
"#,
        "",
    );
    let cases = [
        // (server, tool, annotations, verdict, deciding rule)
        (
            "fs",
            "read_file",
            ANN_RO,
            Verdict::Allow,
            "defaults.annotations.read_only",
        ),
        (
            "fs",
            "move_file",
            ANN_DESTRUCTIVE,
            Verdict::Approve,
            "defaults.annotations.destructive",
        ),
        (
            "fs",
            "write_file",
            ANN_DESTRUCTIVE,
            Verdict::Allow,
            "servers.fs.tools.allow[\"write_file\"]",
        ),
        (
            "fs",
            "delete_file",
            ANN_RO,
            Verdict::Deny,
            "servers.fs.tools.deny[\"delete_*\"]",
        ),
        (
            "fs",
            "plain",
            Annotations::default(),
            Verdict::Allow,
            "servers.fs.tools.default",
        ),
        (
            "trusting",
            "rm",
            ANN_DESTRUCTIVE,
            Verdict::Allow,
            "servers.trusting.annotations.destructive",
        ),
        (
            "strict",
            "cat",
            ANN_RO,
            Verdict::Approve,
            "servers.strict.annotations.read_only",
        ),
        (
            "strict",
            "plain",
            Annotations::default(),
            Verdict::Approve,
            "servers.strict.tools.default",
        ),
        // A readOnlyHint never opens what an allow list closed.
        (
            "closed",
            "cat",
            ANN_RO,
            Verdict::Deny,
            "servers.closed.tools.allow",
        ),
        // Unlisted server: defaults.
        (
            "other",
            "rm",
            ANN_DESTRUCTIVE,
            Verdict::Approve,
            "defaults.annotations.destructive",
        ),
        (
            "other",
            "ls",
            Annotations::default(),
            Verdict::Allow,
            "defaults.unlisted_servers",
        ),
    ];
    for (server, tool, ann, verdict, rule) in cases {
        let args = json!({});
        let req = Request::call_tool(server, tool, Some(&args)).with_annotations(ann);
        let d = e.evaluate(&req);
        assert_eq!(d.verdict, verdict, "{server}/{tool}: {d:?}");
        assert_eq!(rules(&d), [rule], "{server}/{tool}");
    }
    // Both hints: readOnly wins (destructive is meaningless for a read-only tool, per MCP).
    let both = Annotations {
        read_only: Some(true),
        destructive: Some(true),
        ..Annotations::default()
    };
    let args = json!({});
    let d = e.evaluate(&Request::call_tool("fs", "x", Some(&args)).with_annotations(both));
    assert_eq!(d.verdict, Verdict::Allow);
}

#[test]
fn annotations_from_tool_definition() {
    let e = engine("", "");
    let tool = json!({"name": "rm", "annotations": {"destructiveHint": true}});
    assert!(e.visible("any", &tool), "approve is still listed");
    assert_eq!(
        Annotations::from_tool(&tool),
        Annotations {
            destructive: Some(true),
            ..Annotations::default()
        }
    );
    assert!(!e.visible("any", &json!({"description": "no name"})));
}

#[test]
fn unlisted_servers_default() {
    let e = engine(
        "[defaults]\nunlisted_servers = \"deny\"\n[servers.known]\n",
        "",
    );
    let d = call(&e, "unknown", "anything", json!({}));
    assert_eq!(d.verdict, Verdict::Deny);
    assert_eq!(rules(&d), ["defaults.unlisted_servers"]);
    assert!(!e.visible("unknown", &json!({"name": "anything"})));
    assert!(!e.visible_prompt("unknown", "p"));
    assert_eq!(
        call(&e, "known", "anything", json!({})).verdict,
        Verdict::Allow
    );
}

#[test]
fn prompts_and_resources() {
    let e = engine(
        r#"
[servers.fs.resources]
allow = ["file:///srv/project/**"]
[servers.fs.prompts]
deny = ["debug_*"]
"#,
        "",
    );
    assert!(e.visible_resource("fs", "file:///srv/project/a/b.md"));
    assert!(!e.visible_resource("fs", "file:///etc/passwd"));
    assert!(e.visible_prompt("fs", "summarise"));
    assert!(!e.visible_prompt("fs", "debug_dump"));
    let d = e.evaluate(&Request::read_resource("fs", "file:///etc/passwd"));
    assert_eq!(rules(&d), ["servers.fs.resources.allow"]);
}

#[test]
fn every_contributing_rule_is_named() {
    let e = engine(
        r#"
[servers.fs]
tools.approve = ["write_file"]
[[servers.fs.args]]
args = ["path"]
roots = ["/srv"]
[[servers.fs.args]]
args = ["content"]
max_length = 5
"#,
        "",
    );
    let d = call(
        &e,
        "fs",
        "write_file",
        json!({"path": "/etc/x", "content": "too long"}),
    );
    assert_eq!(d.verdict, Verdict::Deny);
    assert_eq!(
        rules(&d),
        ["servers.fs.args[0].roots", "servers.fs.args[1].max_length"]
    );
    let all: Vec<&str> = d.contributions.iter().map(|c| c.rule.as_str()).collect();
    assert_eq!(
        all,
        [
            "servers.fs.tools.approve[\"write_file\"]",
            "servers.fs.args[0].roots",
            "servers.fs.args[1].max_length"
        ]
    );
    assert!(d.reason.contains("/etc/x"), "{}", d.reason);
    let d = call(
        &e,
        "fs",
        "write_file",
        json!({"path": "/srv/x", "content": "ok"}),
    );
    assert_eq!(d.verdict, Verdict::Approve);
    assert_eq!(d.contributions.len(), 3);
}

#[test]
fn rate_limits() {
    let e = engine(
        r#"
[defaults.rate_limit]
per_session = 100
[servers.fetch.rate_limit]
per_tool = 10
per_session = 20
tools = { "slow_*" = 2 }
"#,
        "",
    );
    let cases = [
        // (tool, counts, verdict, rules)
        (
            "fetch",
            RateCounts {
                tool: 9,
                server: 19,
                session: 99,
            },
            Verdict::Allow,
            vec![],
        ),
        (
            "fetch",
            RateCounts {
                tool: 10,
                server: 0,
                session: 0,
            },
            Verdict::Deny,
            vec!["servers.fetch.rate_limit.per_tool"],
        ),
        (
            "fetch",
            RateCounts {
                tool: 0,
                server: 20,
                session: 0,
            },
            Verdict::Deny,
            vec!["servers.fetch.rate_limit.per_session"],
        ),
        (
            "fetch",
            RateCounts {
                tool: 0,
                server: 0,
                session: 100,
            },
            Verdict::Deny,
            vec!["defaults.rate_limit.per_session"],
        ),
        (
            "slow_one",
            RateCounts {
                tool: 2,
                server: 0,
                session: 0,
            },
            Verdict::Deny,
            vec!["servers.fetch.rate_limit.tools[\"slow_*\"]"],
        ),
        (
            "slow_one",
            RateCounts {
                tool: 1,
                server: 0,
                session: 0,
            },
            Verdict::Allow,
            vec![],
        ),
    ];
    for (tool, counts, verdict, want) in cases {
        let args = json!({});
        let d = e.evaluate(&Request::call_tool("fetch", tool, Some(&args)).with_counts(counts));
        assert_eq!(d.verdict, verdict, "{tool} {counts:?}: {d:?}");
        if verdict == Verdict::Deny {
            assert_eq!(rules(&d), want);
        }
    }
    // Rate limits do not hide tools.
    assert!(e.visible("fetch", &json!({"name": "fetch"})));
}

#[test]
fn sampling_and_elicitation() {
    let e = engine(
        r#"
[servers.everything]
sampling = { mode = "allow", max_tokens = 500 }
elicitation = { mode = "approve" }
[servers.asker]
sampling = { mode = "approve" }
"#,
        "",
    );
    let s = e.sampling("everything");
    assert_eq!((s.mode, s.max_tokens), (Verdict::Allow, Some(500)));
    assert_eq!(s.rule.as_str(), "servers.everything.sampling");
    assert_eq!(e.sampling("other").mode, Verdict::Deny);
    assert_eq!(e.sampling("other").rule.as_str(), "defaults.sampling");
    assert_eq!(e.sampling("asker").mode, Verdict::Approve);
    assert_eq!(e.elicitation("everything").mode, Verdict::Approve);
    assert_eq!(e.elicitation("other").mode, Verdict::Allow);

    let d = e.evaluate(&Request::sample("everything", Some(4000)));
    assert_eq!(d.verdict, Verdict::Allow);
    assert!(
        d.reason.contains("maxTokens 4000 is lowered to 500"),
        "{}",
        d.reason
    );
    assert_eq!(
        e.evaluate(&Request::sample("other", None)).verdict,
        Verdict::Deny
    );
    assert_eq!(
        e.evaluate(&Request::elicit("everything")).verdict,
        Verdict::Approve
    );
}
