//! Least privilege at run time: the policy engine's decision on every call, and the same
//! decision on every listing (a tool that may not be called is not listed either).

use std::sync::Arc;

use mcpguard_policy::{Annotations, Engine, Request, Verdict as PolicyVerdict};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::session::Session;

/// What the policy says about one client request.
pub(crate) enum PolicyCall {
    Allow,
    /// Refused: the message and the error data.
    Deny(String, Value),
    /// Needs a human: the reason for the approval form.
    Approve(String),
}

#[derive(Deserialize)]
struct Call {
    name: Option<String>,
    arguments: Option<Value>,
}

/// Evaluates a `tools/call` against the policy. `None` when the policy has no say (not a call).
pub(crate) fn on_call(engine: &Arc<Engine>, s: &Session, params: Option<&str>) -> PolicyCall {
    let call: Option<Call> = params.and_then(|p| serde_json::from_str(p).ok());
    let Some(Call {
        name: Some(tool),
        arguments,
    }) = call
    else {
        return PolicyCall::Deny(
            "mcpguard: a tools/call without a tool name".into(),
            json!({ "mcpguard": { "kind": "policy_denied" } }),
        );
    };
    let server = s.server_label();
    let annotations = s
        .approvals
        .annotations
        .get(&tool)
        .map(Annotations::from_tool)
        .unwrap_or_default();
    let request =
        Request::call_tool(&server, &tool, arguments.as_ref()).with_annotations(annotations);
    let decision = engine.evaluate(&request);
    let rules: Vec<String> = decision
        .rules
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect();
    match decision.verdict {
        PolicyVerdict::Allow => PolicyCall::Allow,
        PolicyVerdict::Approve => PolicyCall::Approve(format!(
            "the policy asks for approval: {} ({})",
            decision.reason,
            rules.join(", ")
        )),
        PolicyVerdict::Deny => PolicyCall::Deny(
            format!(
                "mcpguard: the policy denies `{tool}` of server `{server}`: {} (rules: {})",
                decision.reason,
                rules.join(", ")
            ),
            json!({ "mcpguard": { "kind": "policy_denied", "server": server, "tool": tool, "rules": rules, "reason": decision.reason } }),
        ),
    }
}

/// Removes from a tools/list result every tool the policy would not let the client call.
/// Returns how many were removed.
pub(crate) fn filter_listing(engine: &Arc<Engine>, s: &Session, tools: &mut Vec<Value>) -> usize {
    let server = s.server_label();
    let before = tools.len();
    tools.retain(|t| engine.visible(&server, t));
    before - tools.len()
}
