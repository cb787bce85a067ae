//! What the gate decided about one frame.

use std::borrow::Cow;

use mcpguard_store::PinChange;

/// A message that passed the gate, ready for the other side. Only the core constructs these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<'a>(Cow<'a, [u8]>);

impl<'a> Checked<'a> {
    pub(crate) fn unchanged(bytes: &'a [u8]) -> Self {
        Checked(Cow::Borrowed(bytes))
    }

    pub(crate) fn rewritten(bytes: Vec<u8>) -> Self {
        Checked(Cow::Owned(bytes))
    }

    /// The bytes to write, without a line terminator.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// True when the gate forwards the frame exactly as it arrived.
    pub fn is_unchanged(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }
}

/// How loud a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    Info,
    Warn,
}

/// Something the operator should see in the gateway's log (stderr for `wrap`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub level: NoticeLevel,
    pub text: String,
}

impl Notice {
    pub(crate) fn warn(text: impl Into<String>) -> Self {
        Notice {
            level: NoticeLevel::Warn,
            text: text.into(),
        }
    }

    pub(crate) fn info(text: impl Into<String>) -> Self {
        Notice {
            level: NoticeLevel::Info,
            text: text.into(),
        }
    }
}

/// The gate's answer for one frame.
#[derive(Debug, Default)]
pub struct Outcome<'a> {
    /// What goes on to the other side (`None`: nothing).
    pub forward: Option<Checked<'a>>,
    /// What goes back to the sender: JSON-RPC errors for what was refused.
    pub reply: Option<Vec<u8>>,
    /// What the operator should know.
    pub notices: Vec<Notice>,
    /// Pin changes to record durably *before* `forward` is written.
    pub pin_changes: Vec<PinChange>,
    /// Audit events to append durably *before* `forward` or `reply` is written.
    pub audit: Vec<crate::audit::AuditEvent>,
    /// What to send instead of `forward` if `pin_changes` or `audit` cannot be recorded
    /// (fail closed: an error for the request concerned, to whoever waits for it).
    pub fail_closed: Option<FailClosed>,
    /// A call held for a human decision: record it, then call `Gate::hold_registered`.
    pub hold: Option<crate::approval::HoldTicket>,
    /// The client answered an approval form: record the decision, then call `Gate::resolve`.
    pub resolved: Option<(i64, crate::approval::Resolution)>,
    /// Who sent the message this outcome is about: `forward` goes to the other side, `reply`
    /// back to it. Frames carry it implicitly (`on_client`/`on_server`); a decision on a held
    /// message (`Gate::resolve`) says it here.
    pub sender: crate::Side,
    /// Content kept out of the session: store it *before* `forward` (the notice) is written.
    pub quarantine: Vec<crate::results::Quarantine>,
}

/// The answer that replaces a message whose effects could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailClosed {
    /// An error response to the sender (it sent a request).
    ToSender(Vec<u8>),
    /// An error response to the receiver (the message answered the receiver's request).
    ToReceiver(Vec<u8>),
}
