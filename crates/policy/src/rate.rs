//! Rate-limit state, kept outside the engine.
//!
//! The engine is immutable and knows no time; it compares the counts a request carries with the
//! configured limits. This small per-session counter supplies those counts. Time is passed in
//! (`now`), so tests drive it without sleeping and the gate can use one clock for everything.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use crate::request::RateCounts;

/// The window the limits are expressed in.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Calls kept per key at most: counts saturate there (no limit above it is meaningful per minute).
const MAX_KEPT: usize = 100_000;

/// Sliding-window call counter for one session.
#[derive(Debug, Default)]
pub struct RateLimiter {
    tools: HashMap<(String, String), VecDeque<Instant>>,
    servers: HashMap<String, VecDeque<Instant>>,
    session: VecDeque<Instant>,
}

fn prune(calls: &mut VecDeque<Instant>, now: Instant) -> u32 {
    while let Some(first) = calls.front() {
        if now.saturating_duration_since(*first) >= WINDOW {
            calls.pop_front();
        } else {
            break;
        }
    }
    u32::try_from(calls.len()).unwrap_or(u32::MAX)
}

fn push(calls: &mut VecDeque<Instant>, now: Instant) {
    if calls.len() >= MAX_KEPT {
        calls.pop_front();
    }
    calls.push_back(now);
}

impl RateLimiter {
    /// An empty counter.
    pub fn new() -> Self {
        Self::default()
    }

    /// Calls made in the window ending at `now` (put them in [`crate::Request::with_counts`]).
    pub fn counts(&mut self, server: &str, tool: &str, now: Instant) -> RateCounts {
        let tool_count = match self.tools.get_mut(&(server.to_string(), tool.to_string())) {
            Some(calls) => prune(calls, now),
            None => 0,
        };
        let server_count = self.servers.get_mut(server).map_or(0, |c| prune(c, now));
        RateCounts {
            tool: tool_count,
            server: server_count,
            session: prune(&mut self.session, now),
        }
    }

    /// Record a call that went ahead.
    pub fn record(&mut self, server: &str, tool: &str, now: Instant) {
        push(
            self.tools
                .entry((server.to_string(), tool.to_string()))
                .or_default(),
            now,
        );
        push(self.servers.entry(server.to_string()).or_default(), now);
        push(&mut self.session, now);
        // Drop keys that have gone quiet, so a long session does not accumulate them.
        if self.tools.len() > 1024 {
            self.tools.retain(|_, calls| prune(calls, now) > 0);
            self.servers.retain(|_, calls| prune(calls, now) > 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::RateLimiter;
    use crate::request::RateCounts;

    #[test]
    fn counts_slide_with_the_window() {
        let t0 = Instant::now();
        let mut rl = RateLimiter::new();
        for i in 0..3 {
            rl.record("fs", "read_file", t0 + Duration::from_secs(i * 10));
        }
        rl.record("fs", "write_file", t0 + Duration::from_secs(30));
        rl.record("git", "git_log", t0 + Duration::from_secs(30));
        let at = |s| t0 + Duration::from_secs(s);
        assert_eq!(
            rl.counts("fs", "read_file", at(35)),
            RateCounts {
                tool: 3,
                server: 4,
                session: 5
            }
        );
        // At 65 s the call at 0 s has left the window; at 91 s those at 10, 20 and 30 s too.
        assert_eq!(
            rl.counts("fs", "read_file", at(65)),
            RateCounts {
                tool: 2,
                server: 3,
                session: 4
            }
        );
        assert_eq!(rl.counts("fs", "read_file", at(91)), RateCounts::default());
    }
}
