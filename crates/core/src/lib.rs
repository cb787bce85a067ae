//! The gate: mcpguard's decisions, without I/O.
//!
//! The gateway hands every frame it reads to [`Gate::on_client`] or [`Gate::on_server`] together
//! with the [`Session`] it belongs to, and gets back an [`Outcome`]: what to forward (a
//! [`Checked`] message — only this crate can make one, so nothing reaches the other side without
//! passing here), what to answer the sender with, and notices to log. No sockets, no threads, and
//! time only through an injected [`Clock`]: every decision is unit-tested with plain bytes.

pub mod approval;
pub mod audit;
mod batch;
pub mod canonical;
mod clock;
mod enforce;
pub mod flows;
mod gate;
mod handshake;
pub mod judge;
mod listing;
pub mod manifest;
mod outcome;
pub mod pins;
pub mod results;
mod session;

pub use clock::{Clock, ManualTime};
pub use gate::{Gate, GateConfig, Side};
pub use outcome::{Checked, FailClosed, Notice, NoticeLevel, Outcome};
pub use pins::{Judge, Judgement, PinBook, PinMode};
pub use session::{Phase, Session};

#[cfg(test)]
mod tests;
