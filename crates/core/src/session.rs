//! Per-session state: the handshake phase, negotiated version, and requests in flight per direction.

use std::collections::HashMap;

use mcpguard_proto::IdKey;
use mcpguard_store::ItemKind;
use serde_json::Value;

use crate::pins::{PinBook, PinState};

/// Where the session is in its lifecycle. A message that is wrong for the phase is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Nothing yet: the client must start with `initialize`, `server/discover`, or a stateless-era
    /// request carrying its protocol version in `_meta`.
    New,
    /// `server/discover` sent; the answer decides the era (a -32601 sends the client back to `initialize`).
    Discovering,
    /// `initialize` sent, not yet answered.
    Initializing,
    /// `initialize` answered; waiting for `notifications/initialized`.
    Initialized,
    /// Handshake complete (2024-11-05 … 2025-11-25).
    Ready,
    /// Stateless era (2026-07-28 and later): every request carries its own version.
    Stateless,
}

/// A request waiting for its response.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub method: String,
    /// The request asked for a later page (`params.cursor`): its listing is not the whole set.
    pub paged: bool,
    /// Order of arrival, so that failures are reported in the order requests were made.
    pub seq: u64,
    /// The tool, prompt or resource a use request names (when its answer is inspected).
    pub target: Option<String>,
}

/// One sender's requests in flight, keyed by that sender's own ids (each side numbers its own).
#[derive(Debug, Default)]
pub(crate) struct InFlight {
    map: HashMap<IdKey, Pending>,
    next_seq: u64,
}

impl InFlight {
    pub fn contains(&self, id: &IdKey) -> bool {
        self.map.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn insert(&mut self, id: IdKey, method: &str, paged: bool) {
        self.next_seq += 1;
        let pending = Pending {
            method: method.to_owned(),
            paged,
            seq: self.next_seq,
            target: None,
        };
        self.map.insert(id, pending);
    }

    /// Remembers what a request in flight names (see [`Pending::target`]).
    pub fn set_target(&mut self, id: &IdKey, target: String) {
        if let Some(p) = self.map.get_mut(id) {
            p.target = Some(target);
        }
    }

    pub fn remove(&mut self, id: &IdKey) -> Option<Pending> {
        self.map.remove(id)
    }

    /// Empties the map, oldest request first.
    pub fn drain_in_order(&mut self) -> Vec<(IdKey, Pending)> {
        let mut all: Vec<_> = self.map.drain().collect();
        all.sort_by_key(|(_, p)| p.seq);
        all
    }
}

/// Everything the gate remembers about one client↔server session.
#[derive(Debug)]
pub struct Session {
    pub(crate) phase: Phase,
    /// The protocol version agreed in `initialize`, or the last one a stateless request named.
    pub(crate) version: Option<String>,
    /// Requests the client sent that the server has not answered.
    pub(crate) from_client: InFlight,
    /// Requests the server sent that the client has not answered.
    pub(crate) from_server: InFlight,
    pub(crate) client_capabilities: Option<Value>,
    /// The client's `clientInfo` (from `initialize`, or a stateless request's `_meta`).
    pub(crate) client_info: Option<Value>,
    pub(crate) server_capabilities: Option<Value>,
    pub(crate) server_info: Option<Value>,
    pub(crate) instructions: Option<String>,
    /// Pins of the server (`None`: pinning is off for this session).
    pub(crate) pins: Option<PinState>,
    /// Calls held for a human decision, and what they depend on.
    pub(crate) approvals: crate::approval::Approvals,
    /// Calls made recently, for the policy's rate limits.
    pub(crate) rate: mcpguard_policy::RateLimiter,
    /// Detection findings about the server's tools (from their definitions), by tool name.
    pub(crate) findings: HashMap<String, Vec<mcpguard_policy::FindingFact>>,
    /// Which kinds of data have entered the session, and from where.
    pub(crate) flows: crate::flows::Flows,
    /// Flow labels of the server's tools (from the policy file, else inferred), by tool name.
    pub(crate) labels: HashMap<String, Vec<mcpguard_policy::Label>>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    pub fn new() -> Self {
        Session {
            phase: Phase::New,
            version: None,
            from_client: InFlight::default(),
            from_server: InFlight::default(),
            client_capabilities: None,
            client_info: None,
            server_capabilities: None,
            server_info: None,
            instructions: None,
            pins: None,
            approvals: Default::default(),
            rate: Default::default(),
            findings: HashMap::new(),
            flows: Default::default(),
            labels: HashMap::new(),
        }
    }

    /// The server's name for messages (its pin name when pinning is on).
    pub(crate) fn server_label(&self) -> String {
        self.pins
            .as_ref()
            .map(|p| p.server().to_owned())
            .unwrap_or_else(|| "the server".into())
    }

    /// Who the client says it is: its `clientInfo.name` (the policy's principal and the audit
    /// log's). Self-declared: a name to write policies and read logs by, not an authentication.
    pub fn principal(&self) -> Option<&str> {
        self.client_info
            .as_ref()
            .and_then(|c| c.get("name"))
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty())
    }

    /// Approval ids of the calls this session holds.
    pub fn held_approvals(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self.approvals.held.keys().copied().collect();
        ids.sort_unstable();
        ids
    }

    /// A session whose listings and uses are checked against `book`.
    pub fn with_pins(book: PinBook) -> Self {
        Session {
            pins: Some(PinState::new(book)),
            ..Session::new()
        }
    }

    /// Holds the session's server to a verified (or invalid) manifest. Needs pins.
    pub fn with_manifest(mut self, manifest: crate::manifest::ManifestState) -> Self {
        if let Some(p) = &mut self.pins {
            p.manifest = Some(manifest);
        }
        self
    }

    pub(crate) fn manifest(&self) -> Option<&crate::manifest::ManifestState> {
        self.pins.as_ref().and_then(|p| p.manifest.as_ref())
    }

    /// Replaces the pins (after an approval made elsewhere). Returns the kinds of items that were
    /// blocked in this session and are usable now: the client should be told to list them again.
    pub fn set_pin_book(&mut self, book: PinBook) -> Vec<ItemKind> {
        match &mut self.pins {
            Some(p) => p.set_book(book),
            None => Vec::new(),
        }
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    pub fn protocol_version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// Client requests still waiting for the server.
    pub fn pending_client_requests(&self) -> usize {
        self.from_client.len()
    }

    /// Server requests still waiting for the client.
    pub fn pending_server_requests(&self) -> usize {
        self.from_server.len()
    }

    pub fn client_capabilities(&self) -> Option<&Value> {
        self.client_capabilities.as_ref()
    }

    pub fn server_capabilities(&self) -> Option<&Value> {
        self.server_capabilities.as_ref()
    }

    pub fn server_info(&self) -> Option<&Value> {
        self.server_info.as_ref()
    }

    pub fn instructions(&self) -> Option<&str> {
        self.instructions.as_deref()
    }
}
