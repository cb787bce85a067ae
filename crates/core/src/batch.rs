//! JSON-RPC batches (protocol version 2025-03-26 only): every element passes the gate on its own.
//!
//! What passes is forwarded — as the original bytes when everything passed, otherwise as a new
//! array of the passing elements' own text — and the refusals go back to the sender as one array.

use mcpguard_proto::codes::INVALID_REQUEST;
use mcpguard_proto::reply::{error_response, proto_error_response};
use mcpguard_proto::version::allows_batches;
use mcpguard_proto::{IdKey, Message, ProtoError};
use serde_json::json;

use crate::gate::{Gate, Side, Verdict};
use crate::outcome::{Checked, Notice, Outcome};
use crate::session::Session;

type Item<'a> = Result<Message<'a>, (ProtoError, Option<IdKey>)>;

pub(crate) fn on_batch<'a>(
    gate: &Gate,
    side: Side,
    s: &mut Session,
    frame: &'a [u8],
    items: Vec<Item<'a>>,
) -> Outcome<'a> {
    let version = s.protocol_version().unwrap_or("(none yet)").to_owned();
    if !allows_batches(&version) {
        let why = format!(
            "JSON-RPC batches are allowed only in protocol version 2025-03-26, not {version}"
        );
        let reply = error_response(
            None,
            INVALID_REQUEST,
            &format!("mcpguard: {why}"),
            json!({ "mcpguard": { "kind": "batch_not_allowed" } }),
        );
        return Outcome {
            sender: side,
            forward: None,
            reply: Some(reply),
            notices: vec![Notice::warn(format!(
                "refused a batch from the {}: {why}",
                side.name()
            ))],
            ..Outcome::default()
        };
    }
    let total = items.len();
    let mut passed: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(total);
    let mut unchanged = 0usize;
    let mut fx = crate::listing::Effects::default();
    let mut replies: Vec<Vec<u8>> = Vec::new();
    let mut notices = Vec::new();
    let mut audit = Vec::new();
    let mut quarantine = Vec::new();
    for item in items {
        match item {
            Ok(m) => match judged(gate, side, s, &m, &mut fx, &mut audit, &mut quarantine) {
                Verdict::Forward => {
                    unchanged += 1;
                    passed.push(m.raw.into());
                }
                Verdict::Rewrite(bytes) => {
                    passed.push(String::from_utf8_lossy(&bytes).into_owned().into())
                }
                Verdict::Hold(ticket) => {
                    // a held call cannot wait inside a batch: refuse it alone
                    sent_by_client_remove(s, &ticket.request_id);
                    replies.push(error_response(
                        Some(&ticket.request_id),
                        mcpguard_proto::codes::DENIED,
                        "mcpguard: a call that needs approval cannot be sent in a batch",
                        json!({ "mcpguard": { "kind": "not_approved" } }),
                    ));
                }
                Verdict::Resolved(..) => {}
                Verdict::Refuse(reply, notice) => {
                    replies.extend(reply);
                    notices.push(notice);
                }
            },
            Err((err, id)) => {
                replies.push(proto_error_response(id.as_ref(), &err));
                notices.push(Notice::warn(format!(
                    "refused a batch element from the {}: {err}",
                    side.name()
                )));
            }
        }
    }
    notices.extend(fx.notices);
    let forward = if unchanged == total {
        Some(Checked::unchanged(frame))
    } else if passed.is_empty() {
        None
    } else {
        Some(Checked::rewritten(join_array(
            passed.iter().map(|t| t.as_bytes()),
        )))
    };
    let reply = (!replies.is_empty()).then(|| join_array(replies.iter().map(Vec::as_slice)));
    if gate.config().audit {
        audit.extend(fx.pin_changes.iter().map(crate::audit::for_pin_change));
    }
    for ev in &mut audit {
        ev.principal = s.principal().map(str::to_owned);
    }
    // A batch's records have no single request to fail: withhold the whole batch instead.
    let recorded = !fx.pin_changes.is_empty() || !audit.is_empty() || !quarantine.is_empty();
    let fail_closed = recorded.then(|| {
        crate::FailClosed::ToSender(error_response(
            None,
            mcpguard_proto::codes::DENIED,
            "mcpguard: a batch was withheld because its pin changes or audit records could not be recorded",
            json!({ "mcpguard": { "kind": "store_unavailable" } }),
        ))
    });
    Outcome {
        sender: side,
        forward,
        reply,
        notices,
        pin_changes: fx.pin_changes,
        audit,
        quarantine,
        fail_closed,
        ..Outcome::default()
    }
}

fn join_array<'b>(parts: impl Iterator<Item = &'b [u8]>) -> Vec<u8> {
    let mut out = vec![b'['];
    for (i, part) in parts.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(part);
    }
    out.push(b']');
    out
}

fn sent_by_client_remove(s: &mut Session, id: &IdKey) {
    s.from_client.remove(id);
}

/// One element's verdict, with its audit events and quarantined content (policy rules, findings
/// and result actions are per element).
fn judged(
    gate: &Gate,
    side: Side,
    s: &mut Session,
    m: &mcpguard_proto::Message<'_>,
    fx: &mut crate::listing::Effects,
    audit: &mut Vec<crate::audit::AuditEvent>,
    quarantine: &mut Vec<crate::results::Quarantine>,
) -> Verdict {
    fx.rules.clear();
    fx.findings.clear();
    fx.result_actions.clear();
    fx.result_of = None;
    let verdict = gate.on_message(side, s, m, fx);
    quarantine.extend(fx.quarantine.take());
    if gate.config().audit {
        audit.extend(crate::audit::for_result(m, fx));
        audit.extend(
            crate::audit::for_request(side, m, &verdict, fx)
                .map(|ev| crate::audit::with_arguments(ev, m, gate.config())),
        );
    }
    verdict
}
