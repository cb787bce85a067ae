//! `wrap`: one MCP server as a child process, relayed over newline-delimited stdio.
//!
//! Threads, not an async runtime: one thread pumps client→server, one pumps server→client, one
//! turns signals into events, and the calling thread supervises the child. Blocking pipe I/O on
//! dedicated threads is the lowest-latency way to relay two pipes, and keeps the code linear.
//!
//! Lifecycle (the MCP stdio transport's shutdown sequence):
//! - the client closes our stdin → we close the server's stdin, wait `shutdown_grace`, send SIGTERM
//!   to its process group, wait `kill_grace`, then SIGKILL; the server's remaining output is relayed;
//! - the server exits or closes its stdout → every client request still waiting gets a JSON-RPC
//!   error naming the exit status, and `run` returns [`End::ServerExited`];
//! - SIGINT, SIGTERM, SIGHUP, SIGUSR1 and SIGUSR2 are forwarded to the server's process group;
//! - the child is always reaped, and its whole process group is killed on the way out.

mod approvals;
mod child;
mod pinning;
mod pump;

pub use approvals::ApprovalSetup;
pub use pinning::PinSetup;
pub use pump::AuditSetup;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mcpguard_core::{Gate, Session};

use crate::error::GatewayError;
use child::{Child, ExitInfo};
use pump::{Event, Shared};

/// How to run one wrapped server.
#[derive(Debug, Clone)]
pub struct StdioConfig {
    /// The server command and its arguments.
    pub command: Vec<OsString>,
    /// The name used in logs (`--name`).
    pub name: String,
    /// How long to wait for the server to exit after its stdin is closed, before SIGTERM.
    pub shutdown_grace: Duration,
    /// How long to wait after SIGTERM before SIGKILL.
    pub kill_grace: Duration,
    /// Pins for this server (`None`: pinning is off).
    pub pins: Option<PinSetup>,
    /// Approvals of held calls (`None`: held calls are denied).
    pub approvals: Option<ApprovalSetup>,
    /// The audit log (`None`: decisions are not recorded).
    pub audit: Option<AuditSetup>,
}

/// How a wrapped session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// The client closed its side; the server was shut down.
    ClientClosed { server: String },
    /// The server exited or crashed while the client was connected.
    ServerExited { server: String },
    /// A terminating signal was forwarded and the server then exited.
    Signalled { signal: i32, server: String },
}

/// Runs one server behind the gate until the session ends.
pub fn run(
    config: &StdioConfig,
    gate: Arc<Gate>,
    client_in: Box<dyn Read + Send>,
    client_out: Box<dyn Write + Send>,
) -> Result<End, GatewayError> {
    let session = match &config.pins {
        Some(setup) => pinning::session_for(setup, &config.name)?,
        None => Session::new(),
    };
    let mut child = Child::spawn(&config.command)?;
    let (events_tx, events) = mpsc::channel();
    let shared = Arc::new(Shared {
        gate,
        session: Mutex::new(session),
        store: config.pins.as_ref().map(|p| Arc::clone(&p.store)),
        approvals: config.approvals.clone(),
        waiting: Default::default(),
        audit: config.audit.clone(),
        client_gone: Default::default(),
        to_client: Mutex::new(Some(std::io::BufWriter::with_capacity(
            64 * 1024,
            client_out,
        ))),
        to_server: Mutex::new(Some(std::io::BufWriter::with_capacity(
            64 * 1024,
            child.take_stdin(),
        ))),
        name: config.name.clone(),
    });
    pump::spawn_client_pump(Arc::clone(&shared), client_in, events_tx.clone());
    pump::spawn_server_pump(Arc::clone(&shared), child.take_stdout(), events_tx.clone());
    let _signals = pump::spawn_signal_forwarder(events_tx)?;
    if let Some(setup) = &config.pins {
        pinning::spawn_watcher(Arc::clone(&shared), Arc::clone(&setup.store));
    }
    if let Some(setup) = &config.approvals {
        approvals::spawn_watcher(Arc::clone(&shared), setup.clone());
    }

    let mut signalled = None;
    while let Ok(event) = events.recv() {
        match event {
            Event::ClientClosed => {
                shared.close_server_input();
                let exit = child.shut_down(config.shutdown_grace, config.kill_grace);
                wait_for_server_eof(&events);
                return Ok(End::ClientClosed {
                    server: exit.describe(),
                });
            }
            Event::ServerClosed => {
                let exit = child.wait_after_eof(config.kill_grace);
                return Ok(server_gone(&shared, &exit, signalled));
            }
            Event::Signal(sig) => {
                pump::log(
                    &shared.name,
                    &format!("forwarding signal {sig} to the server"),
                );
                child.signal(sig);
                if pump::is_terminating(sig) {
                    signalled = Some(sig);
                }
            }
        }
    }
    let exit = child.shut_down(config.shutdown_grace, config.kill_grace);
    Ok(server_gone(&shared, &exit, signalled))
}

/// After the server is gone: fail what the client still waits for, flush, and say how it ended.
fn server_gone(shared: &Shared, exit: &ExitInfo, signalled: Option<i32>) -> End {
    let why = exit.describe();
    let errors = {
        let mut session = shared.session.lock().unwrap_or_else(|p| p.into_inner());
        shared.gate.on_upstream_closed(&mut session, &why)
    };
    for e in &errors {
        shared.write_client(e);
    }
    shared.flush_client();
    match signalled {
        Some(signal) => End::Signalled {
            signal,
            server: why,
        },
        None => {
            pump::log(&shared.name, &format!("the server {why}"));
            End::ServerExited { server: why }
        }
    }
}

/// Waits (briefly) until the server pump has relayed everything the server wrote.
fn wait_for_server_eof(events: &mpsc::Receiver<Event>) {
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match events.recv_timeout(left) {
            Ok(Event::ServerClosed) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Which quarantined contents a person released, as the store says. A store that cannot be read
/// answers "not released": the content stays out (fail closed).
#[derive(Clone)]
pub struct StoreReleased(pub std::sync::Arc<dyn mcpguard_store::Store>);

impl std::fmt::Debug for StoreReleased {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreReleased")
    }
}

impl mcpguard_core::results::Released for StoreReleased {
    fn is_released(&self, server: &str, id: &str) -> bool {
        self.0.is_released(server, id).unwrap_or(false)
    }
}
