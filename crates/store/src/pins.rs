//! The data model of pins.

use serde::Serialize;

/// What kind of item a pin covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Tool,
    Prompt,
    ResourceTemplate,
    Instructions,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Tool,
        ItemKind::Prompt,
        ItemKind::ResourceTemplate,
        ItemKind::Instructions,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Tool => "tool",
            ItemKind::Prompt => "prompt",
            ItemKind::ResourceTemplate => "resource_template",
            ItemKind::Instructions => "instructions",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.as_str().replace('_', "-") == s)
    }
}

/// A canonical definition (RFC 8785 JSON) and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PinnedItem {
    pub hash: String,
    pub content: String,
}

/// Why a change is pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PendingReason {
    /// Not seen before, and the mode (strict) needs an approval.
    New,
    /// Differs from the approved definition (a rug pull, or an honest update).
    Changed,
    /// Not seen before, and the detection engine blocks it.
    Flagged,
    /// Was pinned, no longer listed.
    Removed,
}

impl PendingReason {
    pub fn as_str(self) -> &'static str {
        match self {
            PendingReason::New => "new",
            PendingReason::Changed => "changed",
            PendingReason::Flagged => "flagged",
            PendingReason::Removed => "removed",
        }
    }

    pub fn parse(s: &str) -> Option<PendingReason> {
        [
            PendingReason::New,
            PendingReason::Changed,
            PendingReason::Flagged,
            PendingReason::Removed,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// Whether a pending change still waits for a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PendingState {
    Pending,
    Rejected,
}

/// A change seen but not trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    pub reason: PendingReason,
    pub state: PendingState,
    /// The new definition (`None` when the item was removed).
    pub item: Option<PinnedItem>,
    /// Why it was held (e.g. the detection findings).
    pub note: String,
}

/// One pinned item of one server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pin {
    pub server: String,
    pub kind: ItemKind,
    pub name: String,
    /// What the user trusts (`None`: never approved).
    pub approved: Option<PinnedItem>,
    pub pending: Option<Pending>,
    pub first_seen: i64,
    pub updated_at: i64,
}

impl Pin {
    /// True when a definition with this hash may be used.
    pub fn trusts(&self, hash: &str) -> bool {
        self.approved.as_ref().is_some_and(|a| a.hash == hash)
    }
}

/// A server and the launch spec the user trusts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerRecord {
    pub name: String,
    pub launch: String,
    /// A different launch spec seen since (`None`: nothing pending).
    pub pending_launch: Option<String>,
    pub pending_state: Option<PendingState>,
    pub first_seen: i64,
    pub updated_at: i64,
}

/// What an approval, rejection or forget applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The server itself (its launch spec); `forget` removes the server and all its pins.
    Server,
    Item(ItemKind, String),
}

/// What the gate observed in a listing, to be recorded before the listing is forwarded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinChange {
    /// Trust on first use: pin this definition as approved.
    Trust {
        kind: ItemKind,
        name: String,
        item: PinnedItem,
    },
    /// Hold a change for review. A change already pending or rejected with the same hash keeps its state.
    Hold {
        kind: ItemKind,
        name: String,
        reason: PendingReason,
        item: Option<PinnedItem>,
        note: String,
    },
}
