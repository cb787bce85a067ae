//! The engine with Cedar: permit/forbid interplay, listing, default deny, schema conformance.

use serde_json::json;

use super::tests::{call, engine, rules, ANN_RO};
use crate::cedar::CedarFacts;
use crate::decision::Verdict;
use crate::request::{FindingFact, Request, Severity};

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

@id("permit-all")
permit(principal, action, resource);
"#;

#[test]
fn cedar_permit_and_forbid_interplay() {
    let toml = "[servers.git.tools]\ndeny = [\"git_reset\"]\n[servers.fs]\n[[servers.fs.args]]\nargs = [\"path\"]\nroots = [\"/srv\"]\non_violation = \"approve\"\n";
    let e = engine(toml, CEDAR);
    // A Cedar permit never overrides a TOML deny.
    let d = call(&e, "git", "git_reset", json!({}));
    assert_eq!(d.verdict, Verdict::Deny);
    assert_eq!(rules(&d), ["servers.git.tools.deny[\"git_reset\"]"]);
    assert!(d
        .contributions
        .iter()
        .any(|c| c.rule.as_str() == "cedar:permit-all"));
    // A forbid beats the permit; its @reason is the reason.
    let d = call(&e, "git", "git_push", json!({"branch": "main"}));
    assert_eq!(
        (d.verdict, rules(&d)),
        (Verdict::Deny, vec!["cedar:no-push-to-main"])
    );
    assert_eq!(d.reason, "pushing to main is forbidden");
    let d = call(&e, "git", "git_push", json!({"branch": "feature"}));
    assert_eq!(d.verdict, Verdict::Allow);
    // @verdict("approve") holds instead of denying; a remembered approval lifts it.
    let taint = vec!["private_data".to_string()];
    let args = json!({"url": "https://example.com"});
    let req = Request::call_tool("fetch", "fetch", Some(&args)).with_taint(&taint);
    let d = e.evaluate(&req);
    assert_eq!(
        (d.verdict, rules(&d)),
        (Verdict::Approve, vec!["cedar:tainted-no-fetch"])
    );
    assert_eq!(e.evaluate(&req.with_approved(true)).verdict, Verdict::Allow);
    // Findings.
    let findings = vec![FindingFact {
        rule: "poison.hidden_instructions".to_string(),
        severity: Severity::High,
    }];
    let d = e.evaluate(&Request::call_tool("git", "git_log", None).with_findings(&findings));
    assert_eq!(rules(&d), ["cedar:no-findings-high"]);
    // Principal and annotations.
    let d = e.evaluate(&Request::call_tool("git", "git_log", None).with_principal("intern"));
    assert_eq!(rules(&d), ["cedar:intern-readonly"]);
    let d = e.evaluate(
        &Request::call_tool("git", "git_log", None)
            .with_principal("intern")
            .with_annotations(ANN_RO),
    );
    assert_eq!(d.verdict, Verdict::Allow);
    // Normalised path facts: the TOML rule says approve, Cedar denies on the same fact.
    let d = call(&e, "fs", "read", json!({"path": "/srv/../etc/passwd"}));
    assert_eq!((d.verdict, rules(&d)), (Verdict::Deny, vec!["cedar:paths"]));
    assert!(d
        .contributions
        .iter()
        .any(|c| c.verdict == Verdict::Approve));
}

#[test]
fn cedar_listing_follows_calling() {
    let e = engine("", CEDAR);
    // An unconditional forbid on call_tool hides the tool.
    assert!(!e.visible("git", &json!({"name": "debug"})));
    // A forbid that depends on arguments does not.
    assert!(e.visible("git", &json!({"name": "git_push"})));
    // A listing-specific forbid.
    let e = engine(
        "",
        "forbid(principal, action == Action::\"list_tools\", resource) when { resource.name like \"secret_*\" };",
    );
    assert!(!e.visible("x", &json!({"name": "secret_tool"})));
    assert!(e.visible("x", &json!({"name": "public_tool"})));
}

#[test]
fn cedar_default_deny_needs_a_permit() {
    let cedar = r#"
permit(principal == Client::"claude", action in [Action::"call_tool", Action::"list_tools"], resource in Server::"git");
"#;
    let e = engine("[cedar]\ndefault = \"deny\"\n", cedar);
    let d = e.evaluate(&Request::call_tool("git", "git_log", None).with_principal("claude"));
    assert_eq!(
        (d.verdict, rules(&d)),
        (
            Verdict::Allow,
            vec!["defaults.unlisted_servers", "cedar:t.cedar:2"]
        )
    );
    let d = e.evaluate(&Request::call_tool("git", "git_log", None).with_principal("other"));
    assert_eq!(
        (d.verdict, rules(&d)),
        (Verdict::Deny, vec!["cedar.default"])
    );
    assert_eq!(
        e.evaluate(&Request::sample("git", None)).verdict,
        Verdict::Deny
    );
    let ok = Request::list_tool("git", "git_log").with_principal("claude");
    assert_eq!(e.evaluate(&ok).verdict, Verdict::Allow);
    assert!(
        !e.visible("git", &json!({"name": "git_log"})),
        "no principal, no permit"
    );
}

#[test]
fn cedar_requests_conform_to_the_schema() {
    let e = engine(
        "[[servers.fs.args]]\nargs = [\"path\"]\nroots = [\"/srv\"]\n",
        CEDAR,
    );
    let Some(cedar) = &e.cedar else {
        panic!("cedar layer expected")
    };
    let args = json!({"path": "/srv/a", "n": 3, "list": [1, "x"]});
    let findings = vec![FindingFact {
        rule: "r".to_string(),
        severity: Severity::Info,
    }];
    let taint = vec!["t".to_string()];
    let requests = [
        Request::call_tool("fs", "read", Some(&args)),
        Request::list_tool("fs", "read"),
        Request::read_resource("fs", "file:///srv/a"),
        Request::get_prompt("fs", "p", Some(&args)),
        Request::sample("fs", Some(u64::MAX)),
        Request::elicit("fs"),
    ];
    let normalized = Default::default();
    for req in requests {
        let req = req
            .with_findings(&findings)
            .with_taint(&taint)
            .with_principal("me");
        let facts = CedarFacts {
            request: &req,
            normalized: &normalized,
            paths: &[],
            paths_within_roots: true,
            url_hosts: &[],
        };
        let built = cedar.build(&facts, true);
        let built = built.unwrap_or_else(|e| panic!("{:?}: {e}", req.action));
        let request = cedar.request(&built, req.action.name());
        assert!(request.is_ok(), "{:?}: {:?}", req.action, request.err());
    }
}

#[test]
fn cedar_record_syntax_reaches_lean_context() {
    // Attributes no policy names are left out of the context; `context["taint"]` names one.
    let e = engine(
        "",
        "forbid(principal, action, resource) when { context[\"taint\"].contains(\"x\") };",
    );
    let taint = vec!["x".to_string()];
    let d = e.evaluate(&Request::call_tool("s", "t", None).with_taint(&taint));
    assert_eq!(d.verdict, Verdict::Deny);
    assert_eq!(
        e.evaluate(&Request::call_tool("s", "t", None)).verdict,
        Verdict::Allow
    );
}
