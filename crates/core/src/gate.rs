//! The gate's entry points: one frame in, one [`Outcome`] out.
//!
//! Both directions run through the same code with a [`Side`] naming the sender, because the rules
//! are symmetric: each side numbers its own requests, a response must answer a request the other
//! side made, and malformed input is refused with an answer for the right id where one can be read.

use std::sync::Arc;

use mcpguard_proto::codes::{DENIED, INVALID_REQUEST, UPSTREAM_CLOSED};
use mcpguard_proto::reply::{error_response, proto_error_response};
use mcpguard_proto::scan::top_level;
use mcpguard_proto::{decode_frame, Decoded, IdKey, Kind, Limits, Message, ProtoError};
use serde_json::json;

use crate::batch;
use crate::enforce::PolicyCall;
use crate::handshake;
use crate::listing::{self, Effects};
use crate::outcome::{Checked, Notice, Outcome};
use crate::pins::{Judge, PinMode};
use crate::results::ResultAction;
use crate::session::{InFlight, Session};

/// Who sent a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    Client,
    Server,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
        }
    }
}

/// Settings of the gate, fixed for its lifetime (a reload builds a new gate).
#[derive(Debug, Clone)]
pub struct GateConfig {
    pub limits: Limits,
    /// Most requests one side may have waiting for the other.
    pub max_in_flight: usize,
    /// How items never seen before are treated (sessions with pins only).
    pub pin_mode: PinMode,
    /// The detection engine's judgement of new items, if wired.
    pub judge: Option<Arc<dyn Judge>>,
    /// Calls of tools their server marks destructive wait for a human decision.
    pub approve_destructive: bool,
    /// Emit audit events for decisions.
    pub audit: bool,
    /// Put calls' arguments (credentials redacted) in their audit events, not only their digest.
    pub audit_arguments: bool,
    /// The least-privilege policy, if one is configured (it then decides approvals too).
    pub policy: Option<Arc<mcpguard_policy::Engine>>,
    /// Where time comes from (rate limits).
    pub clock: crate::Clock,
    /// The content checks on results and arguments (secrets, hidden characters, injections).
    /// `None` turns result inspection and taint tracking off.
    pub inspector: Option<Arc<dyn crate::results::Inspector>>,
    /// Which quarantined contents a person released.
    pub released: Option<Arc<dyn crate::results::Released>>,
}

impl Default for GateConfig {
    fn default() -> Self {
        GateConfig {
            limits: Limits::default(),
            max_in_flight: 4096,
            pin_mode: PinMode::default(),
            judge: None,
            approve_destructive: true,
            audit: true,
            audit_arguments: false,
            policy: None,
            clock: crate::Clock::system(),
            inspector: None,
            released: None,
        }
    }
}

/// The decision engine for sessions. Immutable: share it behind an `Arc`.
#[derive(Debug, Clone, Default)]
pub struct Gate {
    config: GateConfig,
}

/// What the gate decided about one decoded message.
pub(crate) enum Verdict {
    Forward,
    /// Forward this instead of the original (something was withheld).
    Rewrite(Vec<u8>),
    /// Hold the call for a human decision.
    Hold(crate::approval::HoldTicket),
    /// The client answered one of our approval forms (consumed, not forwarded).
    Resolved(i64, crate::approval::Resolution),
    /// Refused: answer the sender with this error (a request) or just log (anything else).
    Refuse(Option<Vec<u8>>, Notice),
}

impl Gate {
    pub fn new(config: GateConfig) -> Self {
        Gate { config }
    }

    pub fn config(&self) -> &GateConfig {
        &self.config
    }

    /// A frame from the client (a line of stdio, without its `\n`).
    pub fn on_client<'a>(&self, s: &mut Session, frame: &'a [u8]) -> Outcome<'a> {
        self.on_frame(Side::Client, s, frame)
    }

    /// A frame from the server.
    pub fn on_server<'a>(&self, s: &mut Session, frame: &'a [u8]) -> Outcome<'a> {
        self.on_frame(Side::Server, s, frame)
    }

    /// A client frame longer than the limit; `prefix` is what was kept of its beginning.
    pub fn on_client_oversize(
        &self,
        s: &mut Session,
        size: usize,
        prefix: &[u8],
    ) -> Outcome<'static> {
        let err = self.too_large(size);
        self.refuse_frame(Side::Client, s, &err, prefix)
    }

    /// A server frame longer than the limit.
    pub fn on_server_oversize(
        &self,
        s: &mut Session,
        size: usize,
        prefix: &[u8],
    ) -> Outcome<'static> {
        let err = self.too_large(size);
        self.refuse_frame(Side::Server, s, &err, prefix)
    }

    /// The server is gone: an error for every client request still waiting, oldest first.
    pub fn on_upstream_closed(&self, s: &mut Session, why: &str) -> Vec<Vec<u8>> {
        s.from_server.drain_in_order();
        s.approvals.held.clear();
        s.from_client
            .drain_in_order()
            .into_iter()
            .map(|(id, pending)| {
                error_response(
                    Some(&id),
                    UPSTREAM_CLOSED,
                    &format!(
                        "mcpguard: the server {why} before answering {}",
                        pending.method
                    ),
                    json!({ "mcpguard": { "kind": "upstream_closed", "reason": why } }),
                )
            })
            .collect()
    }

    /// A held call was recorded as approval `approval_id`. Returns the `elicitation/create` request
    /// to send the client when it can answer one in-band; otherwise the decision comes from the CLI.
    pub fn hold_registered(
        &self,
        s: &mut Session,
        ticket: &crate::approval::HoldTicket,
        approval_id: i64,
    ) -> Option<Vec<u8>> {
        let held = crate::approval::Held {
            request_id: ticket.request_id.clone(),
            tool: ticket.tool.clone(),
            raw: ticket.raw.clone(),
            from: ticket.from,
        };
        s.approvals.held.insert(approval_id, held);
        let can_ask = s
            .client_capabilities
            .as_ref()
            .is_some_and(|c| c.get("elicitation").is_some())
            && *s.phase() != crate::Phase::Stateless;
        if !can_ask {
            return None;
        }
        // Our request lives in the server's id space: never reuse an id the server has in flight,
        // or the client's answer to the server's (possibly look-alike) form would decide ours.
        let (ask_id, key) = (0u32..)
            .map(|n| format!("mcpguard-approval-{approval_id}-{n}"))
            .find_map(|id| {
                let key = IdKey::from_raw(&serde_json::Value::String(id.clone()).to_string())?;
                (!s.from_server.contains(&key)).then_some((id, key))
            })?;
        s.from_server
            .insert(key.clone(), crate::approval::ASK_METHOD, false);
        s.approvals.asking.insert(key, approval_id);
        let server = s.server_label();
        Some(crate::approval::ask(&ask_id, approval_id, &server, ticket))
    }

    /// Applies the decision on a held call: the call goes to the server unchanged, or the client
    /// gets an error. Unknown or already resolved ids give an empty outcome.
    pub fn resolve(
        &self,
        s: &mut Session,
        approval_id: i64,
        resolution: &crate::approval::Resolution,
    ) -> Outcome<'static> {
        use crate::approval::Resolution;
        let Some(held) = s.approvals.held.remove(&approval_id) else {
            return Outcome::default();
        };
        match resolution {
            Resolution::Approve(remember) => {
                if *remember == mcpguard_store::Remember::Session {
                    s.approvals.remembered.insert(held.tool.clone());
                }
                let reason = format!("approval {approval_id}: approved ({})", remember.as_str());
                let audit = self.config.audit.then(|| {
                    crate::audit::for_resolution(
                        &held.tool,
                        held.request_id.as_json(),
                        true,
                        &reason,
                    )
                });
                let unrecorded = crate::FailClosed::ToSender(unrecorded_error(&held.request_id));
                Outcome {
                    forward: Some(Checked::rewritten(held.raw)),
                    sender: held.from,
                    fail_closed: Some(unrecorded),
                    notices: vec![Notice::info(format!(
                        "approval {approval_id}: `{}` approved",
                        held.tool
                    ))],
                    audit: audit.into_iter().collect(),
                    ..Outcome::default()
                }
            }
            Resolution::Deny(why) => {
                sent_by(held.from, s).remove(&held.request_id);
                let message = format!(
                    "mcpguard: `{}` was not approved: {why} (approval {approval_id})",
                    held.tool
                );
                let audit = self.config.audit.then(|| {
                    crate::audit::for_resolution(
                        &held.tool,
                        held.request_id.as_json(),
                        false,
                        &message,
                    )
                });
                Outcome {
                    sender: held.from,
                    reply: Some(error_response(
                        Some(&held.request_id),
                        DENIED,
                        &message,
                        json!({ "mcpguard": { "kind": "not_approved", "approval": approval_id, "tool": held.tool } }),
                    )),
                    audit: audit.into_iter().collect(),
                    notices: vec![Notice::info(message)],
                    ..Outcome::default()
                }
            }
        }
    }

    /// A ticket when this request needs a human decision: a call the policy (or, without a
    /// policy, the tool's `destructiveHint`) sends to approval, or a server request the policy
    /// holds. `rewritten` is what goes on once approved, if not the original.
    fn hold_ticket(
        &self,
        side: Side,
        s: &Session,
        m: &Message<'_>,
        id: &IdKey,
        policy_hold: Option<String>,
        rewritten: Option<&[u8]>,
    ) -> Option<crate::approval::HoldTicket> {
        #[derive(serde::Deserialize)]
        struct Arguments {
            arguments: Option<serde_json::Value>,
        }
        let method = m.method();
        let params = m.params.map_or("{}", |p| p.get());
        let (label, reason) = if side == Side::Server {
            // sampling or elicitation the policy holds; remembered per method for the session
            let reason = policy_hold?;
            if s.approvals.remembered.contains(method) {
                return None;
            }
            (method.to_owned(), reason)
        } else {
            if !matches!(
                method,
                "tools/call" | "prompts/get" | "resources/read" | "resources/subscribe"
            ) {
                return None;
            }
            // the common case (no approval needed) reads only the name
            let item = crate::flows::Target::parse(params)?.item()?;
            // the policy (its annotation defaults included) or a flow rule asks for approval;
            // without a policy, the tool's own destructiveHint may too
            let reason = match policy_hold {
                Some(_) if s.approvals.remembered.contains(item.as_ref()) => return None,
                Some(reason) => reason,
                None if self.config.policy.is_some() || method != "tools/call" => return None,
                None => s.approvals.needed(&item, self.config.approve_destructive)?,
            };
            (item.into_owned(), reason)
        };
        let arguments = match side {
            Side::Client => serde_json::from_str::<Arguments>(params)
                .ok()
                .and_then(|a| a.arguments),
            Side::Server => serde_json::from_str(params).ok(),
        };
        Some(crate::approval::HoldTicket {
            request_id: id.clone(),
            tool: label,
            arguments: arguments.unwrap_or(serde_json::Value::Null),
            reason,
            rules: Vec::new(),
            from: side,
            raw: rewritten.map_or_else(|| m.raw.as_bytes().to_vec(), <[u8]>::to_vec),
        })
    }

    fn too_large(&self, size: usize) -> ProtoError {
        ProtoError::TooLarge {
            size,
            limit: self.config.limits.max_message_bytes,
        }
    }

    fn on_frame<'a>(&self, side: Side, s: &mut Session, frame: &'a [u8]) -> Outcome<'a> {
        if frame.iter().all(u8::is_ascii_whitespace) {
            return Outcome::default();
        }
        let decoded = decode_frame(frame, &self.config.limits);
        match decoded {
            Err(err) => self.refuse_frame(side, s, &err, frame),
            Ok(Decoded::Single(m)) => {
                let mut fx = Effects::default();
                let verdict = self.on_message(side, s, &m, &mut fx);
                let mut audit = Vec::new();
                if self.config.audit {
                    audit.extend(
                        crate::audit::for_request(side, &m, &verdict, &fx)
                            .map(|ev| crate::audit::with_arguments(ev, &m, &self.config)),
                    );
                    audit.extend(fx.pin_changes.iter().map(crate::audit::for_pin_change));
                    audit.extend(crate::audit::for_result(&m, &fx));
                }
                for ev in &mut audit {
                    ev.principal = s.principal().map(str::to_owned);
                }
                let fail_closed =
                    if fx.pin_changes.is_empty() && audit.is_empty() && fx.quarantine.is_none() {
                        None
                    } else {
                        fail_closed_for(&m)
                    };
                let mut outcome = Outcome {
                    sender: side,
                    quarantine: fx.quarantine.into_iter().collect(),
                    notices: fx.notices,
                    pin_changes: fx.pin_changes,
                    audit,
                    fail_closed,
                    ..Outcome::default()
                };
                match verdict {
                    Verdict::Forward => outcome.forward = Some(Checked::unchanged(frame)),
                    Verdict::Rewrite(bytes) => outcome.forward = Some(Checked::rewritten(bytes)),
                    Verdict::Hold(ticket) => {
                        outcome.notices.push(Notice::info(format!(
                            "holding a call of `{}` for approval: {}",
                            ticket.tool, ticket.reason
                        )));
                        outcome.hold = Some(ticket);
                    }
                    Verdict::Resolved(id, resolution) => outcome.resolved = Some((id, resolution)),
                    Verdict::Refuse(reply, notice) => {
                        outcome.reply = reply;
                        outcome.notices.push(notice);
                    }
                }
                outcome
            }
            Ok(Decoded::Batch(items)) => batch::on_batch(self, side, s, frame, items),
        }
    }

    /// Refuses a frame that could not be decoded. If it looks like the answer to a request the
    /// other side is waiting for, that side gets an error for its request (and stops waiting);
    /// otherwise the sender gets an error for whatever id could be read.
    fn refuse_frame(
        &self,
        side: Side,
        s: &mut Session,
        err: &ProtoError,
        bytes: &[u8],
    ) -> Outcome<'static> {
        let shape = top_level(bytes);
        let id = shape.id.and_then(IdKey::from_raw);
        let sender = side.name();
        if let (Some(id), true, false) = (&id, shape.has_outcome, shape.has_method) {
            if let Some(pending) = waiting_on(side, s).remove(id) {
                let reply = error_response(
                    Some(id),
                    err.code(),
                    &format!(
                        "mcpguard: the {sender}'s answer to {} was refused: {err}",
                        pending.method
                    ),
                    json!({ "mcpguard": { "kind": err.kind() } }),
                );
                return Outcome {
                    sender: side,
                    forward: Some(Checked::rewritten(reply)),
                    reply: None,
                    notices: vec![Notice::warn(format!(
                        "refused a response from the {sender} (id {id}): {err}"
                    ))],
                    ..Outcome::default()
                };
            }
        }
        let audit = if self.config.audit {
            let id_text = id.as_ref().map(IdKey::as_json);
            vec![crate::audit::for_refused_frame(
                side,
                id_text,
                err.kind(),
                &err.to_string(),
            )]
        } else {
            Vec::new()
        };
        Outcome {
            sender: side,
            forward: None,
            reply: Some(proto_error_response(id.as_ref(), err)),
            notices: vec![Notice::warn(format!(
                "refused a message from the {sender}: {err}"
            ))],
            audit,
            ..Outcome::default()
        }
    }

    /// The rules for one decoded message (alone or inside a batch).
    pub(crate) fn on_message(
        &self,
        side: Side,
        s: &mut Session,
        m: &Message<'_>,
        fx: &mut Effects,
    ) -> Verdict {
        let sender = side.name();
        match m.kind {
            Kind::Request => {
                let Some(id) = m.id.clone() else {
                    return refuse_request(None, "a request needs an id", sender);
                };
                let own = sent_by(side, s);
                if own.contains(&id) {
                    return refuse_request(
                        Some(&id),
                        &format!(
                            "duplicate request id {id}: a request with this id is still in flight"
                        ),
                        sender,
                    );
                }
                if own.len() >= self.config.max_in_flight {
                    let why = format!(
                        "too many requests in flight (limit {})",
                        self.config.max_in_flight
                    );
                    return refuse_request(Some(&id), &why, sender);
                }
                let mut policy_hold = None;
                let mut rewritten = None;
                // what a use request names, when its answer will be inspected
                let target = (side == Side::Client
                    && self.config.inspector.is_some()
                    && crate::results::inspected(m.method()))
                .then(|| crate::flows::target_of(m))
                .flatten();
                if side == Side::Client {
                    if let Some(engine) = &self.config.policy {
                        if let Some(call) =
                            crate::enforce::on_client_request(&self.config, engine, s, m, fx)
                        {
                            if let Some(refused) = fold(call, &id, &mut policy_hold, fx) {
                                return refused;
                            }
                        }
                    }
                    if m.method() == "tools/call" {
                        // Like the answers' inspection: a panic in the check refuses this
                        // call and the session goes on.
                        let checked =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                crate::results::check_arguments(&self.config, s, m, fx)
                            }))
                            .unwrap_or_else(|_| Some(crate::results::arguments_check_failed(s)));
                        if let Some((message, data)) = checked {
                            return denied(&id, message, data);
                        }
                        if let Some(call) = target
                            .as_deref()
                            .and_then(|tool| crate::flows::check_sink(&self.config, s, tool, m, fx))
                        {
                            if let Some(refused) = fold(call, &id, &mut policy_hold, fx) {
                                return refused;
                            }
                        }
                    }
                    if let Err(why) = handshake::client_request(s, m) {
                        return refuse_request(Some(&id), &why, sender);
                    }
                    if let Some(pins) = &s.pins {
                        if let Err(b) = listing::check_request(pins, m) {
                            return denied(&id, b.message, b.data);
                        }
                    }
                } else {
                    if let Err(b) = listing::check_server_request(s, m) {
                        return denied(&id, b.message, b.data);
                    }
                    if let Some(ask) = crate::enforce::on_server_request(&self.config, s, m) {
                        fx.findings = ask.findings;
                        if let Some(refused) = fold(ask.call, &id, &mut policy_hold, fx) {
                            return refused;
                        }
                        rewritten = ask.rewritten;
                    }
                }
                let paged = m.method().ends_with("/list") && has_cursor(m);
                let hold = self.hold_ticket(side, s, m, &id, policy_hold, rewritten.as_deref());
                sent_by(side, s).insert(id.clone(), m.method(), paged);
                if let Some(target) = target {
                    s.from_client.set_target(&id, target);
                }
                crate::enforce::record_call(s, fx);
                match (hold, rewritten) {
                    (Some(ticket), _) => Verdict::Hold(ticket),
                    (None, Some(bytes)) => Verdict::Rewrite(bytes),
                    (None, None) => Verdict::Forward,
                }
            }
            Kind::Notification => {
                if side == Side::Client {
                    handshake::client_notification(s, m);
                } else if let Err(why) = listing::check_server_notification(s, m) {
                    return Verdict::Refuse(
                        None,
                        Notice::warn(format!("dropped {} from the server: {why}", m.method())),
                    );
                }
                Verdict::Forward
            }
            Kind::Response | Kind::ErrorResponse => {
                let Some(id) = &m.id else {
                    // An error about a message the sender could not parse: nothing to match, but
                    // the other side may still want to know.
                    return Verdict::Forward;
                };
                match waiting_on(side, s).remove(id) {
                    Some(pending)
                        if side == Side::Client
                            && pending.method == crate::approval::ASK_METHOD =>
                    {
                        let approval_id = s.approvals.asking.remove(id).unwrap_or_default();
                        let result: Option<serde_json::Value> =
                            m.result.and_then(|r| serde_json::from_str(r.get()).ok());
                        Verdict::Resolved(
                            approval_id,
                            crate::approval::read_answer(result.as_ref()),
                        )
                    }
                    Some(pending) => {
                        if side == Side::Server {
                            handshake::server_response(s, &pending.method, m);
                            if let Some(error) =
                                listing::check_server_answer(s, &pending.method, m, fx)
                            {
                                return Verdict::Rewrite(error);
                            }
                            if m.kind == Kind::Response {
                                if let Some(bytes) = listing::on_listing(
                                    &self.config,
                                    s,
                                    &pending.method,
                                    pending.paged,
                                    m,
                                    fx,
                                ) {
                                    return Verdict::Rewrite(bytes);
                                }
                                if crate::results::inspected(&pending.method) {
                                    fx.result_of =
                                        Some((pending.method.clone(), pending.target.clone()));
                                    // A panic in the inspection (a bug met an unforeseen
                                    // answer) blocks this answer with an error and the
                                    // session goes on: fail closed, not down.
                                    let inspected = std::panic::catch_unwind(
                                        std::panic::AssertUnwindSafe(|| {
                                            crate::results::on_result(
                                                &self.config,
                                                s,
                                                &pending.method,
                                                pending.target.as_deref(),
                                                m,
                                                fx,
                                            )
                                        }),
                                    );
                                    match inspected {
                                        Ok(Some(ResultAction::Rewrite(bytes)))
                                        | Ok(Some(ResultAction::Block(bytes))) => {
                                            return Verdict::Rewrite(bytes)
                                        }
                                        Ok(None) => {}
                                        Err(_) => {
                                            return Verdict::Rewrite(
                                                crate::results::inspection_failed(
                                                    id,
                                                    &s.server_label(),
                                                    pending.target.as_deref().unwrap_or("?"),
                                                ),
                                            )
                                        }
                                    }
                                }
                            }
                        }
                        Verdict::Forward
                    }
                    None => {
                        let why = format!("response to unknown request id {id} (dropped)");
                        let reply = error_response(
                            None,
                            INVALID_REQUEST,
                            &format!("mcpguard: {why}"),
                            json!({ "mcpguard": { "kind": "unknown_id", "id": id.as_json() } }),
                        );
                        Verdict::Refuse(Some(reply), Notice::warn(format!("{sender} sent a {why}")))
                    }
                }
            }
        }
    }
}

/// Does a list request ask for a later page?
fn has_cursor(m: &Message<'_>) -> bool {
    #[derive(serde::Deserialize)]
    struct Cursor {
        cursor: Option<serde::de::IgnoredAny>,
    }
    m.params
        .and_then(|p| serde_json::from_str::<Cursor>(p.get()).ok())
        .is_some_and(|c| c.cursor.is_some())
}

/// What replaces a message whose effects cannot be recorded: a request is answered with an error
/// to its sender; a response is replaced by an error to the receiver, who waits for it.
fn fail_closed_for(m: &Message<'_>) -> Option<crate::FailClosed> {
    let id = m.id.as_ref()?;
    match m.kind {
        Kind::Request => Some(crate::FailClosed::ToSender(unrecorded_error(id))),
        Kind::Response | Kind::ErrorResponse => {
            Some(crate::FailClosed::ToReceiver(unrecorded_error(id)))
        }
        Kind::Notification => None,
    }
}

/// The error a receiver gets when pin changes could not be recorded (the store is down).
fn unrecorded_error(id: &IdKey) -> Vec<u8> {
    error_response(
        Some(id),
        DENIED,
        "mcpguard: withheld because its pin changes or audit record could not be recorded (the store is unavailable)",
        json!({ "mcpguard": { "kind": "store_unavailable" } }),
    )
}

/// Requests sent by `side`, keyed by its ids.
fn sent_by(side: Side, s: &mut Session) -> &mut InFlight {
    match side {
        Side::Client => &mut s.from_client,
        Side::Server => &mut s.from_server,
    }
}

/// Requests that `side` is expected to answer (those the other side sent).
fn waiting_on(side: Side, s: &mut Session) -> &mut InFlight {
    match side {
        Side::Client => &mut s.from_server,
        Side::Server => &mut s.from_client,
    }
}

/// Folds one rule set's answer into the request's decision: a denial gives the refusal to send
/// (`Some`), an approval holds the request (the first reason given is the one shown), and every
/// rule that spoke is audited.
fn fold(
    call: PolicyCall,
    id: &IdKey,
    hold: &mut Option<String>,
    fx: &mut Effects,
) -> Option<Verdict> {
    match call {
        PolicyCall::Allow(rules) => fx.rules.extend(rules),
        PolicyCall::Approve(reason, rules) => {
            hold.get_or_insert(reason);
            fx.rules.extend(rules);
        }
        PolicyCall::Deny(message, data) => return Some(denied(id, message, data)),
    }
    None
}

/// A request refused by a rule: the error for its sender, and the same words for the log.
fn denied(id: &IdKey, message: String, data: serde_json::Value) -> Verdict {
    let reply = error_response(Some(id), DENIED, &message, data);
    Verdict::Refuse(Some(reply), Notice::warn(message))
}

fn refuse_request(id: Option<&IdKey>, why: &str, sender: &str) -> Verdict {
    let reply = error_response(
        id,
        INVALID_REQUEST,
        &format!("mcpguard: {why}"),
        json!({ "mcpguard": { "kind": "refused" } }),
    );
    Verdict::Refuse(
        Some(reply),
        Notice::info(format!("refused a request from the {sender}: {why}")),
    )
}
