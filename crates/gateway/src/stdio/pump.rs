//! The two relay loops and the signal forwarder, and the state they share.

use std::io::{self, BufReader, BufWriter, Read, Write};
use std::process::{ChildStdin, ChildStdout};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;

use mcpguard_core::{Gate, NoticeLevel, Outcome, Session};
use mcpguard_proto::{LineReader, ReadLine};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGUSR1, SIGUSR2};
use signal_hook::iterator::{Handle, Signals};

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

    /// Records the outcome's pin changes durably. Returns what to forward: the checked message,
    /// or — when the changes could not be recorded — the fail-closed answer.
    fn settle<'o>(&self, outcome: &'o Outcome<'_>) -> Option<&'o [u8]> {
        let forward = outcome.forward.as_ref().map(|c| c.bytes());
        if outcome.pin_changes.is_empty() {
            return forward;
        }
        let result = match &self.store {
            Some(store) => store.apply(&self.name, &outcome.pin_changes),
            None => Ok(()),
        };
        match result {
            Ok(()) => forward,
            Err(e) => {
                log(
                    &self.name,
                    &format!("error: could not record pin changes, withholding the message: {e}"),
                );
                outcome.fail_closed.as_deref()
            }
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
        self.report(outcome);
        if let Some(fwd) = &outcome.forward {
            self.write_server(fwd.bytes());
        }
        if let Some(reply) = &outcome.reply {
            self.write_client(reply);
        }
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
        let mut reader = LineReader::new(BufReader::with_capacity(64 * 1024, input), max);
        loop {
            let outcome = match reader.next_line() {
                Ok(ReadLine::Line(line)) => shared.gate.on_client(&mut lock(&shared.session), line),
                Ok(ReadLine::TooLong { size, prefix }) => {
                    shared
                        .gate
                        .on_client_oversize(&mut lock(&shared.session), size, prefix)
                }
                Ok(ReadLine::Eof) | Err(_) => break,
            };
            shared.report(&outcome);
            if let Some(fwd) = shared.settle(&outcome) {
                shared.write_server(fwd);
            }
            if let Some(reply) = &outcome.reply {
                if !shared.write_client(reply) {
                    break;
                }
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
        let mut reader = LineReader::new(BufReader::with_capacity(64 * 1024, output), max);
        loop {
            let outcome = match reader.next_line() {
                Ok(ReadLine::Line(line)) => shared.gate.on_server(&mut lock(&shared.session), line),
                Ok(ReadLine::TooLong { size, prefix }) => {
                    shared
                        .gate
                        .on_server_oversize(&mut lock(&shared.session), size, prefix)
                }
                Ok(ReadLine::Eof) | Err(_) => break,
            };
            shared.report(&outcome);
            if let Some(fwd) = shared.settle(&outcome) {
                if !shared.write_client(fwd) {
                    let _ = events.send(Event::ClientClosed);
                }
            }
            if let Some(reply) = &outcome.reply {
                shared.write_server(reply);
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
