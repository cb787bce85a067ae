//! `mcpguard policy check|explain` through the built binary: examples, errors with file:line,
//! decisions with their rules, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/policies")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mcpguard"))
        .arg("policy")
        .args(args)
        .output()
        .expect("run mcpguard")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_accepts_the_examples() {
    let config = examples().join("mcpguard.toml");
    let o = run(&["check", "--config", config.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("mcpguard.toml: 4 server table(s)"), "{out}");
    assert!(out.contains("mcpguard.cedar"), "{out}");
    assert!(out.contains("Cedar policies in force: 4"), "{out}");
}

#[test]
fn check_reports_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("mcpguard.toml");
    std::fs::write(
        &toml,
        "[servers.git.tools]\nallow = [\"a\"]\nblock = [\"b\"]\n",
    )
    .unwrap();
    let o = run(&["check", "--config", toml.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{}:3:1: unknown field `block`, expected one of `allow`, `approve`, `deny`, `default`",
            toml.display()
        )),
        "{err}"
    );

    let cedar = dir.path().join("p.cedar");
    std::fs::write(&cedar, "permit(principal, action, resource);\n\nforbid(principal, action == Action::\"call_tol\", resource);\n").unwrap();
    let o = run(&["check", "--cedar", cedar.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:3:", cedar.display())), "{err}");
    assert!(err.contains("call_tol"), "{err}");

    let o = run(&[
        "check",
        "--config",
        dir.path().join("missing.toml").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("missing.toml: cannot read"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn explain_shows_decision_and_rules() {
    let config = examples().join("mcpguard.toml");
    let config = config.to_str().unwrap();
    let o = run(&[
        "explain",
        "--config",
        config,
        "--server",
        "filesystem",
        "--tool",
        "read_file",
        "--args",
        r#"{"path":"../../etc/passwd"}"#,
        "--lexical",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("verdict: deny\n"), "{out}");
    assert!(
        out.contains("* deny    servers.filesystem.args[0].roots"),
        "{out}"
    );
    assert!(
        out.contains("  allow   servers.filesystem.tools.allow[\"read_file\"]"),
        "{out}"
    );

    let o = run(&[
        "explain",
        "--config",
        config,
        "--server",
        "filesystem",
        "--tool",
        "write_file",
        "--args",
        r#"{"path":"notes.md","content":"hi"}"#,
        "--lexical",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["action"], "call_tool");
    assert_eq!(v["decision"]["verdict"], "approve");
    assert_eq!(
        v["decision"]["rules"][0],
        "servers.filesystem.tools.approve[\"write_file\"]"
    );
    assert!(v["decision"]["contributions"].as_array().unwrap().len() >= 3);

    let o = run(&[
        "explain",
        "--config",
        config,
        "--server",
        "other",
        "--tool",
        "rm",
        "--annotations",
        r#"{"destructiveHint":true}"#,
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["decision"]["verdict"], "approve");
    assert_eq!(
        v["decision"]["rules"][0],
        "defaults.annotations.destructive"
    );

    let o = run(&[
        "explain", "--config", config, "--server", "git", "--tool", "git_push", "--list", "--json",
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["action"], "list_tools");
    assert_eq!(v["decision"]["verdict"], "deny");
}

#[test]
fn explain_rejects_bad_arguments() {
    let config = examples().join("mcpguard.toml");
    let o = run(&[
        "explain",
        "--config",
        config.to_str().unwrap(),
        "--server",
        "s",
        "--tool",
        "t",
        "--args",
        "not json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--args: not valid JSON"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn schema_subcommand_prints_the_committed_schema() {
    let o = run(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/mcpguard.schema.json"),
    )
    .unwrap();
    assert_eq!(stdout(&o), committed);
}
