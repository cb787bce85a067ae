//! `mcpguard scan` end to end, through the built binary: the shipped demo (honest and poisoned
//! example servers), real reference servers over stdio and Streamable HTTP, a server that cannot
//! start, one that hangs, discovery in a fake home, and the exit codes.
//!
//! The reference servers come from `scripts/install-peers.sh` (`target/peers`). Without them
//! those cases skip with a message, except on CI (`CI=true`), where a missing peer fails.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn peers() -> Option<PathBuf> {
    let dir = root().join("target/peers");
    let ok = dir.join("venv/bin/mcp-server-time").exists()
        && dir
            .join("node_modules/@modelcontextprotocol/server-everything")
            .exists();
    if ok {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "peers are missing under {}: run scripts/install-peers.sh",
            dir.display()
        );
    }
    eprintln!(
        "skipped: peers are missing under {} (run scripts/install-peers.sh)",
        dir.display()
    );
    None
}

fn scan(args: &[&str], cwd: &Path, home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mcpguard"))
        .arg("scan")
        .args(args)
        .current_dir(cwd)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("mcpguard runs")
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn server<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["servers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in the report"))
}

fn item<'a>(srv: &'a Value, name: &str) -> &'a Value {
    srv["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {}", srv["name"]))
}

fn write_config(dir: &Path, servers: Value) -> PathBuf {
    let path = dir.join("mcp.json");
    std::fs::write(&path, json!({ "mcpServers": servers }).to_string()).unwrap();
    path
}

fn example(script: &str) -> String {
    root()
        .join("examples/servers")
        .join(script)
        .display()
        .to_string()
}

#[test]
fn the_demo_config_blocks_the_poisoned_server_and_passes_the_honest_one() {
    let demo = root().join("examples/clients/demo.json");
    let tmp = tempfile::tempdir().unwrap();
    // run from elsewhere: the scripts resolve against the config file's directory
    let out = scan(
        &["--config", demo.to_str().unwrap(), "--format", "json"],
        tmp.path(),
        tmp.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json_of(&out);
    let honest = server(&r, "notes-and-mail");
    assert_eq!(honest["status"], "ok");
    assert_eq!(honest["verdict"], "pass", "{honest:#}");
    assert_eq!(honest["counts"]["tools"], 3);
    let poisoned = server(&r, "helpful-utils");
    assert_eq!(poisoned["verdict"], "block");
    for (tool, rule) in [
        ("add", "exfil.to_parameter"),
        ("daily_fact", "secrecy.conceal_from_user"),
        ("weather", "hidden.tag_characters"),
    ] {
        let it = item(poisoned, tool);
        assert_eq!(it["verdict"], "block", "{tool}: {it:#}");
        assert!(
            it["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule_id"] == rule),
            "{tool} lacks {rule}: {it:#}"
        );
    }
    assert_eq!(item(poisoned, "search_notes")["verdict"], "pass");
    let cross: Vec<_> = r["cross_server"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule_id"].as_str().unwrap())
        .collect();
    assert!(cross.contains(&"cross.name_collision"), "{cross:?}");
    assert!(cross.contains(&"cross.foreign_reference"), "{cross:?}");
    assert_eq!(r["summary"]["verdict"], "block");
    assert_eq!(r["summary"]["block"], 3);

    // the table says the same for people; SARIF for CI
    let out = scan(
        &["-q", "--config", demo.to_str().unwrap()],
        tmp.path(),
        tmp.path(),
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("BLOCK  helpful-utils › tool `add`"),
        "{table}"
    );
    assert!(table.contains("→ BLOCK"), "{table}");
    let out = scan(
        &["--config", demo.to_str().unwrap(), "--format", "sarif"],
        tmp.path(),
        tmp.path(),
    );
    let sarif = json_of(&out);
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["runs"][0]["results"].as_array().unwrap().len() >= 3);
}

#[test]
fn failing_and_hanging_servers_are_reported_not_fatal() {
    let tmp = tempfile::tempdir().unwrap();
    let config = write_config(
        tmp.path(),
        json!({
            "honest": {"command": "python3", "args": [example("honest_server.py")]},
            "missing": {"command": "/nonexistent/mcp-server"},
            "crashing": {"command": "sh", "args": ["-c", "echo 'fatal: no API key' >&2; exit 3"]},
            "hanging": {"command": "sh", "args": ["-c", "sleep 60"]},
            "off": {"command": "npx", "args": ["-y", "some-mcp-server"], "disabled": true,
                    "env": {"GITHUB_TOKEN": "ghp_aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4"}},
        }),
    );
    let start = Instant::now();
    let out = scan(
        &[
            "--config",
            config.to_str().unwrap(),
            "--format",
            "json",
            "--timeout",
            "2",
        ],
        tmp.path(),
        tmp.path(),
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    // nothing is blocked: exit 0 even with failures and hygiene warnings
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json_of(&out);
    assert_eq!(server(&r, "honest")["status"], "ok");
    let missing = server(&r, "missing");
    assert_eq!(missing["status"], "failed");
    assert!(
        missing["error"]
            .as_str()
            .unwrap()
            .contains("could not start"),
        "{missing:#}"
    );
    let crashing = server(&r, "crashing");
    assert!(
        crashing["error"]
            .as_str()
            .unwrap()
            .contains("fatal: no API key"),
        "{crashing:#}"
    );
    let hanging = server(&r, "hanging");
    assert!(
        hanging["error"]
            .as_str()
            .unwrap()
            .contains("no answer to `initialize`"),
        "{hanging:#}"
    );
    let off = server(&r, "off");
    assert_eq!(off["status"], "skipped");
    let hygiene: Vec<_> = off["hygiene"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        hygiene,
        ["hygiene.plaintext_secret", "hygiene.unpinned_package"]
    );
    assert!(
        !out.stdout.windows(10).any(|w| w == b"aB3dE5fG7h"),
        "the secret leaked"
    );
    assert_eq!(r["summary"]["servers_failed"], 3);
    assert_eq!(r["summary"]["verdict"], "warn");

    // --fail-on warn turns the hygiene warnings into exit 1
    let out = scan(
        &[
            "-q",
            "--config",
            config.to_str().unwrap(),
            "--timeout",
            "2",
            "--fail-on",
            "warn",
        ],
        tmp.path(),
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn real_reference_servers_over_stdio_and_streamable_http() {
    let Some(peers) = peers() else { return };
    let everything =
        peers.join("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    let port = free_port();
    let _http = Killed(
        Command::new("node")
            .arg(&everything)
            .arg("streamableHttp")
            .env("PORT", port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts"),
    );
    wait_for_port(port);
    let tmp = tempfile::tempdir().unwrap();
    let config = write_config(
        tmp.path(),
        json!({
            "everything": {"command": "node", "args": [everything.display().to_string(), "stdio"]},
            "time": {"command": peers.join("venv/bin/mcp-server-time").display().to_string(),
                     "args": ["--local-timezone", "UTC"]},
            "everything-http": {"type": "http", "url": format!("http://127.0.0.1:{port}/mcp")},
        }),
    );
    let out = scan(
        &["--config", config.to_str().unwrap(), "--format", "json"],
        tmp.path(),
        tmp.path(),
    );
    let r = json_of(&out);
    for name in ["everything", "time", "everything-http"] {
        let s = server(&r, name);
        assert_eq!(s["status"], "ok", "{s:#}");
        assert!(s["counts"]["tools"].as_u64().unwrap() >= 2, "{s:#}");
    }
    assert_eq!(server(&r, "everything-http")["transport"], "http");
    assert_eq!(server(&r, "time")["protocol_version"], "2025-11-25");
    // the same server over two transports collides with itself by name: reported, not blocked
    assert!(r["cross_server"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["rule_id"] == "cross.name_collision"));
    let status = out.status.code();
    assert!(status == Some(0) || status == Some(1), "{status:?}");
}

#[test]
fn discovery_finds_workspace_files_in_a_fake_home() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let project = tmp.path().join("project");
    std::fs::create_dir_all(project.join(".vscode")).unwrap();
    std::fs::create_dir_all(home.join(".cursor")).unwrap();
    std::fs::write(
        project.join(".vscode/mcp.json"),
        format!(
            "{{\n  // the honest example\n  \"servers\": {{\n    \"notes\": {{\"type\": \"stdio\", \"command\": \"python3\", \"args\": [\"{}\"],}},\n  }},\n}}\n",
            example("honest_server.py")
        ),
    )
    .unwrap();
    std::fs::write(home.join(".cursor/mcp.json"), "{ not json").unwrap();
    let out = scan(&["--format", "json"], &project, &home);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json_of(&out);
    let notes = server(&r, "notes");
    assert_eq!(notes["client"], "vscode");
    assert_eq!(notes["pointer"], "/servers/notes");
    assert_eq!(notes["status"], "ok");
    let configs = r["configs"].as_array().unwrap();
    let cursor = configs.iter().find(|c| c["client"] == "cursor").unwrap();
    assert_eq!(cursor["status"], "error");

    // an empty home: nothing found, exit 0
    let empty = tempfile::tempdir().unwrap();
    let out = scan(&["-q"], empty.path(), empty.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No MCP client configuration found"));
}

#[test]
fn a_missing_or_broken_config_file_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = scan(&["--config", "nope.json"], tmp.path(), tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.json"));
    std::fs::write(tmp.path().join("bad.json"), "{").unwrap();
    let out = scan(&["--config", "bad.json"], tmp.path(), tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid JSON"));
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the HTTP server did not listen on {port}");
}
