//! The server process: spawned in its own process group, signalled as a group, always reaped.

use std::ffi::OsString;
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::GatewayError;

/// How the server process ended.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ExitInfo {
    Exited(ExitStatus),
    /// It had to be killed after the grace periods.
    Killed(ExitStatus),
}

impl ExitInfo {
    /// "exited with status 1", "was killed by signal 9 (SIGKILL)", …
    pub fn describe(&self) -> String {
        match self {
            ExitInfo::Exited(st) => describe_status(st),
            ExitInfo::Killed(st) => format!("did not stop in time and {}", describe_status(st)),
        }
    }
}

fn describe_status(st: &ExitStatus) -> String {
    match (st.code(), st.signal()) {
        (Some(code), _) => format!("exited with status {code}"),
        (None, Some(sig)) => format!("was killed by signal {sig} ({})", signal_name(sig)),
        _ => "ended".to_owned(),
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGHUP => "SIGHUP",
        libc::SIGINT => "SIGINT",
        libc::SIGQUIT => "SIGQUIT",
        libc::SIGABRT => "SIGABRT",
        libc::SIGKILL => "SIGKILL",
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGPIPE => "SIGPIPE",
        libc::SIGTERM => "SIGTERM",
        libc::SIGUSR1 => "SIGUSR1",
        libc::SIGUSR2 => "SIGUSR2",
        _ => "signal",
    }
}

/// The pipe capacity asked for the server's stdin and stdout: the most an unprivileged process may
/// set by default (`/proc/sys/fs/pipe-max-size`).
const PIPE_BYTES: libc::c_int = 1 << 20;

/// Lets a message of up to [`PIPE_BYTES`] cross the pipe in one write and one read, instead of
/// one wake-up of the reader per 64 KiB (the default capacity). The kernel allocates a pipe's
/// pages as they are written, so a larger capacity costs nothing while the pipe is empty. Best
/// effort: a refusal (a lower limit, or the user's pipe quota) leaves the default.
fn enlarge_pipe(fd: RawFd) {
    #[cfg(target_os = "linux")]
    // SAFETY: F_SETPIPE_SZ on a descriptor we own; it has no memory-safety preconditions.
    unsafe {
        libc::fcntl(fd, libc::F_SETPIPE_SZ, PIPE_BYTES);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = fd;
}

/// A running server with its process group.
pub(crate) struct Child {
    inner: std::process::Child,
    status: Option<ExitStatus>,
}

impl Child {
    pub fn spawn(command: &[OsString]) -> Result<Child, GatewayError> {
        let (program, args) = command.split_first().ok_or(GatewayError::NoCommand)?;
        let mut cmd = Command::new(program);
        cmd.args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .process_group(0);
        #[cfg(target_os = "linux")]
        // SAFETY: prctl is async-signal-safe; the closure touches no memory of the parent.
        unsafe {
            cmd.pre_exec(|| {
                // If mcpguard dies without cleaning up (SIGKILL), the server gets SIGTERM.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
        let inner = cmd.spawn().map_err(|source| GatewayError::Spawn {
            command: command
                .iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            source,
        })?;
        for fd in [
            inner.stdin.as_ref().map(AsRawFd::as_raw_fd),
            inner.stdout.as_ref().map(AsRawFd::as_raw_fd),
        ]
        .into_iter()
        .flatten()
        {
            enlarge_pipe(fd);
        }
        Ok(Child {
            inner,
            status: None,
        })
    }

    pub fn take_stdin(&mut self) -> ChildStdin {
        self.inner
            .stdin
            .take()
            .expect("stdin is piped and taken once")
    }

    pub fn take_stdout(&mut self) -> ChildStdout {
        self.inner
            .stdout
            .take()
            .expect("stdout is piped and taken once")
    }

    fn pgid(&self) -> libc::pid_t {
        self.inner.id() as libc::pid_t
    }

    /// Sends `sig` to the server's whole process group (npx, uvx and shells start grandchildren).
    pub fn signal(&self, sig: i32) {
        if self.status.is_none() {
            // SAFETY: killpg has no memory-safety preconditions.
            unsafe {
                libc::killpg(self.pgid(), sig);
            }
        }
    }

    fn wait_until(&mut self, deadline: Instant) -> Option<ExitStatus> {
        loop {
            if let Some(st) = self.status {
                return Some(st);
            }
            if let Ok(Some(st)) = self.inner.try_wait() {
                self.status = Some(st);
                return Some(st);
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    fn kill_and_reap(&mut self) -> ExitStatus {
        self.signal(libc::SIGKILL);
        let st = match self.status {
            Some(st) => st,
            None => self
                .inner
                .wait()
                .unwrap_or_else(|_| ExitStatus::from_raw(libc::SIGKILL)),
        };
        self.status = Some(st);
        st
    }

    /// The graceful sequence after the server's stdin was closed: wait, SIGTERM, wait, SIGKILL.
    pub fn shut_down(&mut self, grace: Duration, kill_grace: Duration) -> ExitInfo {
        if let Some(st) = self.wait_until(Instant::now() + grace) {
            self.reap_group();
            return ExitInfo::Exited(st);
        }
        self.signal(libc::SIGTERM);
        if let Some(st) = self.wait_until(Instant::now() + kill_grace) {
            self.reap_group();
            return ExitInfo::Killed(st);
        }
        ExitInfo::Killed(self.kill_and_reap())
    }

    /// The server closed its output: it is normally exiting; give it `grace`, then kill it.
    pub fn wait_after_eof(&mut self, grace: Duration) -> ExitInfo {
        match self.wait_until(Instant::now() + grace) {
            Some(st) => {
                self.reap_group();
                ExitInfo::Exited(st)
            }
            None => ExitInfo::Killed(self.kill_and_reap()),
        }
    }

    /// Grandchildren left in the group after the server itself exited are killed too.
    fn reap_group(&mut self) {
        // SAFETY: killpg has no memory-safety preconditions; ESRCH (group empty) is fine.
        unsafe {
            libc::killpg(self.pgid(), libc::SIGKILL);
        }
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        if self.status.is_none() {
            self.kill_and_reap();
        }
    }
}
