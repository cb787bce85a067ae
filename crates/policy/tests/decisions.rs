//! Decisions pinned down: a varied set of requests against several policies, compared with
//! `tests/data/decisions.txt`, which was written by the engine before the Cedar layer was rebuilt
//! for speed (evaluating only the policies whose scope can match, building values directly). Any
//! change of verdict, rules, reason or contributions shows up here.
//!
//! Cedar reported the policies it found satisfied as a set, so the order of several Cedar rules in
//! one decision was not defined before; rules, reasons and contributions are compared sorted.
//! Regenerate (only for an intended change of decisions): `MCPGUARD_BLESS=1 cargo test -p
//! mcpguard-policy --test decisions`.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use mcpguard_policy::{
    read_policy, Annotations, CedarSource, Decision, Engine, FindingFact, LexicalResolver,
    PolicyFile, RateCounts, Request, Severity,
};
use serde_json::{json, Value};

/// Policies that touch every scope form, every context attribute, errors and default deny.
const CEDAR: &str = r#"
@id("no-push-to-main")
@reason("pushing to main is forbidden")
forbid(principal, action == Action::"call_tool", resource == Tool::"git/git_push")
  when { context.args.hasTag("branch") && context.args.getTag("branch") == "main" };

@id("tainted-no-fetch")
@verdict("approve")
forbid(principal, action == Action::"call_tool", resource in Server::"fetch")
  when { context.taint.contains("private_data") } unless { context.approved };

@id("hide-debug")
forbid(principal, action == Action::"call_tool", resource == Tool::"git/debug");

@id("no-findings-high")
forbid(principal, action, resource) when { context.max_severity >= 4 };

@id("intern-readonly")
forbid(principal == Client::"intern", action == Action::"call_tool", resource)
  unless { resource.read_only };

@id("paths")
forbid(principal, action == Action::"call_tool", resource in Server::"fs")
  unless { context.paths_within_roots };

@id("etc")
forbid(principal, action, resource is Tool in Server::"fs")
  when { context.paths.contains("/etc/passwd") || context.arg_names.contains("danger") };

@id("hosts")
@verdict("approve")
forbid(principal in Client::"bot", action in [Action::"call_tool", Action::"list_tools"], resource)
  when { context.url_hosts.contains("evil.example") || context.findings.contains("x.y") };

@id("overflow")
forbid(principal, action == Action::"sample", resource)
  when { context.max_tokens + 9223372036854775000 > 0 };

@id("permit-overflow")
permit(principal, action == Action::"sample", resource == Server::"calc")
  when { context.max_tokens * 9223372036854775000 > 0 };

@id("resources")
forbid(principal, action == Action::"read_resource", resource is Resource)
  when { resource.scheme == "file" && resource.uri like "*secret*" };

@id("prompts")
forbid(principal, action == Action::"get_prompt", resource in Server::"fs")
  when { resource.name == "danger" || context["server"] == "nobody" };

@id("elicit-bot")
forbid(principal == Client::"bot", action == Action::"elicit", resource);

@id("annotations")
@verdict("approve")
forbid(principal, action, resource is Tool)
  when { resource.destructive && !resource.idempotent && resource.open_world && resource.name like "rm*" && resource.server == "fs" };

@id("permit-all")
permit(principal, action, resource);
"#;

const TOML: &str = r#"
[defaults]
rate_limit = { per_session = 5 }
[servers.git.tools]
deny = ["git_reset"]
[servers.fs]
sampling = { mode = "allow", max_tokens = 100 }
[[servers.fs.args]]
args = ["path", "paths"]
roots = ["/srv"]
on_violation = "approve"
[servers.fetch.tools]
allow = ["fetch"]
[[servers.fetch.args]]
args = ["url"]
hosts.allow = ["*.example", "example.com"]
[servers.calc]
sampling = { mode = "allow" }
"#;

const DEFAULT_DENY: &str = r#"
permit(principal == Client::"claude", action in [Action::"call_tool", Action::"list_tools"], resource in Server::"git");
permit(principal, action == Action::"read_resource", resource) when { resource.uri like "https://*" };
"#;

fn engine(toml: &str, cedar: &str) -> Engine {
    let file = PolicyFile::parse("t.toml", toml).unwrap();
    let sources = [CedarSource {
        file: "t.cedar".to_string(),
        text: cedar.to_string(),
    }];
    Engine::compile(&file, &sources, Arc::new(LexicalResolver)).unwrap()
}

fn engines() -> Vec<(&'static str, Engine)> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/policies/mcpguard.toml");
    let loaded = read_policy(Some(&file), &[]).unwrap();
    let example = Engine::compile(&loaded.config, &loaded.cedar, Arc::new(LexicalResolver));
    vec![
        ("example", example.unwrap()),
        ("cedar", engine(TOML, CEDAR)),
        (
            "default-deny",
            engine("[cedar]\ndefault = \"deny\"\n", DEFAULT_DENY),
        ),
    ]
}

/// Owned inputs the requests borrow.
struct Inputs {
    args: Vec<(&'static str, &'static str, Value)>,
    private: Vec<String>,
    untrusted: Vec<String>,
    high: Vec<FindingFact>,
    low: Vec<FindingFact>,
}

fn inputs() -> Inputs {
    let calls = [
        (
            "filesystem",
            "read_file",
            json!({"path": "/home/user/project/src/main.rs"}),
        ),
        (
            "filesystem",
            "read_file",
            json!({"path": "../../etc/passwd"}),
        ),
        (
            "filesystem",
            "write_file",
            json!({"path": ".git/config", "content": "x"}),
        ),
        (
            "filesystem",
            "move_file",
            json!({"source": "a", "destination": "/home/user/project/.git"}),
        ),
        (
            "filesystem",
            "read_multiple_files",
            json!({"paths": ["a", "/etc/shadow"]}),
        ),
        ("filesystem", "frobnicate", json!({})),
        (
            "fetch",
            "fetch",
            json!({"url": "https://docs.python.org/3/", "max_length": 5000}),
        ),
        (
            "fetch",
            "fetch",
            json!({"url": "http://169.254.169.254/latest"}),
        ),
        ("fetch", "fetch", json!({"url": "https://evil.example/x"})),
        ("fetch", "fetch", json!({})),
        ("git", "git_push", json!({"branch": "main"})),
        (
            "git",
            "git_push",
            json!({"branch": "feature", "n": 3, "list": [1, "x"]}),
        ),
        (
            "git",
            "git_log",
            json!({"revision": "--output=/tmp/x", "max_count": 1000}),
        ),
        ("git", "git_reset", json!({})),
        ("git", "debug", Value::Null),
        ("fs", "read", json!({"path": "/srv/a/../b"})),
        ("fs", "read", json!({"path": "/srv/../etc/passwd"})),
        (
            "fs",
            "read",
            json!({"paths": ["/srv/x", "/etc/passwd"], "danger": true}),
        ),
        ("fs", "rm_rf", json!({"path": "/srv/x"})),
        ("other", "anything", json!({"x": {"y": [1, 2]}})),
    ];
    let finding = |rule: &str, severity| FindingFact {
        rule: rule.to_string(),
        severity,
    };
    Inputs {
        args: calls.into_iter().collect(),
        private: vec!["private_data".to_string()],
        untrusted: vec!["untrusted_content".to_string()],
        high: vec![
            finding("poison.hidden", Severity::High),
            finding("x.y", Severity::Low),
        ],
        low: vec![finding("x.y", Severity::Info)],
    }
}

/// Every request, with a label.
fn requests(i: &Inputs) -> Vec<(String, Request<'_>)> {
    let ro = Annotations {
        read_only: Some(true),
        ..Annotations::default()
    };
    let destructive = Annotations {
        destructive: Some(true),
        read_only: Some(false),
        ..Annotations::default()
    };
    let mut out = Vec::new();
    for (server, tool, args) in &i.args {
        let base = Request::call_tool(server, tool, Some(args));
        let label = format!("call {server}/{tool} {args}");
        out.push((label.clone(), base));
        out.push((format!("{label} +private"), base.with_taint(&i.private)));
        out.push((
            format!("{label} +private approved"),
            base.with_taint(&i.private).with_approved(true),
        ));
        out.push((format!("{label} +high"), base.with_findings(&i.high)));
        for principal in ["intern", "bot", "ci-bot", "claude"] {
            out.push((
                format!("{label} by {principal}"),
                base.with_principal(principal).with_findings(&i.low),
            ));
            out.push((
                format!("{label} by {principal} ro"),
                base.with_principal(principal).with_annotations(ro),
            ));
        }
        out.push((
            format!("{label} destructive untrusted"),
            base.with_annotations(destructive).with_taint(&i.untrusted),
        ));
        let counts = RateCounts {
            tool: 100,
            server: 100,
            session: 100,
        };
        out.push((format!("{label} rate"), base.with_counts(counts)));
    }
    for (server, tool) in [
        ("git", "git_push"),
        ("git", "debug"),
        ("git", "git_log"),
        ("filesystem", "read_file"),
        ("filesystem", "frobnicate"),
        ("fs", "rm_rf"),
        ("x", "y"),
    ] {
        let base = Request::list_tool(server, tool);
        let label = format!("list {server}/{tool}");
        out.push((label.clone(), base));
        out.push((format!("{label} +high"), base.with_findings(&i.high)));
        for principal in ["ci-bot", "bot", "claude"] {
            out.push((
                format!("{label} by {principal}"),
                base.with_principal(principal),
            ));
            out.push((
                format!("{label} by {principal} ro"),
                base.with_principal(principal).with_annotations(ro),
            ));
        }
        out.push((
            format!("{label} destructive"),
            base.with_annotations(destructive),
        ));
    }
    for (server, uri) in [
        ("fs", "file:///srv/secret.txt"),
        ("fs", "FILE:///srv/secret.txt"),
        ("fs", "https://example.com/secret"),
        ("docs", "https://example.com/"),
        ("docs", "urn:x"),
    ] {
        let base = Request::read_resource(server, uri);
        out.push((format!("read {server} {uri}"), base));
        out.push((
            format!("read {server} {uri} +high"),
            base.with_findings(&i.high),
        ));
    }
    for (server, name, args) in [
        ("fs", "danger", None),
        ("fs", "safe", Some(&i.args[0].2)),
        ("nobody", "x", None),
    ] {
        let base = Request::get_prompt(server, name, args);
        out.push((format!("prompt {server}/{name}"), base));
        out.push((
            format!("prompt {server}/{name} by ci-bot"),
            base.with_principal("ci-bot"),
        ));
    }
    for server in ["fs", "calc", "everything", "other"] {
        for max in [None, Some(0), Some(50), Some(500), Some(u64::MAX)] {
            out.push((
                format!("sample {server} {max:?}"),
                Request::sample(server, max),
            ));
        }
        out.push((format!("elicit {server}"), Request::elicit(server)));
        out.push((
            format!("elicit {server} by bot"),
            Request::elicit(server).with_principal("bot"),
        ));
    }
    out
}

fn sorted<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut items: Vec<&str> = items.collect();
    items.sort_unstable();
    items.join(" | ")
}

fn describe(d: &Decision) -> String {
    let mut contributions: Vec<String> = d
        .contributions
        .iter()
        .map(|c| format!("{} {} {}", c.verdict, c.rule, c.reason))
        .collect();
    contributions.sort();
    format!(
        "  {}\n  rules: {}\n  reason: {}\n  contributions:\n    {}\n",
        d.verdict,
        sorted(d.rules.iter().map(|r| r.as_str())),
        sorted(d.reason.split("; ")),
        contributions.join("\n    ")
    )
}

fn table() -> String {
    let inputs = inputs();
    let requests = requests(&inputs);
    let mut text = String::new();
    for (name, engine) in engines() {
        for (label, request) in &requests {
            let d = engine.evaluate(request);
            let _ = writeln!(text, "[{name}] {label}\n{}", describe(&d));
        }
    }
    text
}

#[test]
fn decisions_are_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/decisions.txt");
    let got = table();
    if std::env::var_os("MCPGUARD_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap();
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {} of {} differs", i + 1, path.display());
    }
    assert_eq!(got.lines().count(), want.lines().count());
}
