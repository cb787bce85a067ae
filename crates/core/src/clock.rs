//! Time as the gate sees it: injected, so that rate limits are tested without sleeping.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where the gate reads the current time (rate limits). The gateway uses [`Clock::system`];
/// tests use [`Clock::manual`] and move time themselves.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> Instant + Send + Sync>);

impl Clock {
    /// The monotonic system clock.
    pub fn system() -> Clock {
        Clock(Arc::new(Instant::now))
    }

    /// A clock that stands still until its [`ManualTime`] advances it.
    pub fn manual() -> (Clock, ManualTime) {
        let time = ManualTime(Arc::new(Mutex::new(Instant::now())));
        let read = time.clone();
        (Clock(Arc::new(move || read.now())), time)
    }

    pub fn now(&self) -> Instant {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Clock")
    }
}

/// The hand that moves a [`Clock::manual`].
#[derive(Debug, Clone)]
pub struct ManualTime(Arc<Mutex<Instant>>);

impl ManualTime {
    pub fn now(&self) -> Instant {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) += by;
    }
}
