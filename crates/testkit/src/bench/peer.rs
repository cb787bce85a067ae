//! One spawned MCP server process (direct, behind a relay, or behind the gateway) seen as a client.

use std::ffi::OsString;
use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::wire;

/// Every process spawned by this harness, so that a watchdog can kill them if a peer hangs.
static SPAWNED: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// SIGKILLs every process the harness spawned (the watchdog's last resort).
pub fn kill_spawned() {
    let pids = SPAWNED.lock().unwrap_or_else(|p| p.into_inner());
    for &pid in pids.iter() {
        if let Ok(pid) = libc::pid_t::try_from(pid) {
            // SAFETY: kill(2) has no memory effects; a stale pid at worst misses.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }
}

/// The protocol version the harness asks for.
pub const PROTOCOL_VERSION: &str = "2025-11-25";

pub struct Peer {
    pub name: String,
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    line: Vec<u8>,
    next_id: u64,
    /// Per result size: the response's length less the digits of its id, learnt when validated.
    expected_len: Vec<(usize, usize)>,
    /// The process's scheduler counters at its previous call.
    last_sched: Option<Sched>,
}

/// Scheduler counters of a process, summed over its threads (`/proc/<pid>/task/*/schedstat`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sched {
    /// Time on a CPU, in ns.
    pub cpu_ns: u64,
    /// Time runnable but waiting for a CPU, in ns: the machine's load, not the process's cost.
    pub wait_ns: u64,
}

/// One timed call.
#[derive(Debug, Clone, Copy)]
pub struct Timed {
    pub wall: Duration,
    /// What the spawned process spent since its previous call (`None` without schedstat).
    pub sched: Option<Sched>,
}

/// Reads the scheduler counters of every thread of `pid`.
pub fn sched_of(pid: u32) -> Option<Sched> {
    let mut total = Sched::default();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let Ok(text) = std::fs::read_to_string(task.ok()?.path().join("schedstat")) else {
            continue; // a thread that just exited
        };
        let mut fields = text.split_whitespace().map(str::parse::<u64>);
        total.cpu_ns += fields.next()?.ok()?;
        total.wait_ns += fields.next()?.ok()?;
    }
    Some(total)
}

fn digits(mut n: u64) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

impl Peer {
    pub fn spawn(name: &str, command: &[OsString]) -> Result<Peer, String> {
        let (program, args) = command
            .split_first()
            .ok_or_else(|| format!("{name}: empty command"))?;
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("{name}: cannot start {}: {e}", program.to_string_lossy()))?;
        SPAWNED
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(child.id());
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout is piped");
        Ok(Peer {
            name: name.to_owned(),
            child,
            stdin,
            stdout: BufReader::with_capacity(64 * 1024, stdout),
            line: Vec::new(),
            next_id: 0,
            expected_len: Vec::new(),
            last_sched: None,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn send(&mut self, bytes: &[u8]) -> Result<(), String> {
        let w = self.stdin.as_mut().ok_or("stdin already closed")?;
        wire::write_line(w, &[bytes]).map_err(|e| format!("{}: write failed: {e}", self.name))
    }

    fn receive(&mut self) -> Result<(), String> {
        match wire::read_line(&mut self.stdout, &mut self.line) {
            Ok(true) => Ok(()),
            Ok(false) => Err(format!("{}: the process closed its output", self.name)),
            Err(e) => Err(format!("{}: read failed: {e}", self.name)),
        }
    }

    /// A request whose response is parsed and checked (not timed).
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let msg = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        self.send(msg.to_string().as_bytes())?;
        self.receive()?;
        let resp: Value = serde_json::from_slice(&self.line)
            .map_err(|e| format!("{}: {method}: the response is not JSON: {e}", self.name))?;
        if resp["id"] != json!(id) {
            return Err(format!(
                "{}: {method}: expected id {id}, got {}",
                self.name, resp["id"]
            ));
        }
        match resp.get("result") {
            Some(r) => Ok(r.clone()),
            None => Err(format!("{}: {method} failed: {}", self.name, resp["error"])),
        }
    }

    /// `initialize`, `notifications/initialized`, and a `tools/list` that must name `blob`.
    pub fn handshake(&mut self) -> Result<(), String> {
        let init = self.request(
            "initialize",
            json!({ "protocolVersion": PROTOCOL_VERSION, "capabilities": {},
                    "clientInfo": { "name": "mcp-bench", "version": env!("CARGO_PKG_VERSION") } }),
        )?;
        if init["protocolVersion"] != PROTOCOL_VERSION {
            return Err(format!(
                "{}: unexpected initialize result {init}",
                self.name
            ));
        }
        self.send(br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)?;
        let list = self.request("tools/list", json!({}))?;
        let has_blob = list["tools"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t["name"] == "blob"));
        if !has_blob {
            return Err(format!(
                "{}: the server has no `blob` tool: {list}",
                self.name
            ));
        }
        Ok(())
    }

    /// A warm-up call: the result is parsed and its text checked to be exactly `size` bytes; the
    /// response's shape is remembered so that timed calls can be checked cheaply.
    pub fn validated_blob(&mut self, size: usize) -> Result<(), String> {
        let r = self.request(
            "tools/call",
            json!({ "name": "blob", "arguments": { "bytes": size } }),
        )?;
        let len = r["content"][0]["text"].as_str().map(str::len);
        if len != Some(size) {
            return Err(format!(
                "{}: blob({size}) returned {len:?} bytes of text",
                self.name
            ));
        }
        let base = self.line.len() - digits(self.next_id);
        match self.expected_len.iter().find(|(s, _)| *s == size) {
            Some(&(_, known)) if known != base => Err(format!(
                "{}: blob({size}) responses vary in length",
                self.name
            )),
            Some(_) => {
                self.last_sched = sched_of(self.pid());
                Ok(())
            }
            None => {
                self.expected_len.push((size, base));
                self.last_sched = sched_of(self.pid());
                Ok(())
            }
        }
    }

    /// A timed `tools/call` of `blob(size)`: from the first byte written to the last byte read.
    /// Checked by length and id only, so that checking costs nothing next to what is measured.
    pub fn timed_blob(&mut self, size: usize) -> Result<Timed, String> {
        let base = self
            .expected_len
            .iter()
            .find(|(s, _)| *s == size)
            .map(|&(_, b)| b)
            .ok_or_else(|| format!("{}: blob({size}) was not warmed up", self.name))?;
        self.next_id += 1;
        let id = self.next_id;
        let msg = format!(
            r#"{{"jsonrpc":"2.0","id":{id},"method":"tools/call","params":{{"name":"blob","arguments":{{"bytes":{size}}}}}}}"#
        );
        let start = Instant::now();
        self.send(msg.as_bytes())?;
        self.receive()?;
        let took = start.elapsed();
        let id_text = format!("\"id\":{id}");
        let head = &self.line[..self.line.len().min(64)];
        let has_id = head.windows(id_text.len()).any(|w| w == id_text.as_bytes());
        if self.line.len() != base + digits(id) || !has_id {
            return Err(format!(
                "{}: blob({size}) call {id}: unexpected response of {} bytes",
                self.name,
                self.line.len()
            ));
        }
        Ok(Timed {
            wall: took,
            sched: self.sched_delta(),
        })
    }

    /// What the process spent since the previous call to this (the first call only starts the count).
    fn sched_delta(&mut self) -> Option<Sched> {
        let now = sched_of(self.pid())?;
        let before = self.last_sched.replace(now)?;
        Some(Sched {
            cpu_ns: now.cpu_ns.saturating_sub(before.cpu_ns),
            wait_ns: now.wait_ns.saturating_sub(before.wait_ns),
        })
    }

    /// Peak resident set (VmHWM) of the spawned process, in KiB.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Closes stdin (the MCP stdio shutdown) and waits up to `grace`, then kills.
    pub fn close(mut self, grace: Duration) -> Result<ExitStatus, String> {
        let result = self.reap(grace);
        // Reaped: its pid may be reused now, so the watchdog must forget it. (Until a child is
        // reaped, its pid stays reserved even after it exits.)
        let pid = self.pid();
        SPAWNED
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|&p| p != pid);
        result
    }

    fn reap(&mut self, grace: Duration) -> Result<ExitStatus, String> {
        if let Some(mut w) = self.stdin.take() {
            let _ = w.flush();
        }
        let deadline = Instant::now() + grace;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return Ok(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5))
                }
                Ok(None) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return Err(format!(
                        "{}: did not exit within {grace:?} of EOF",
                        self.name
                    ));
                }
                Err(e) => return Err(format!("{}: wait failed: {e}", self.name)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn digit_counts() {
        assert_eq!(
            [0, 9, 10, 99, 100, 12345].map(super::digits),
            [1, 1, 2, 2, 3, 5]
        );
    }
}
