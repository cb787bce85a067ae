//! The two relay loops and the signal forwarder, and the state they share.

use std::io::{self, BufWriter, Read, Write};
use std::process::{ChildStdin, ChildStdout};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;

use mcpguard_core::{FailClosed, Gate, NoticeLevel, Outcome, Session, Side};
use mcpguard_proto::{LineReader, ReadLine};
use mcpguard_store::audit::AuditFinding;
use mcpguard_store::{NewAuditRecord, NewQuarantine};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGUSR1, SIGUSR2};
use signal_hook::iterator::{Handle, Signals};
use std::time::Instant;

use crate::error::GatewayError;
use mcpguard_store::Store;

/// What the pumps tell the supervising thread.
#[derive(Debug)]
pub(crate) enum Event {
    ClientClosed,
    ServerClosed,
    Signal(i32),
}

type ClientWriter = BufWriter<Box<dyn Write + Send>>;

/// State shared by the pumps. Locks are held only to decide or to write one frame.
pub(crate) struct Shared {
    pub gate: Arc<Gate>,
    pub session: Mutex<Session>,
    pub to_client: Mutex<Option<ClientWriter>>,
    pub to_server: Mutex<Option<BufWriter<ChildStdin>>>,
    pub name: String,
    /// Where pin changes are recorded (`None`: pinning is off).
    pub store: Option<Arc<dyn Store>>,
    /// Where held calls are recorded (`None`: they are denied).
    pub approvals: Option<super::approvals::ApprovalSetup>,
    pub waiting: super::approvals::Waiting,
    /// Where audit records go (`None`: not audited).
    pub audit: Option<AuditSetup>,
    /// Set when a write to the client failed (it is gone).
    pub client_gone: std::sync::atomic::AtomicBool,
}

/// Writes one frame to one side.
type Write1 = fn(&Shared, &[u8]);

/// Who sent the message an outcome is about.
#[derive(Debug, Clone, Copy)]
pub(crate) enum From {
    Client,
    Server,
}

/// The audit log of a wrapped server.
#[derive(Clone)]
pub struct AuditSetup {
    pub store: Arc<dyn Store>,
    /// Identifies this gateway run in the records.
    pub session: String,
}

impl std::fmt::Debug for AuditSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditSetup")
            .field("session", &self.session)
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not stop the relay from failing requests cleanly.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Writes one frame and its newline with as few system calls as possible: small frames go through
/// the buffer in one flush; large ones go out as one vectored write of frame + newline (a separate
/// write for the newline would wake the reader twice).
fn write_frame<W: Write>(w: &mut BufWriter<W>, bytes: &[u8]) -> io::Result<()> {
    if bytes.len() < w.capacity() {
        w.write_all(bytes)?;
        w.write_all(b"\n")?;
        return w.flush();
    }
    w.flush()?;
    let inner = w.get_mut();
    let mut slices = [io::IoSlice::new(bytes), io::IoSlice::new(b"\n")];
    let mut rest: &mut [io::IoSlice<'_>] = &mut slices;
    while !rest.is_empty() {
        match inner.write_vectored(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => io::IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    inner.flush()
}

impl Shared {
    pub fn lock_session(&self) -> MutexGuard<'_, Session> {
        lock(&self.session)
    }

    /// Records the outcome's pin changes and audit events durably — before anything it decided
    /// takes effect. `Err` means they could not be recorded.
    fn persist(&self, outcome: &Outcome<'_>, started: Instant) -> Result<(), String> {
        for q in &outcome.quarantine {
            // the original is kept before the client sees the notice that names it
            let (store, session) = match (&self.audit, &self.approvals) {
                (Some(a), _) => (&a.store, &a.session),
                (None, Some(a)) => (&a.store, &a.session),
                (None, None) => return Err("quarantined content: no store to keep it in".into()),
            };
            store
                .quarantine(&NewQuarantine {
                    id: q.id.clone(),
                    server: q.server.clone(),
                    session: session.clone(),
                    method: q.method.clone(),
                    tool: q.tool.clone(),
                    content: q.content.clone(),
                    findings: q
                        .findings
                        .iter()
                        .map(|(rule, severity)| AuditFinding {
                            rule: rule.clone(),
                            severity: severity.clone(),
                        })
                        .collect(),
                    reason: q.reason.clone(),
                })
                .map_err(|e| format!("quarantined content: {e}"))?;
        }
        if !outcome.pin_changes.is_empty() {
            if let Some(store) = &self.store {
                store
                    .apply(&self.name, &outcome.pin_changes)
                    .map_err(|e| format!("pin changes: {e}"))?;
            }
        }
        if let Some(audit) = &self.audit {
            let latency_us = started.elapsed().as_micros().min(u128::from(u64::MAX)) as u64;
            for ev in &outcome.audit {
                let record = NewAuditRecord {
                    session: audit.session.clone(),
                    principal: ev.principal.clone(),
                    server: self.name.clone(),
                    direction: ev.direction.clone(),
                    method: ev.method.clone(),
                    tool: ev.tool.clone(),
                    request_id: ev.request_id.clone(),
                    args_digest: ev.args_digest.clone(),
                    args: ev.args.clone(),
                    findings: ev
                        .findings
                        .iter()
                        .map(|(rule, severity)| AuditFinding {
                            rule: rule.clone(),
                            severity: severity.clone(),
                        })
                        .collect(),
                    rules: ev.rules.clone(),
                    verdict: ev.verdict.clone(),
                    reason: ev.reason.clone(),
                    latency_us,
                };
                audit
                    .store
                    .append_audit(record)
                    .map_err(|e| format!("audit record: {e}"))?;
            }
        }
        Ok(())
    }

    /// Applies an outcome from `from`: records its effects, then writes what it decided — or, if
    /// the effects could not be recorded, only its fail-closed answer (nothing passes).
    pub(crate) fn deliver(&self, from: From, outcome: &Outcome<'_>, started: Instant) -> bool {
        self.report(outcome);
        let (to_receiver, to_sender): (Write1, Write1) = match from {
            From::Client => (Shared::to_server, Shared::to_client),
            From::Server => (Shared::to_client, Shared::to_server),
        };
        if let Err(e) = self.persist(outcome, started) {
            log(
                &self.name,
                &format!("error: could not record {e}; withholding the message"),
            );
            match &outcome.fail_closed {
                Some(FailClosed::ToSender(b)) => to_sender(self, b),
                Some(FailClosed::ToReceiver(b)) => to_receiver(self, b),
                None => {}
            }
            if let Some(reply) = &outcome.reply {
                to_sender(self, reply); // a refusal lets nothing through: it may still be said
            }
            return false;
        }
        if let Some(fwd) = &outcome.forward {
            to_receiver(self, fwd.bytes());
        }
        if let Some(reply) = &outcome.reply {
            to_sender(self, reply);
        }
        true
    }

    fn to_server(&self, bytes: &[u8]) {
        self.write_server(bytes);
    }

    fn to_client(&self, bytes: &[u8]) {
        if !self.write_client(bytes) {
            self.client_gone
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Writes one frame to the client; `false` if the client is gone.
    pub fn write_client(&self, bytes: &[u8]) -> bool {
        let mut guard = lock(&self.to_client);
        match guard.as_mut().map(|w| write_frame(w, bytes)) {
            Some(Ok(())) => true,
            _ => {
                *guard = None;
                false
            }
        }
    }

    pub fn flush_client(&self) {
        if let Some(w) = lock(&self.to_client).as_mut() {
            let _ = w.flush();
        }
    }

    /// Writes one frame to the server; a dead server is noticed by its pump, not here.
    fn write_server(&self, bytes: &[u8]) {
        let mut guard = lock(&self.to_server);
        if let Some(Err(e)) = guard.as_mut().map(|w| write_frame(w, bytes)) {
            log(&self.name, &format!("could not write to the server: {e}"));
            *guard = None;
        }
    }

    /// Closes the server's stdin: the MCP stdio way of asking it to exit.
    pub fn close_server_input(&self) {
        if let Some(mut w) = lock(&self.to_server).take() {
            let _ = w.flush();
        }
    }

    /// Writes what a decision on a held call produced: the call to the server, or an error to the client.
    pub(crate) fn apply(&self, outcome: &Outcome<'_>) {
        let from = match outcome.sender {
            Side::Client => From::Client,
            Side::Server => From::Server,
        };
        self.deliver(from, outcome, Instant::now());
    }

    fn report(&self, outcome: &Outcome<'_>) {
        for n in &outcome.notices {
            let level = match n.level {
                NoticeLevel::Info => "info",
                NoticeLevel::Warn => "warning",
            };
            log(&self.name, &format!("{level}: {}", n.text));
        }
    }
}

/// One line on stderr, prefixed so it stands apart from the server's own stderr.
pub(crate) fn log(name: &str, text: &str) {
    eprintln!("mcpguard[{name}]: {text}");
}

pub(crate) fn is_terminating(sig: i32) -> bool {
    matches!(sig, SIGINT | SIGTERM | SIGHUP)
}

/// client → gate → server (refusals go back to the client).
pub(crate) fn spawn_client_pump(
    shared: Arc<Shared>,
    input: Box<dyn Read + Send>,
    events: Sender<Event>,
) {
    let max = shared.gate.config().limits.max_message_bytes;
    thread::spawn(move || {
        let mut reader = LineReader::new(input, max);
        loop {
            let line = reader.next_line();
            let started = Instant::now();
            let outcome = match line {
                Ok(ReadLine::Line(line)) => shared.gate.on_client(&mut lock(&shared.session), line),
                Ok(ReadLine::TooLong { size, prefix }) => {
                    shared
                        .gate
                        .on_client_oversize(&mut lock(&shared.session), size, prefix)
                }
                Ok(ReadLine::Eof) | Err(_) => break,
            };
            let recorded = shared.deliver(From::Client, &outcome, started);
            if shared
                .client_gone
                .load(std::sync::atomic::Ordering::Relaxed)
            {
                break;
            }
            if !recorded {
                continue; // nothing it decided may take effect
            }
            if let Some(ticket) = &outcome.hold {
                shared.hold(ticket);
            }
            if let Some((id, resolution)) = &outcome.resolved {
                shared.answered(*id, resolution);
            }
        }
        let _ = events.send(Event::ClientClosed);
    });
}

/// server → gate → client (refusals go back to the server).
pub(crate) fn spawn_server_pump(shared: Arc<Shared>, output: ChildStdout, events: Sender<Event>) {
    let max = shared.gate.config().limits.max_message_bytes;
    thread::spawn(move || {
        let mut reader = LineReader::new(output, max);
        let mut told_gone = false;
        loop {
            let line = reader.next_line();
            let started = Instant::now();
            let outcome = match line {
                Ok(ReadLine::Line(line)) => shared.gate.on_server(&mut lock(&shared.session), line),
                Ok(ReadLine::TooLong { size, prefix }) => {
                    shared
                        .gate
                        .on_server_oversize(&mut lock(&shared.session), size, prefix)
                }
                Ok(ReadLine::Eof) | Err(_) => break,
            };
            let recorded = shared.deliver(From::Server, &outcome, started);
            if recorded {
                // a sampling or elicitation request the policy holds for approval
                if let Some(ticket) = &outcome.hold {
                    shared.hold(ticket);
                }
            }
            if !told_gone
                && shared
                    .client_gone
                    .load(std::sync::atomic::Ordering::Relaxed)
            {
                told_gone = true;
                let _ = events.send(Event::ClientClosed);
            }
        }
        let _ = events.send(Event::ServerClosed);
    });
}

/// Turns the signals we forward into events. The returned handle stops the thread when dropped.
pub(crate) fn spawn_signal_forwarder(events: Sender<Event>) -> Result<SignalGuard, GatewayError> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2])?;
    let handle = signals.handle();
    thread::spawn(move || {
        for sig in signals.forever() {
            if events.send(Event::Signal(sig)).is_err() {
                break;
            }
        }
    });
    Ok(SignalGuard(handle))
}

/// Unregisters the signal handlers when the session ends.
pub(crate) struct SignalGuard(Handle);

impl Drop for SignalGuard {
    fn drop(&mut self) {
        self.0.close();
    }
}
