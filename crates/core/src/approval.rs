//! Calls held for a human decision.
//!
//! A call that needs approval (today: a tool its server marks `destructiveHint: true`; the policy
//! engine's `approve` verdicts will use the same path) is not forwarded. The gate hands the gateway
//! a [`HoldTicket`]; the gateway records it in the store and then either the client is asked in-band
//! with an `elicitation/create` form (when it declared elicitation, outside the stateless era), or
//! the call waits for `mcpguard approve|deny ID` from another terminal, up to a timeout. Either way
//! the decision comes back through [`crate::Gate::resolve`], which forwards the held call unchanged
//! or answers the client with an error. Nothing reaches the server before a decision.

use std::collections::{HashMap, HashSet};

use mcpguard_proto::IdKey;
use mcpguard_store::Remember;
use serde_json::{json, Value};

/// A call the gate holds: what the gateway records and shows.
#[derive(Debug, Clone)]
pub struct HoldTicket {
    pub request_id: IdKey,
    pub tool: String,
    pub arguments: Value,
    pub reason: String,
    /// The policy rules that asked for approval.
    pub rules: Vec<String>,
    /// Who sent the held message (a client's call, or a server's sampling/elicitation request).
    pub from: crate::Side,
    pub(crate) raw: Vec<u8>,
}

/// The human decision on a held call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Approve(Remember),
    Deny(String),
}

#[derive(Debug)]
pub(crate) struct Held {
    pub request_id: IdKey,
    pub tool: String,
    pub raw: Vec<u8>,
    pub from: crate::Side,
}

/// Approval state of one session.
#[derive(Debug, Default)]
pub(crate) struct Approvals {
    /// Annotations of the tools the server listed, by name.
    pub annotations: HashMap<String, Value>,
    /// Tools approved for the rest of the session.
    pub remembered: HashSet<String>,
    /// Held calls by approval id.
    pub held: HashMap<i64, Held>,
    /// Our own elicitation requests to the client: their id → approval id.
    pub asking: HashMap<IdKey, i64>,
}

/// The method name under which the gate tracks its own elicitation requests in the server→client
/// id space (never sent as a method: only used to recognise the answer).
pub(crate) const ASK_METHOD: &str = "mcpguard/approval";

impl Approvals {
    /// Why a call of `tool` needs a human, if it does.
    pub fn needed(&self, tool: &str, destructive_needs_approval: bool) -> Option<String> {
        if self.remembered.contains(tool) || !destructive_needs_approval {
            return None;
        }
        let a = self.annotations.get(tool)?;
        let destructive = a.get("destructiveHint").and_then(Value::as_bool) == Some(true);
        let read_only = a.get("readOnlyHint").and_then(Value::as_bool) == Some(true);
        (destructive && !read_only)
            .then(|| "its server marks it destructive (destructiveHint)".to_owned())
    }

    /// Remembers the annotations of a tools/list result.
    pub fn learn(&mut self, tools: &[Value]) {
        for t in tools {
            if let Some(name) = t.get("name").and_then(Value::as_str) {
                let ann = t.get("annotations").cloned().unwrap_or(Value::Null);
                self.annotations.insert(name.to_owned(), ann);
            }
        }
    }
}

/// The elicitation form that asks the user about a held call.
pub(crate) fn ask(id: &str, approval_id: i64, server: &str, ticket: &HoldTicket) -> Vec<u8> {
    let (ticket_tool, arguments, reason) = (&ticket.tool, &ticket.arguments, &ticket.reason);
    let mut args = arguments.to_string();
    if args.len() > 600 {
        let cut = (0..=600)
            .rev()
            .find(|i| args.is_char_boundary(*i))
            .unwrap_or(0);
        args.truncate(cut);
        args.push('…');
    }
    let message = match ticket.from {
        crate::Side::Client => format!(
            "mcpguard (approval {approval_id}): server `{server}` wants to run `{ticket_tool}` because the model asked for it. \
             It needs your approval: {reason}. Arguments: {args}"
        ),
        crate::Side::Server => format!(
            "mcpguard (approval {approval_id}): server `{server}` sends `{ticket_tool}` on its own initiative. \
             It needs your approval: {reason}. Request: {args}"
        ),
    };
    let request = json!({
        "jsonrpc": "2.0",
        "id": id,
        "method": "elicitation/create",
        "params": {
            "message": message,
            "requestedSchema": {
                "type": "object",
                "properties": {
                    "decision": {
                        "type": "string",
                        "title": "Decision",
                        "enum": ["allow_once", "allow_session", "deny"],
                        "enumNames": ["Allow this call", "Allow this tool for the rest of the session", "Deny"]
                    }
                },
                "required": ["decision"]
            }
        }
    });
    request.to_string().into_bytes()
}

/// Reads the client's answer to our form. Anything but an explicit allow is a denial.
pub(crate) fn read_answer(result: Option<&Value>) -> Resolution {
    let action = result
        .and_then(|r| r.get("action"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let decision = result
        .and_then(|r| r.pointer("/content/decision"))
        .and_then(Value::as_str)
        .unwrap_or("");
    match (action, decision) {
        ("accept", "allow_once") => Resolution::Approve(Remember::Once),
        ("accept", "allow_session") => Resolution::Approve(Remember::Session),
        ("accept", _) => Resolution::Deny("the user denied it".into()),
        ("decline", _) => Resolution::Deny("the user declined".into()),
        ("cancel", _) => Resolution::Deny("the user dismissed the question".into()),
        _ => Resolution::Deny("the client gave no usable answer".into()),
    }
}
