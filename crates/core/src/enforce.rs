//! Least privilege at run time: the policy engine's decision on every request that acts — a tool
//! call, a prompt, a resource read from the client; sampling and elicitation from the server — and
//! the same decision on every listing (what may not be used is not listed either).
//!
//! Server requests to the client also get the gate's own treatment with or without a policy:
//! their origin is tagged in `params._meta` so the client can show who asks, and an elicitation
//! form that asks the user for a secret needs the user's approval through mcpguard first.

use std::sync::Arc;

use mcpguard_policy::{Annotations, Decision, Engine, Request, Verdict as PolicyVerdict};
use mcpguard_proto::Message;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::gate::GateConfig;
use crate::listing::Effects;
use crate::session::Session;

/// The `_meta` key under which the gate tags a server's request with its origin.
pub const ORIGIN_META: &str = "io.mcpguard/origin";

/// What the policy says about one request.
pub(crate) enum PolicyCall {
    /// Go ahead; the rules that allowed it (for the audit record).
    Allow(Vec<String>),
    /// Refused: the message and the error data.
    Deny(String, Value),
    /// Needs a human: the reason for the approval form, and the rules that asked for it.
    Approve(String, Vec<String>),
}

/// What a use request names and passes (`tools/call`, `prompts/get`, `resources/read`), owned:
/// the policy and the audit record both keep it.
#[derive(Deserialize)]
pub(crate) struct Target {
    pub name: Option<String>,
    pub uri: Option<String>,
    pub arguments: Option<Value>,
}

impl Target {
    pub(crate) fn of(m: &Message<'_>) -> Option<Target> {
        m.params.and_then(|p| serde_json::from_str(p.get()).ok())
    }
}

fn rule_ids(decision: &Decision) -> Vec<String> {
    decision
        .rules
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect()
}

/// The policy's decision on a client request it governs (`None` for methods it does not).
pub(crate) fn on_client_request(
    config: &GateConfig,
    engine: &Arc<Engine>,
    s: &mut Session,
    m: &Message<'_>,
    fx: &mut Effects,
) -> Option<PolicyCall> {
    let method = m.method();
    let (what, field) = match method {
        "tools/call" => ("tool", "name"),
        "prompts/get" => ("prompt", "name"),
        "resources/read" | "resources/subscribe" => ("resource", "uri"),
        _ => return None,
    };
    let target = Target::of(m);
    let (item, arguments) = match target {
        Some(Target {
            name: Some(name),
            arguments,
            ..
        }) if field == "name" => (name, arguments),
        Some(Target { uri: Some(uri), .. }) if field == "uri" => (uri, None),
        _ => {
            return Some(PolicyCall::Deny(
                format!("mcpguard: a {method} without a {what} {field}"),
                json!({ "mcpguard": { "kind": "policy_denied" } }),
            ))
        }
    };
    let server = s.server_label();
    let principal = s.principal().unwrap_or("").to_owned();
    let taint = s.flows.labels();
    let decision = match method {
        "tools/call" => {
            let now = config.clock.now();
            let annotations = s
                .approvals
                .annotations
                .get(&item)
                .map(Annotations::from_tool)
                .unwrap_or_default();
            let findings = s.findings.get(&item).map(Vec::as_slice).unwrap_or(&[]);
            let request = Request::call_tool(&server, &item, arguments.as_ref())
                .with_annotations(annotations)
                .with_counts(s.rate.counts(&server, &item, now))
                .with_findings(findings)
                .with_taint(&taint)
                .with_approved(s.approvals.remembered.contains(&item))
                .with_principal(&principal);
            let decision = engine.evaluate(&request);
            // counted once every other check has passed too (see `record_call`)
            fx.rate_mark = Some((server.clone(), item.clone(), now));
            decision
        }
        "prompts/get" => engine.evaluate(
            &Request::get_prompt(&server, &item, arguments.as_ref())
                .with_taint(&taint)
                .with_principal(&principal),
        ),
        _ => engine.evaluate(
            &Request::read_resource(&server, &item)
                .with_taint(&taint)
                .with_principal(&principal),
        ),
    };
    let subject = format!("{what} `{item}` of server `{server}`");
    Some(from_decision(
        &decision,
        &subject,
        json!({ "server": server, what: item }),
    ))
}

/// Counts a call that goes ahead (forwarded or held) against the rate limits.
pub(crate) fn record_call(s: &mut Session, fx: &mut Effects) {
    if let Some((server, tool, at)) = fx.rate_mark.take() {
        s.rate.record(&server, &tool, at);
    }
}

/// What the gate does with a server's `sampling/createMessage` or `elicitation/create`.
pub(crate) struct ServerAsk {
    pub call: PolicyCall,
    /// The request as it goes to the client: origin tagged, `maxTokens` capped.
    pub rewritten: Option<Vec<u8>>,
    /// Detection findings about the request (rule id, severity), for the audit record.
    pub findings: Vec<(String, String)>,
}

/// Judges a server's sampling or elicitation request (`None` for other methods).
pub(crate) fn on_server_request(
    config: &GateConfig,
    s: &Session,
    m: &Message<'_>,
) -> Option<ServerAsk> {
    let method = m.method();
    if !matches!(method, "sampling/createMessage" | "elicitation/create") {
        return None;
    }
    let server = s.server_label();
    let mut message: Value = serde_json::from_str(m.raw).ok()?;
    let params = message.get_mut("params")?.as_object_mut()?;
    let mut findings = Vec::new();
    let mut call = if method == "sampling/createMessage" {
        let asked = params.get("maxTokens").and_then(Value::as_u64);
        match &config.policy {
            Some(engine) => {
                let principal = s.principal().unwrap_or("");
                let decision =
                    engine.evaluate(&Request::sample(&server, asked).with_principal(principal));
                if let (Some(cap), Some(asked)) = (engine.sampling(&server).max_tokens, asked) {
                    if asked > cap && decision.verdict != PolicyVerdict::Deny {
                        params.insert("maxTokens".into(), json!(cap));
                    }
                }
                from_decision(
                    &decision,
                    &format!("sampling/createMessage from server `{server}`"),
                    json!({ "server": server, "method": "sampling/createMessage" }),
                )
            }
            None => PolicyCall::Allow(Vec::new()),
        }
    } else {
        let mut call = match &config.policy {
            Some(engine) => from_decision(
                &engine.evaluate(
                    &Request::elicit(&server).with_principal(s.principal().unwrap_or("")),
                ),
                &format!("elicitation/create from server `{server}`"),
                json!({ "server": server, "method": "elicitation/create" }),
            ),
            None => PolicyCall::Allow(Vec::new()),
        };
        if let Some(what) = mcpguard_detect::elicit::secret_request(&Value::Object(params.clone()))
        {
            findings.push(("elicitation.secret_request".to_owned(), "high".to_owned()));
            // a form that asks the user for a secret needs the user's word through mcpguard first
            if let PolicyCall::Allow(mut rules) = call {
                rules.push("elicitation.secret_request".to_owned());
                call = PolicyCall::Approve(
                    format!("server `{server}` asks the user for a secret ({what})"),
                    rules,
                );
            }
        }
        call
    };
    if method == "sampling/createMessage" {
        if let Some(inspector) = &config.inspector {
            // a server that smuggles instructions into the client's model through sampling
            let texts = sampling_texts(params);
            if let Some(inj) = texts
                .iter()
                .filter_map(|t| inspector.injection(t))
                .find(|i| i.block)
            {
                findings.extend(inj.findings.iter().cloned());
                let rules: Vec<String> = inj.findings.iter().map(|(r, _)| r.clone()).collect();
                let message = format!(
                    "mcpguard: sampling/createMessage from server `{server}` refused: its messages carry instructions aimed at the model ({})",
                    inj.summary
                );
                call = PolicyCall::Deny(
                    message,
                    json!({ "mcpguard": { "kind": "sampling_injection", "server": server, "rules": rules } }),
                );
            }
        }
    }
    let meta = params
        .entry("_meta")
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(meta) = meta.as_object_mut() {
        meta.insert(
            ORIGIN_META.to_owned(),
            json!({ "server": server, "checkedBy": "mcpguard" }),
        );
    }
    Some(ServerAsk {
        call,
        rewritten: serde_json::to_vec(&message).ok(),
        findings,
    })
}

/// The policy's decision as the gate acts on it. `subject` names what was asked for in the
/// message ("tool `x` of server `s`"); `data` says the same for the error (`rules`, `reason` and
/// `kind` are added).
fn from_decision(decision: &Decision, subject: &str, mut data: Value) -> PolicyCall {
    let rules = rule_ids(decision);
    match decision.verdict {
        PolicyVerdict::Allow => PolicyCall::Allow(rules),
        PolicyVerdict::Approve => PolicyCall::Approve(
            format!(
                "the policy asks for approval: {} ({})",
                decision.reason,
                rules.join(", ")
            ),
            rules,
        ),
        PolicyVerdict::Deny => {
            let message = format!(
                "mcpguard: the policy denies {subject}: {} (rules: {})",
                decision.reason,
                rules.join(", ")
            );
            if let Some(d) = data.as_object_mut() {
                d.insert("kind".into(), json!("policy_denied"));
                d.insert("rules".into(), json!(rules));
                d.insert("reason".into(), json!(decision.reason));
            }
            PolicyCall::Deny(message, json!({ "mcpguard": data }))
        }
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

/// Removes prompts (`prompts/list`) or resources (`resources/list`) the policy denies.
pub(crate) fn filter_items(
    engine: &Arc<Engine>,
    s: &Session,
    method: &str,
    items: &mut Vec<Value>,
) -> usize {
    let server = s.server_label();
    let before = items.len();
    match method {
        "prompts/list" => items.retain(|p| {
            p.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| engine.visible_prompt(&server, n))
        }),
        "resources/list" => items.retain(|r| {
            r.get("uri")
                .and_then(Value::as_str)
                .is_some_and(|u| engine.visible_resource(&server, u))
        }),
        _ => {}
    }
    before - items.len()
}

/// The texts of a sampling request the model will read: the system prompt and every text content
/// of its messages (a content is one object or, since 2025-11-25, an array of them).
fn sampling_texts(params: &serde_json::Map<String, Value>) -> Vec<&str> {
    let mut out = Vec::new();
    if let Some(s) = params.get("systemPrompt").and_then(Value::as_str) {
        out.push(s);
    }
    for m in params
        .get("messages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let contents = match m.get("content") {
            Some(Value::Array(items)) => items.iter().collect::<Vec<_>>(),
            Some(c) => vec![c],
            None => Vec::new(),
        };
        out.extend(
            contents
                .into_iter()
                .filter_map(|c| c.get("text").and_then(Value::as_str)),
        );
    }
    out
}
