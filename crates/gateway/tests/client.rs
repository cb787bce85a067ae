//! The MCP client against real servers: the npm and PyPI reference servers over stdio, the
//! everything server over Streamable HTTP, a command that does not exist, and a server that hangs.
//!
//! The reference servers are installed by `scripts/install-peers.sh` under `target/peers`. Without
//! them these tests skip with a message, except on CI (`CI=true`), where a missing peer fails.

use std::ffi::OsString;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use mcpguard_gateway::client::{
    list_http, list_stdio, ClientError, HttpTarget, ListOptions, StdioTarget,
};

fn peers() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/peers");
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

fn everything_js(peers: &std::path::Path) -> OsString {
    peers
        .join("node_modules/@modelcontextprotocol/server-everything/dist/index.js")
        .into()
}

fn opts(secs: u64) -> ListOptions {
    ListOptions {
        timeout: Duration::from_secs(secs),
        ..ListOptions::default()
    }
}

fn names(items: &[serde_json::Value]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|t| t.get("name").and_then(|n| n.as_str()))
        .collect()
}

#[test]
fn lists_the_everything_server_over_stdio() {
    let Some(peers) = peers() else { return };
    let target = StdioTarget {
        program: "node".into(),
        args: vec![everything_js(&peers), "stdio".into()],
        ..StdioTarget::default()
    };
    let inv = list_stdio(&target, &opts(30)).expect("everything lists");
    assert_eq!(inv.protocol_version, "2025-11-25");
    let tools = names(&inv.tools);
    assert!(tools.contains(&"echo"), "{tools:?}");
    assert!(!inv.prompts.is_empty());
    assert!(!inv.resources.is_empty());
    assert!(inv.notes.is_empty(), "{:?}", inv.notes);
    assert!(!inv.resource_templates.is_empty());
    assert!(inv.server_info.is_some());
}

#[test]
fn lists_the_time_server_with_env_and_cwd() {
    let Some(peers) = peers() else { return };
    let dir = tempfile::tempdir().unwrap();
    let target = StdioTarget {
        program: peers.join("venv/bin/mcp-server-time").into(),
        args: vec!["--local-timezone".into(), "UTC".into()],
        env: vec![("TZ".into(), "UTC".into())],
        cwd: Some(dir.path().to_owned()),
    };
    let inv = list_stdio(&target, &opts(30)).expect("time lists");
    assert_eq!(names(&inv.tools), ["get_current_time", "convert_time"]);
}

#[test]
fn lists_the_everything_server_over_streamable_http() {
    let Some(peers) = peers() else { return };
    let port = free_port();
    let mut server = HttpServer(
        Command::new("node")
            .arg(everything_js(&peers))
            .arg("streamableHttp")
            .env("PORT", port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts"),
    );
    wait_for_port(port, &mut server.0);
    let target = HttpTarget {
        url: format!("http://127.0.0.1:{port}/mcp"),
        headers: vec![("X-Test".into(), "1".into())],
    };
    let inv = list_http(&target, &opts(30)).expect("everything lists over HTTP");
    assert!(names(&inv.tools).contains(&"echo"));
    assert!(!inv.resources.is_empty() && !inv.resource_templates.is_empty());
    assert!(inv.notes.is_empty(), "{:?}", inv.notes);
}

#[test]
fn an_http_server_that_is_not_there_is_an_error() {
    let port = free_port();
    let target = HttpTarget {
        url: format!("http://127.0.0.1:{port}/mcp"),
        headers: Vec::new(),
    };
    let err = list_http(&target, &opts(5)).unwrap_err();
    assert!(matches!(err, ClientError::Http(_)), "{err}");
}

#[test]
fn a_missing_command_is_a_spawn_error() {
    let target = StdioTarget {
        program: "/nonexistent/mcp-server".into(),
        ..StdioTarget::default()
    };
    let err = list_stdio(&target, &opts(5)).unwrap_err();
    assert!(matches!(err, ClientError::Spawn { .. }), "{err}");
}

#[test]
fn a_server_that_exits_is_reported_with_its_status_and_stderr() {
    let target = StdioTarget {
        program: "sh".into(),
        args: vec!["-c".into(), "echo 'boom: no API key' >&2; exit 3".into()],
        ..StdioTarget::default()
    };
    let err = list_stdio(&target, &opts(5)).unwrap_err().to_string();
    assert!(err.contains("status 3"), "{err}");
    assert!(err.contains("boom: no API key"), "{err}");
}

#[test]
fn a_server_that_hangs_times_out_and_its_process_group_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let target = StdioTarget {
        program: "sh".into(),
        args: vec![
            "-c".into(),
            "sleep 60 & echo $! > \"$PIDFILE\"; wait".into(),
        ],
        env: vec![("PIDFILE".into(), pidfile.clone().into())],
        cwd: None,
    };
    let start = Instant::now();
    let err = list_stdio(&target, &opts(1)).unwrap_err();
    assert!(matches!(err, ClientError::Timeout { .. }), "{err}");
    assert!(start.elapsed() < Duration::from_secs(5));
    let pid: i32 = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // the grandchild (`sleep`) was killed with the group: gone, or a zombie waiting for init
    let gone = (0..100).any(|_| {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let alive = !state.is_empty() && !state.contains(") Z");
        if alive {
            thread::sleep(Duration::from_millis(20));
        }
        !alive
    });
    assert!(gone, "sleep {pid} survived the scan");
}

struct HttpServer(Child);

impl Drop for HttpServer {
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

fn wait_for_port(port: u16, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(st)) = child.try_wait() {
            panic!("the HTTP server exited: {st}");
        }
        thread::sleep(Duration::from_millis(50));
    }
    panic!("the HTTP server did not listen on {port}");
}
