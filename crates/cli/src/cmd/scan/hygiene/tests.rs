//! Hygiene rules on entries written as clients write them.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::*;
use crate::clients::{custom, parse_file};
use crate::cmd::scan::launch::plan;

fn issues_in(dir: &Path, entry_json: &str) -> Vec<Issue> {
    let file = custom(&dir.join("c.json"));
    let entry = parse_file(
        &file,
        &format!(r#"{{"mcpServers": {{"s": {entry_json}}}}}"#),
    )
    .unwrap()
    .remove(0);
    let (p, _) = plan(&entry, Path::new("/nonexistent-home"));
    check(&entry, &p)
}

fn issues(entry_json: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    issues_in(dir.path(), entry_json)
        .into_iter()
        .map(|i| {
            format!(
                "{} {} {}",
                i.rule_id,
                i.field.unwrap_or_default(),
                i.evidence
            )
        })
        .collect()
}

#[test]
fn plaintext_secrets_in_env_headers_args_and_urls() {
    let got = issues(
        r#"{"command": "node", "args": ["--api-key=q8Zr2LmX9vTb4NcYw", "glpat-Zx9Qw8Er7Ty6Ui5Op4As"],
            "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4", "SAFE": "${TOKEN}", "DEBUG": "1"}}"#,
    );
    assert_eq!(
        got,
        [
            "hygiene.plaintext_secret env.GITHUB_PERSONAL_ACCESS_TOKEN ghp_… (40 chars)",
            "hygiene.plaintext_secret args[0] q8Zr… (17 chars)",
            "hygiene.plaintext_secret args[1] glpa… (26 chars)",
        ]
    );
    let got = issues(
        r#"{"url": "https://api.example/mcp?api_key=q8Zr2LmX9vTb4NcYw", "headers": {"Authorization": "Bearer q8Zr2LmX9vTb4NcYw", "X-Ref": "Bearer ${env:T}"}}"#,
    );
    assert_eq!(
        got,
        [
            "hygiene.plaintext_secret headers.Authorization Bearer q8Zr… (17 chars)",
            "hygiene.plaintext_secret url q8Zr… (17 chars)",
        ]
    );
}

#[test]
fn unpinned_package_runners() {
    let unpinned = |args: &str, cmd: &str| {
        issues(&format!(r#"{{"command": "{cmd}", "args": {args}}}"#))
            .into_iter()
            .filter(|i| i.starts_with("hygiene.unpinned_package"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        unpinned(
            r#"["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]"#,
            "npx"
        ),
        ["hygiene.unpinned_package args[1] @modelcontextprotocol/server-filesystem"]
    );
    assert_eq!(unpinned(r#"["mcp-server-time"]"#, "uvx").len(), 1);
    assert_eq!(
        unpinned(
            r#"["--from", "mcp-server-git>=1", "mcp-server-git"]"#,
            "uvx"
        )
        .len(),
        1
    );
    assert_eq!(
        unpinned(r#"["-y", "pkg@latest"]"#, "/usr/local/bin/npx").len(),
        1
    );
    assert_eq!(
        unpinned(r#"["tool", "run", "mcp-server-time"]"#, "uv").len(),
        1
    );
    assert_eq!(unpinned(r#"["run", "mcp-server-time"]"#, "pipx").len(), 1);
    assert_eq!(unpinned(r#"["dlx", "some-mcp"]"#, "pnpm").len(), 1);
    for (cmd, args) in [
        (
            "npx",
            r#"["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/tmp"]"#,
        ),
        (
            "npx",
            r#"["-y", "--package=mcp-remote@0.1.2", "mcp-remote", "https://x"]"#,
        ),
        ("npx", r#"["./local-server"]"#),
        ("uvx", r#"["mcp-server-time==2025.9.25"]"#),
        (
            "uvx",
            r#"["--python", "3.12", "mcp-server-time@2025.9.25"]"#,
        ),
        ("uvx", r#"["--from", "git+https://github.com/o/r", "srv"]"#),
        ("node", r#"["server.js"]"#),
        ("uv", r#"["run", "server.py"]"#),
    ] {
        assert_eq!(unpinned(args, cmd), Vec::<String>::new(), "{cmd} {args}");
    }
}

#[test]
fn world_writable_programs_scripts_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    let open = dir.path().join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::write(open.join("srv.py"), "").unwrap();
    let got = issues_in(
        dir.path(),
        r#"{"command": "python3", "args": ["open/srv.py"]}"#,
    );
    let ww: Vec<_> = got
        .iter()
        .filter(|i| i.rule_id == "hygiene.world_writable_path")
        .collect();
    assert_eq!(ww.len(), 1, "{got:?}");
    assert_eq!(ww[0].field.as_deref(), Some("args[0]"));
    assert!(ww[0].evidence.ends_with("/open"), "{}", ww[0].evidence);
    // a private directory is fine
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
    let got = issues_in(
        dir.path(),
        r#"{"command": "python3", "args": ["open/srv.py"]}"#,
    );
    assert!(
        got.iter()
            .all(|i| i.rule_id != "hygiene.world_writable_path"),
        "{got:?}"
    );
}

#[test]
fn plain_http_to_remote_hosts() {
    assert_eq!(
        issues(r#"{"url": "http://mcp.internal.example:8080/mcp?k=1"}"#),
        ["hygiene.insecure_transport url http://mcp.internal.example:8080/mcp"]
    );
    for url in [
        "http://127.0.0.1:3001/mcp",
        "http://localhost/mcp",
        "http://[::1]:9/mcp",
        "https://h/mcp",
    ] {
        assert!(
            issues(&format!(r#"{{"url": "{url}"}}"#)).is_empty(),
            "{url}"
        );
    }
    assert_eq!(
        redact_url("https://u:p@h.example/x?y=1"),
        "https://…@h.example/x"
    );
}
