//! Cedar loading: syntax and schema errors with file:line, ids, annotations.

use super::{CedarPolicies, CedarSource};
use crate::decision::Verdict;
use crate::error::PolicyError;

fn src(file: &str, text: &str) -> CedarSource {
    CedarSource {
        file: file.to_string(),
        text: text.to_string(),
    }
}

fn load_error(text: &str) -> (usize, String) {
    match CedarPolicies::compile(&[src("p.cedar", text)], Verdict::Allow) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(PolicyError::Cedar {
            file,
            line,
            message,
            ..
        }) => {
            assert_eq!(file, "p.cedar");
            (line, message)
        }
        Err(other) => panic!("unexpected error {other}"),
    }
}

#[test]
fn errors_carry_file_and_line() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "permit(principal, action, resource);\n\nforbid(principal, action == Action::\"call_tool\", resource)\n  when { context.tainted };\n",
            4,
            "tainted",
        ),
        (
            "// comment\npermit(principal, action == Action::\"call_tol\", resource);\n",
            2,
            "call_tol",
        ),
        ("permit(principal, action, resource)\n", 1, "unexpected end of input"),
        (
            "permit(principal, action, resource);\nforbid(principal, action, resource) when { context.args.getTag(\"x\") == \"y\" };\n",
            2,
            "hasTag",
        ),
        (
            "@verdict(\"approve\")\npermit(principal, action, resource);\n",
            1,
            "allowed on `forbid` policies only",
        ),
        (
            "@id(\"a\")\nforbid(principal, action, resource);\n@id(\"a\")\nforbid(principal, action, resource);\n",
            3,
            "duplicate policy id `a`",
        ),
        (
            "permit(principal == ?principal, action, resource);\n",
            1,
            "templates",
        ),
    ];
    for (text, line, fragment) in cases {
        let (got_line, message) = load_error(text);
        assert!(message.contains(fragment), "{text:?}: {message}");
        assert_eq!(got_line, *line, "{text:?}: {message}");
    }
}

#[test]
fn ids_come_from_annotation_or_file_and_line() {
    let text = "@id(\"no-push\")\nforbid(principal, action, resource == Tool::\"git/git_push\");\n\npermit(principal, action, resource);\n";
    let policies = CedarPolicies::compile(&[src("p.cedar", text)], Verdict::Allow)
        .unwrap()
        .unwrap();
    let mut rules: Vec<String> = policies.meta.values().map(|m| m.rule.0.clone()).collect();
    rules.sort();
    assert_eq!(rules, ["cedar:no-push", "cedar:p.cedar:4"]);
}

#[test]
fn no_policies_and_default_allow_is_no_layer() {
    assert!(CedarPolicies::compile(&[], Verdict::Allow)
        .unwrap()
        .is_none());
    assert!(CedarPolicies::compile(&[], Verdict::Deny)
        .unwrap()
        .is_some());
}

#[test]
fn schema_loads() {
    super::schema().unwrap();
}
