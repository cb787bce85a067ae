//! `mcpguard install`, `uninstall` and `status` through the built binary, in a fake home: the
//! confirmation rules (no terminal without `--yes` writes nothing), `--dry-run`, exit codes, the
//! absolute binary path in the entries, `status --json`, and a round trip back to the same bytes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const DESKTOP: &str = "{\n  \"mcpServers\": {\n    \"time\": {\n      \"command\": \"uvx\",\n      \"args\": [\"mcp-server-time\"],\n      \"env\": {\"TZ\": \"UTC\"}\n    },\n    \"notes\": {\"url\": \"https://notes.example/mcp\"}\n  }\n}\n";

struct Fake {
    _dir: tempfile::TempDir,
    home: PathBuf,
    data: PathBuf,
    desktop: PathBuf,
}

fn fake() -> Fake {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let desktop = home.join(".config/Claude/claude_desktop_config.json");
    fs::create_dir_all(desktop.parent().unwrap()).unwrap();
    fs::write(&desktop, DESKTOP).unwrap();
    fs::create_dir_all(dir.path().join("proj")).unwrap();
    Fake {
        data: dir.path().join("data"),
        home,
        desktop,
        _dir: dir,
    }
}

/// Runs mcpguard with stdin not a terminal, in the fake home, from an empty project directory.
fn run(f: &Fake, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mcpguard"))
        .args(args)
        .arg("--data-dir")
        .arg(&f.data)
        .current_dir(f.home.parent().unwrap().join("proj"))
        .env("HOME", &f.home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("MCPGUARD_HOME")
        .stdin(Stdio::null())
        .output()
        .expect("mcpguard runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn without_a_terminal_and_without_yes_nothing_is_written() {
    let f = fake();
    let o = run(&f, &["install"]);
    assert_eq!(code(&o), 2, "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("--yes to apply"),
        "{}",
        text(&o.stderr)
    );
    assert!(
        text(&o.stdout).contains("+      \"command\": \""),
        "the plan is shown"
    );
    assert_eq!(fs::read_to_string(&f.desktop).unwrap(), DESKTOP);

    let o = run(&f, &["install", "--dry-run"]);
    assert_eq!(code(&o), 0);
    assert!(text(&o.stdout).contains("Dry run: nothing written."));
    assert_eq!(fs::read_to_string(&f.desktop).unwrap(), DESKTOP);
    assert!(!f.data.join("install/state.json").exists());
}

#[test]
fn install_status_uninstall_round_trip() {
    let f = fake();
    let o = run(&f, &["install", "--yes"]);
    assert_eq!(code(&o), 0, "{}{}", text(&o.stdout), text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("wrap             time"), "{out}");
    assert!(out.contains("not wrapped yet  notes"), "{out}");
    let v: Value = serde_json::from_str(&fs::read_to_string(&f.desktop).unwrap()).unwrap();
    let entry = &v["mcpServers"]["time"];
    let bin = entry["command"].as_str().unwrap();
    assert!(
        Path::new(bin).is_absolute() && Path::new(bin).exists(),
        "{bin}"
    );
    let data = f.data.to_str().unwrap();
    assert_eq!(
        entry["args"],
        serde_json::json!([
            "wrap",
            "--name",
            "claude-desktop/time",
            "--data-dir",
            data,
            "--",
            "uvx",
            "mcp-server-time"
        ])
    );
    assert_eq!(entry["env"]["TZ"], "UTC");

    let o = run(&f, &["install", "--yes"]);
    assert_eq!(code(&o), 0);
    assert!(text(&o.stdout).contains("Nothing to wrap."));

    let o = run(&f, &["status", "--json"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    let by_name = |n: &str| {
        s["servers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == n)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_name("time")["wrapped"], true);
    assert_eq!(by_name("time")["by"], "install");
    assert_eq!(by_name("notes")["state"], "remote");
    assert_eq!(s["summary"]["wrapped"], 1);
    let o = run(&f, &["status"]);
    assert!(text(&o.stdout).contains("Summary: 1 of 2 server(s) wrapped"));

    let o = run(&f, &["uninstall"]);
    assert_eq!(code(&o), 2, "no terminal, no --yes");
    let o = run(&f, &["uninstall", "--yes"]);
    assert_eq!(code(&o), 0, "{}{}", text(&o.stdout), text(&o.stderr));
    assert_eq!(fs::read_to_string(&f.desktop).unwrap(), DESKTOP);
    let o = run(&f, &["uninstall", "--yes"]);
    assert!(text(&o.stdout).contains("Nothing recorded to uninstall"));
}

#[test]
fn bad_input_exits_2_and_touches_nothing() {
    let f = fake();
    let broken = f.home.join("broken.json");
    fs::write(&broken, "{\"mcpServers\": {").unwrap();
    let b = broken.to_str().unwrap();
    let o = run(&f, &["install", "--yes", "--config", b]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stdout).contains("refused"), "{}", text(&o.stdout));
    assert_eq!(fs::read_to_string(&broken).unwrap(), "{\"mcpServers\": {");
    // a broken discovered file does not stop the others, but the exit code says so
    let gemini = f.home.join(".gemini/settings.json");
    fs::create_dir_all(gemini.parent().unwrap()).unwrap();
    fs::write(&gemini, "{\"mcpServers\": [").unwrap();
    let o = run(&f, &["install", "--yes"]);
    assert_eq!(code(&o), 2);
    assert_ne!(fs::read_to_string(&f.desktop).unwrap(), DESKTOP);
    assert_eq!(fs::read_to_string(&gemini).unwrap(), "{\"mcpServers\": [");

    let o = run(&f, &["install", "--yes", "--config", "/no/such/file.json"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("no such file"));
    let o = run(&f, &["install", "--client", "notepad"]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("unknown client"));
}
