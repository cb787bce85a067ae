//! What the gate tells the audit log: one event per decision that matters, built here (where the
//! decision is made) and made durable by the gateway before the decision takes effect.
//!
//! Audited: client requests that act (`tools/call`, `prompts/get`, `resources/read`,
//! `resources/subscribe`, `completion/complete`), server requests to the client (`sampling/createMessage`,
//! `elicitation/create`, `roots/list`), every pin change, every decision on a held call, and every
//! refused frame. Not audited: pings, listings (their pin changes are), notifications, responses.

use mcpguard_proto::Message;
use mcpguard_store::audit::{args_digest, Direction, Verdict as AuditVerdict};
use mcpguard_store::{ItemKind, PinChange};
use serde_json::Value;

use crate::enforce::Target;
use crate::gate::{Side, Verdict};

/// One decision, as the gate knows it (the gateway adds session, server, time and latency).
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEvent {
    pub direction: Direction,
    pub method: String,
    pub tool: Option<String>,
    pub request_id: Option<String>,
    pub args_digest: Option<String>,
    pub rules: Vec<String>,
    /// Detection findings behind the decision: (rule id, severity).
    pub findings: Vec<(String, String)>,
    /// The call's arguments, credentials redacted (only with `GateConfig::audit_arguments`).
    pub args: Option<Value>,
    /// The client's self-declared name (`clientInfo.name`), when known.
    pub principal: Option<String>,
    pub verdict: AuditVerdict,
    pub reason: String,
}

fn audited(side: Side, method: &str) -> bool {
    match side {
        Side::Client => matches!(
            method,
            "tools/call"
                | "prompts/get"
                | "resources/read"
                | "resources/subscribe"
                | "completion/complete"
        ),
        Side::Server => matches!(
            method,
            "sampling/createMessage" | "elicitation/create" | "roots/list"
        ),
    }
}

fn direction(side: Side) -> Direction {
    match side {
        Side::Client => Direction::Client,
        Side::Server => Direction::Server,
    }
}

/// The rules behind a refusal, from the error's `data.mcpguard`: `gate.<kind>`, then the policy
/// rules it names.
fn refusal_rule(reply: Option<&Vec<u8>>) -> Vec<String> {
    let Some(data) = reply
        .and_then(|r| serde_json::from_slice::<Value>(r).ok())
        .and_then(|v| v.pointer("/error/data/mcpguard").cloned())
    else {
        return Vec::new();
    };
    let kind = data.get("kind").and_then(Value::as_str);
    let named = data
        .get("rules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    kind.map(|k| format!("gate.{k}"))
        .into_iter()
        .chain(named.map(str::to_owned))
        .collect()
}

/// The event for a request the gate decided on, if it is one that is audited.
pub(crate) fn for_request(
    side: Side,
    m: &Message<'_>,
    verdict: &Verdict,
    fx: &crate::listing::Effects,
) -> Option<AuditEvent> {
    if !audited(side, m.method()) {
        return None;
    }
    let target = Target::of(m);
    let (tool, digest) = match target {
        Some(t) => (t.name.or(t.uri), t.arguments.as_ref().and_then(args_digest)),
        None => (None, None),
    };
    let (verdict, rules, reason) = match verdict {
        Verdict::Forward | Verdict::Rewrite(_) => (
            AuditVerdict::Allow,
            fx.rules.clone(),
            "passed every check".to_owned(),
        ),
        Verdict::Hold(t) if fx.rules.is_empty() => (
            AuditVerdict::Hold,
            vec!["approval.destructive".to_owned()],
            t.reason.clone(),
        ),
        Verdict::Hold(t) => (AuditVerdict::Hold, fx.rules.clone(), t.reason.clone()),
        Verdict::Refuse(reply, notice) => (
            AuditVerdict::Deny,
            refusal_rule(reply.as_ref()),
            notice.text.clone(),
        ),
        Verdict::Resolved(..) => return None,
    };
    Some(AuditEvent {
        direction: direction(side),
        method: m.method().to_owned(),
        tool,
        request_id: m.id.as_ref().map(|i| i.as_json().to_owned()),
        args_digest: digest,
        rules,
        findings: fx.findings.clone(),
        args: None,
        principal: None,
        verdict,
        reason,
    })
}

/// A frame refused before it could be read as a message.
pub(crate) fn for_refused_frame(
    side: Side,
    id: Option<&str>,
    kind: &str,
    reason: &str,
) -> AuditEvent {
    AuditEvent {
        direction: direction(side),
        method: String::new(),
        tool: None,
        request_id: id.map(str::to_owned),
        args_digest: None,
        rules: vec![format!("gate.{kind}")],
        findings: Vec::new(),
        args: None,
        principal: None,
        verdict: AuditVerdict::Deny,
        reason: reason.to_owned(),
    }
}

fn listing_method(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Tool => "tools/list",
        ItemKind::Prompt => "prompts/list",
        ItemKind::ResourceTemplate => "resources/templates/list",
        ItemKind::Instructions => "initialize",
    }
}

/// A pin change observed in a listing.
pub(crate) fn for_pin_change(change: &PinChange) -> AuditEvent {
    let (kind, name, reason, hash) = match change {
        PinChange::Trust { kind, name, item } => (
            *kind,
            name,
            "trusted on first use".to_owned(),
            Some(item.hash.clone()),
        ),
        PinChange::Hold {
            kind,
            name,
            reason,
            item,
            note,
        } => {
            let why = if note.is_empty() {
                reason.as_str().to_owned()
            } else {
                format!("{}: {note}", reason.as_str())
            };
            (
                *kind,
                name,
                format!("held for review ({why})"),
                item.as_ref().map(|i| i.hash.clone()),
            )
        }
    };
    AuditEvent {
        direction: Direction::Server,
        method: listing_method(kind).to_owned(),
        tool: Some(format!("{} {name}", kind.as_str())),
        request_id: None,
        args_digest: hash,
        rules: vec!["pins".to_owned()],
        findings: Vec::new(),
        args: None,
        principal: None,
        verdict: AuditVerdict::PinChange,
        reason,
    }
}

/// A decision on a held call.
pub(crate) fn for_resolution(
    tool: &str,
    request_id: &str,
    approved: bool,
    reason: &str,
) -> AuditEvent {
    AuditEvent {
        direction: Direction::Local,
        method: "tools/call".to_owned(),
        tool: Some(tool.to_owned()),
        request_id: Some(request_id.to_owned()),
        args_digest: None,
        rules: vec!["approval.destructive".to_owned()],
        findings: Vec::new(),
        args: None,
        principal: None,
        verdict: if approved {
            AuditVerdict::Approve
        } else {
            AuditVerdict::Reject
        },
        reason: reason.to_owned(),
    }
}

/// The event for an answer whose content the gate changed or withheld (secrets redacted,
/// hidden characters stripped, injected text spotlighted, content quarantined or blocked).
pub(crate) fn for_result(m: &Message<'_>, fx: &crate::listing::Effects) -> Option<AuditEvent> {
    if fx.result_actions.is_empty() {
        return None;
    }
    let (method, target) = fx.result_of.clone()?;
    let verdict = if fx.result_actions.contains(&"block") {
        AuditVerdict::Deny
    } else if fx.result_actions.contains(&"quarantine") {
        AuditVerdict::parse("quarantine")
    } else {
        AuditVerdict::Redact
    };
    let reason = match &fx.quarantine {
        Some(q) => format!("quarantined as {}: {}", q.id, q.reason),
        None => format!("result {}", fx.result_actions.join(", ")),
    };
    Some(AuditEvent {
        direction: Direction::Server,
        method,
        tool: target,
        request_id: m.id.as_ref().map(|i| i.as_json().to_owned()),
        args_digest: None,
        rules: fx
            .result_actions
            .iter()
            .map(|a| format!("content.{a}"))
            .collect(),
        findings: fx.findings.clone(),
        args: None,
        principal: None,
        verdict,
        reason,
    })
}

/// The event with the request's arguments in it, credentials redacted, when the configuration
/// asks for arguments in the log.
pub(crate) fn with_arguments(
    mut ev: AuditEvent,
    m: &Message<'_>,
    config: &crate::GateConfig,
) -> AuditEvent {
    if !config.audit_arguments {
        return ev;
    }
    let target = Target::of(m);
    if let Some(mut args) = target.and_then(|t| t.arguments) {
        mcpguard_detect::secrets::SecretScanner::shared().redact_json(&mut args);
        ev.args = Some(args);
    }
    ev
}
