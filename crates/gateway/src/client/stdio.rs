//! The stdio transport of the client: a server launched for one listing, then always killed.
//!
//! The server runs in its own process group (`npx`, `uvx` and shells start grandchildren), its
//! stdout is read by a thread into a channel so every wait has a deadline, and its stderr is kept
//! as a bounded tail to explain a failed start. Whatever happens, [`StdioRpc`]'s `Drop` closes
//! stdin, signals the whole group (TERM, then KILL) and reaps the server: a scan never leaves a
//! process behind.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use mcpguard_proto::{LineReader, ReadLine};
use serde_json::{json, Map, Value};

use super::error::ClientError;
use super::rpc::{self, Rpc};

/// How to launch a stdio server.
#[derive(Debug, Clone, Default)]
pub struct StdioTarget {
    /// The program (a name looked up in `PATH`, or a path).
    pub program: OsString,
    pub args: Vec<OsString>,
    /// Added to (or overriding) the inherited environment.
    pub env: Vec<(OsString, OsString)>,
    /// The working directory; `None` keeps ours.
    pub cwd: Option<PathBuf>,
}

/// Bytes of the server's stderr kept for error messages.
const STDERR_TAIL: usize = 2048;

/// What the stdout thread hands over.
enum Line {
    Json(Map<String, Value>),
    /// Not a JSON object (a log line on stdout, an oversized frame): skipped, counted.
    Junk,
    Eof,
}

/// A running server and the channel of its stdout.
pub(crate) struct StdioRpc {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<Line>,
    stderr: Arc<Mutex<Vec<u8>>>,
    next_id: u64,
    eof: bool,
}

impl StdioRpc {
    pub fn spawn(target: &StdioTarget, max_message_bytes: usize) -> Result<StdioRpc, ClientError> {
        let mut cmd = Command::new(&target.program);
        cmd.args(&target.args)
            .envs(target.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        if let Some(dir) = &target.cwd {
            cmd.current_dir(dir);
        }
        #[cfg(target_os = "linux")]
        // SAFETY: prctl is async-signal-safe; the closure touches no memory of the parent.
        unsafe {
            cmd.pre_exec(|| {
                // If mcpguard dies without cleaning up, the server is terminated too.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let mut child = cmd.spawn().map_err(|source| ClientError::Spawn {
            command: display_command(target),
            source,
        })?;
        let stdin = child.stdin.take();
        let (tx, lines) = mpsc::channel();
        if let Some(out) = child.stdout.take() {
            thread::spawn(move || {
                let mut reader = LineReader::new(out, max_message_bytes);
                loop {
                    let line = match reader.next_line() {
                        Ok(ReadLine::Line(l)) => match serde_json::from_slice::<Value>(l) {
                            Ok(Value::Object(m)) => Line::Json(m),
                            _ => Line::Junk,
                        },
                        Ok(ReadLine::TooLong { .. }) => Line::Junk,
                        Ok(ReadLine::Eof) | Err(_) => Line::Eof,
                    };
                    let end = matches!(line, Line::Eof);
                    if tx.send(line).is_err() || end {
                        return;
                    }
                }
            });
        }
        let stderr = Arc::new(Mutex::new(Vec::new()));
        if let Some(mut err) = child.stderr.take() {
            let tail = Arc::clone(&stderr);
            thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = err.read(&mut buf) {
                    if n == 0 {
                        return;
                    }
                    let mut t = tail.lock().unwrap_or_else(|p| p.into_inner());
                    t.extend_from_slice(&buf[..n]);
                    let excess = t.len().saturating_sub(STDERR_TAIL);
                    t.drain(..excess);
                }
            });
        }
        Ok(StdioRpc {
            child,
            stdin,
            lines,
            stderr,
            next_id: 0,
            eof: false,
        })
    }

    fn stderr_tail(&self) -> String {
        let t = self.stderr.lock().unwrap_or_else(|p| p.into_inner());
        String::from_utf8_lossy(&t)
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn write(&mut self, method: &str, frame: String) -> Result<(), ClientError> {
        let ok = match self.stdin.as_mut() {
            Some(w) => w
                .write_all(frame.as_bytes())
                .and_then(|()| w.write_all(b"\n"))
                .and_then(|()| w.flush())
                .is_ok(),
            None => false,
        };
        if ok {
            Ok(())
        } else {
            Err(self.closed(method))
        }
    }

    fn closed(&mut self, method: &str) -> ClientError {
        // Give the stderr thread and the exit a moment, so the message can say why.
        let status = wait_for(&mut self.child, Duration::from_millis(300)).map(describe);
        thread::sleep(Duration::from_millis(20));
        ClientError::Closed {
            method: method.to_owned(),
            status,
            stderr: self.stderr_tail(),
        }
    }

    /// Answers a request the server sent us: `ping` with `{}`, anything else with -32601
    /// (we announce no client capabilities, so a conforming server asks for nothing else).
    fn answer_server_request(&mut self, msg: &Map<String, Value>) {
        let (Some(id), Some(method)) = (msg.get("id"), msg.get("method").and_then(Value::as_str))
        else {
            return;
        };
        let reply = if method == "ping" {
            json!({"jsonrpc": "2.0", "id": id, "result": {}})
        } else {
            json!({"jsonrpc": "2.0", "id": id,
                   "error": {"code": -32601, "message": "mcpguard scan does not support this request"}})
        };
        let _ = self.write(method, reply.to_string());
    }
}

impl Rpc for StdioRpc {
    fn request(
        &mut self,
        method: &str,
        params: Value,
        deadline: Instant,
    ) -> Result<Value, ClientError> {
        self.next_id += 1;
        let id = self.next_id;
        self.write(method, rpc::request_frame(id, method, &params))?;
        loop {
            if self.eof {
                return Err(self.closed(method));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(Line::Json(msg)) if rpc::is_response_to(&msg, id) => {
                    return rpc::into_result(method, &msg)
                }
                Ok(Line::Json(msg)) => {
                    if msg.contains_key("method") && msg.contains_key("id") {
                        self.answer_server_request(&msg);
                    }
                }
                Ok(Line::Junk) => {}
                Ok(Line::Eof) | Err(RecvTimeoutError::Disconnected) => self.eof = true,
                Err(RecvTimeoutError::Timeout) => {
                    return Err(ClientError::Timeout {
                        method: method.to_owned(),
                        after: left,
                        stderr: self.stderr_tail(),
                    })
                }
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value, _: Instant) -> Result<(), ClientError> {
        self.write(method, rpc::notification_frame(method, &params))
    }
}

impl Drop for StdioRpc {
    /// The MCP stdio shutdown sequence, bounded: close stdin, wait, TERM the group, wait, KILL.
    fn drop(&mut self) {
        drop(self.stdin.take());
        let pgid = self.child.id() as libc::pid_t;
        if wait_for(&mut self.child, Duration::from_millis(200)).is_none() {
            // SAFETY: killpg has no memory-safety preconditions.
            unsafe { libc::killpg(pgid, libc::SIGTERM) };
            if wait_for(&mut self.child, Duration::from_millis(500)).is_none() {
                // SAFETY: as above.
                unsafe { libc::killpg(pgid, libc::SIGKILL) };
                let _ = self.child.wait();
            }
        }
        // Grandchildren left in the group after the server exited go too (ESRCH is fine).
        // SAFETY: as above.
        unsafe { libc::killpg(pgid, libc::SIGKILL) };
    }
}

fn wait_for(child: &mut Child, max: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + max;
    loop {
        match child.try_wait() {
            Ok(Some(st)) => return Some(st),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
            _ => return None,
        }
    }
}

fn describe(st: ExitStatus) -> String {
    match (st.code(), st.signal()) {
        (Some(code), _) => format!("exited with status {code}"),
        (None, Some(sig)) => format!("killed by signal {sig}"),
        _ => "ended".to_owned(),
    }
}

/// `program arg arg…`, for messages.
pub fn display_command(t: &StdioTarget) -> String {
    std::iter::once(&t.program)
        .chain(&t.args)
        .map(|a| a.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}
