//! Connecting to many servers at once, within limits, with progress on stderr.
//!
//! Plain threads: each lists one server with a blocking client and a deadline, `jobs` at a time
//! (slow `npx`/`uvx` cold starts overlap instead of adding up). On a terminal a single progress
//! line is redrawn; otherwise one plain line per finished server, so logs stay readable.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mcpguard_gateway::client::{list_http, list_stdio, Inventory, ListOptions};

use super::launch::Plan;

/// What listing one server gave.
pub struct Listing {
    pub result: Result<Inventory, String>,
    pub elapsed: Duration,
}

/// Progress reporting on stderr.
pub struct Progress {
    tty: bool,
    quiet: bool,
    total: usize,
    done: AtomicUsize,
    lock: Mutex<()>,
}

impl Progress {
    pub fn new(total: usize, quiet: bool) -> Progress {
        Progress {
            tty: std::io::stderr().is_terminal(),
            quiet,
            total,
            done: AtomicUsize::new(0),
            lock: Mutex::new(()),
        }
    }

    fn started(&self, label: &str) {
        if self.tty && !self.quiet {
            let done = self.done.load(Ordering::SeqCst);
            self.draw(&format!("[{done}/{}] connecting to {label}…", self.total));
        }
    }

    fn finished(&self, label: &str, listing: &Listing) {
        let done = self.done.fetch_add(1, Ordering::SeqCst) + 1;
        if self.quiet {
            return;
        }
        let what = match &listing.result {
            Ok(inv) => format!(
                "tools {}, prompts {}, resources {}, templates {} ({:.1}s)",
                inv.tools.len(),
                inv.prompts.len(),
                inv.resources.len(),
                inv.resource_templates.len(),
                listing.elapsed.as_secs_f32()
            ),
            // the error may quote the server's stderr: no control characters on our terminal
            Err(e) => format!("failed: {e}")
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
        };
        let line = format!("[{done}/{}] {label}: {what}", self.total);
        if self.tty {
            self.draw(&line);
        } else {
            let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
            eprintln!("mcpguard scan: {line}");
        }
    }

    fn draw(&self, line: &str) {
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let width = 100;
        let shown: String = line.chars().take(width).collect();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{shown}");
        let _ = err.flush();
    }

    /// Clears the progress line before the report is printed.
    pub fn finish(&self) {
        if self.tty && !self.quiet {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// Lists every plan (skips stay `None`), `jobs` at a time; results in input order.
pub fn list_all(
    plans: &[(String, Plan)],
    opts: &ListOptions,
    jobs: usize,
    progress: &Progress,
) -> Vec<Option<Listing>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Listing>>> = Mutex::new((0..plans.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, plans.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((label, plan)) = plans.get(i) else {
                    return;
                };
                let started = Instant::now();
                let result = match plan {
                    Plan::Stdio(t) => {
                        progress.started(label);
                        list_stdio(t, opts).map_err(|e| e.to_string())
                    }
                    Plan::Http(t) => {
                        progress.started(label);
                        list_http(t, opts).map_err(|e| e.to_string())
                    }
                    Plan::Skip(_) => continue,
                };
                let listing = Listing {
                    result,
                    elapsed: started.elapsed(),
                };
                progress.finished(label, &listing);
                results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(listing);
            });
        }
    });
    results.into_inner().unwrap_or_else(|p| p.into_inner())
}
