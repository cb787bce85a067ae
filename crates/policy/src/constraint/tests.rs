//! Argument constraints, one table per kind, through the compiled rule.

use serde_json::{json, Value};

use super::{ArgFacts, CompiledArgRule};
use crate::config::PolicyFile;
use crate::decision::{Contribution, Verdict};
use crate::path::LexicalResolver;

/// Compile the first arg rule of server `s` in `toml`.
fn rule(toml: &str) -> CompiledArgRule {
    let file = PolicyFile::parse("t.toml", toml).unwrap();
    CompiledArgRule::new("servers.s", 0, &file.servers["s"].args[0], &LexicalResolver)
}

fn run(rule: &CompiledArgRule, args: &Value) -> (Vec<Contribution>, ArgFacts) {
    let mut out = Vec::new();
    let mut facts = ArgFacts::new();
    rule.check("t", args, &LexicalResolver, &mut out, &mut facts);
    (out, facts)
}

/// (arguments, expected violation rule suffix or "" for pass)
fn table(toml: &str, cases: &[(Value, &str)]) {
    let r = rule(toml);
    for (args, want) in cases {
        let (out, _) = run(&r, args);
        let denied: Vec<&str> = out
            .iter()
            .filter(|c| c.verdict != Verdict::Allow)
            .map(|c| c.rule.as_str())
            .collect();
        if want.is_empty() {
            assert!(denied.is_empty(), "{args}: {out:?}");
        } else {
            assert!(
                denied.iter().any(|r| r.ends_with(want)),
                "{args}: want {want}, got {out:?}"
            );
        }
    }
}

#[test]
fn roots() {
    table(
        "[[servers.s.args]]\nargs = [\"path\", \"paths\", \"/opts/*/file\"]\nroots = [\"/srv/p\"]\nrelative_to = \"/srv/p\"\n",
        &[
            (json!({"path": "/srv/p/a"}), ""),
            (json!({"path": "a/b.txt"}), ""),
            (json!({"path": "../../etc/passwd"}), ".roots"),
            (json!({"path": "/etc/passwd"}), ".roots"),
            (json!({"path": "/srv/p/../q"}), ".roots"),
            (json!({"path": 7}), ".roots"),
            (json!({"paths": ["/srv/p/a", "/srv/p/b"]}), ""),
            (json!({"paths": ["/srv/p/a", "/tmp/b"]}), ".roots"),
            (json!({"opts": [{"file": "/srv/p/x"}, {"file": "/root/.ssh/id_rsa"}]}), ".roots"),
            (json!({"other": "/etc/passwd"}), ""),
            (json!({}), ""),
        ],
    );
}

#[test]
fn hosts_and_schemes() {
    table(
        "[[servers.s.args]]\nargs = [\"url\"]\nhosts.allow = [\"example.com\", \"*.docs.rs\"]\nhosts.deny = [\"evil.docs.rs\"]\n",
        &[
            (json!({"url": "https://example.com/x"}), ""),
            (json!({"url": "https://api.docs.rs/"}), ""),
            (json!({"url": "https://evil.docs.rs/"}), ".hosts"),
            (json!({"url": "http://example.com@evil.com/"}), ".hosts"),
            (json!({"url": "http://evil.com#@example.com"}), ".hosts"),
            (json!({"url": "gopher://example.com/"}), ".hosts"),
            (json!({"url": "not a url"}), ".hosts"),
            (json!({"url": ["https://example.com/"]}), ""),
        ],
    );
    table(
        "[[servers.s.args]]\nargs = [\"uri\"]\nschemes = [\"HTTPS\"]\n",
        &[
            (json!({"uri": "https://anything.example/"}), ""),
            (json!({"uri": "http://anything.example/"}), ".schemes"),
            (json!({"uri": "javascript:alert(1)"}), ".schemes"),
        ],
    );
}

#[test]
fn patterns_and_lengths() {
    table(
        "[[servers.s.args]]\nargs = [\"branch\"]\npattern = \"[a-z0-9/_-]+\"\nforbid_pattern = \"(?i)^main$|--\"\nmax_length = 12\n",
        &[
            (json!({"branch": "feature/x"}), ""),
            (json!({"branch": "Feature"}), ".pattern"),
            (json!({"branch": "ok\nrm -rf"}), ".pattern"),
            (json!({"branch": "main"}), ".forbid_pattern"),
            (json!({"branch": "x--force"}), ".forbid_pattern"),
            (json!({"branch": "abcdefghijklm"}), ".max_length"),
            (json!({"branch": "ééééééééééé"}), ".pattern"),
        ],
    );
    // Lengths count characters, not bytes.
    table(
        "[[servers.s.args]]\nargs = [\"t\"]\nmax_length = 3\n",
        &[
            (json!({"t": "äöü"}), ""),
            (json!({"t": "äöüx"}), ".max_length"),
            (json!({"t": [1, 2]}), ""),
            (json!({"t": {"k": "long value"}}), ".max_length"),
        ],
    );
}

#[test]
fn numeric_ranges() {
    table(
        "[[servers.s.args]]\nargs = [\"n\", \"/limits/max\"]\nmin = 1\nmax = 100\n",
        &[
            (json!({"n": 1}), ""),
            (json!({"n": 100}), ""),
            (json!({"n": 50.5}), ""),
            (json!({"n": 0}), ".range"),
            (json!({"n": 101}), ".range"),
            (json!({"n": -1e300}), ".range"),
            (json!({"n": "50"}), ".range"),
            (json!({"limits": {"max": 1000}}), ".range"),
        ],
    );
}

#[test]
fn required_and_on_violation() {
    let r = rule(
        "[[servers.s.args]]\nargs = [\"path\"]\nrequired = true\nroots = [\"/srv\"]\non_violation = \"approve\"\n",
    );
    let (out, _) = run(&r, &json!({}));
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].rule.as_str(), "servers.s.args[0].required");
    assert_eq!(out[0].verdict, Verdict::Approve);
    let (out, _) = run(&r, &json!({"path": "/etc"}));
    assert_eq!(out[0].verdict, Verdict::Approve);
    assert!(
        out[0].reason.contains("t: argument `path`"),
        "{}",
        out[0].reason
    );
    let (out, _) = run(&r, &json!({"path": "/srv/x"}));
    assert_eq!(out[0].verdict, Verdict::Allow);
    assert_eq!(out[0].rule.as_str(), "servers.s.args[0]");
}

#[test]
fn facts_for_cedar() {
    let r = rule(
        "[[servers.s.args]]\nargs = [\"path\", \"url\"]\nroots = [\"/srv\"]\nrelative_to = \"/srv\"\n",
    );
    let (_, facts) = run(&r, &json!({"path": "a/./b//c"}));
    assert_eq!(facts.paths, ["/srv/a/b/c"]);
    assert!(facts.paths_within_roots);
    assert_eq!(facts.normalized["path"], "/srv/a/b/c");
    let (_, facts) = run(&r, &json!({"path": "../etc/shadow"}));
    assert!(!facts.paths_within_roots);

    let r = rule("[[servers.s.args]]\nargs = [\"url\"]\nhosts.deny = [\"localhost\"]\n");
    let (_, facts) = run(&r, &json!({"url": "https://WWW.Example.com./a"}));
    assert_eq!(facts.url_hosts, ["www.example.com"]);
    assert_eq!(facts.normalized["url"], "https://www.example.com./a");
}
