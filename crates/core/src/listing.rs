//! Where pins meet messages: listings are judged and filtered, uses of blocked items are refused.
//!
//! Listings: `tools/list`, `prompts/list`, `resources/templates/list`, and the `instructions` of
//! `initialize` / `server/discover` results. Uses: `tools/call`, `prompts/get`, `resources/read`.

use std::borrow::Cow;

use mcpguard_store::ItemKind;
use serde::Deserialize;
use serde_json::Value;

use crate::canonical::list_field;
use crate::gate::GateConfig;
use crate::outcome::Notice;
use crate::pins::PinState;
use crate::session::Session;
use mcpguard_proto::Message;
use mcpguard_store::PinChange;

/// Side effects gathered while judging one frame.
#[derive(Debug, Default)]
pub(crate) struct Effects {
    pub pin_changes: Vec<PinChange>,
    pub notices: Vec<Notice>,
    /// The policy rules behind the decision (for the audit record).
    pub rules: Vec<String>,
    /// Detection findings about the message: (rule id, severity).
    pub findings: Vec<(String, String)>,
    /// A tool call to count against the rate limits once it goes ahead: (server, tool, when).
    pub rate_mark: Option<(String, String, std::time::Instant)>,
    /// What the result inspection did (`redact`, `strip`, `spotlight`, `quarantine`, `block`).
    pub result_actions: Vec<&'static str>,
    /// The answer being inspected: (the request's method, the tool/prompt/resource it named).
    pub result_of: Option<(String, Option<String>)>,
    /// Content to keep out of the session (stored before the notice is forwarded).
    pub quarantine: Option<crate::results::Quarantine>,
}

#[derive(Deserialize)]
struct UseParams<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    uri: Option<Cow<'a, str>>,
}

/// A refusal of a client request on the grounds of pins: the message and its structured data.
pub(crate) struct Blocked {
    pub message: String,
    pub data: Value,
}

/// Checks a client request against the session's pins.
pub(crate) fn check_request(pins: &PinState, m: &Message<'_>) -> Result<(), Blocked> {
    let kind = match m.method() {
        "tools/call" => ItemKind::Tool,
        "prompts/get" => ItemKind::Prompt,
        "resources/read" => ItemKind::ResourceTemplate,
        method => {
            if let Some(Err(why)) = pins
                .manifest
                .as_ref()
                .map(|x| x.check_client_request(method))
            {
                if pins
                    .manifest
                    .as_ref()
                    .is_some_and(|x| x.blocked().is_some())
                {
                    return Err(blocked_server(pins.server(), &why));
                }
                return Err(Blocked {
                    message: format!(
                        "mcpguard: server `{}` may not be asked {method}: {why}",
                        pins.server()
                    ),
                    data: serde_json::json!({ "mcpguard": { "kind": "manifest", "server": pins.server(), "reason": why } }),
                });
            }
            return match pins.server_blocked() {
                Some(why) if !matches!(method, "initialize" | "ping" | "server/discover") => {
                    Err(blocked_server(pins.server(), &why))
                }
                _ => Ok(()),
            };
        }
    };
    let params: Option<UseParams<'_>> = m.params.and_then(|p| serde_json::from_str(p.get()).ok());
    let server = pins.server();
    if kind == ItemKind::ResourceTemplate {
        let uri = params.as_ref().and_then(|p| p.uri.as_deref()).unwrap_or("");
        return match pins.blocked_resource(uri) {
            None => Ok(()),
            Some(why) => Err(Blocked {
                message: format!("mcpguard: resource `{uri}` of server `{server}` is blocked: {why}. Review with `mcpguard pins list {server}`"),
                data: serde_json::json!({ "mcpguard": { "kind": "pin_blocked", "server": server, "item_kind": "resource", "uri": uri } }),
            }),
        };
    }
    let name = params
        .as_ref()
        .and_then(|p| p.name.as_deref())
        .unwrap_or("");
    pins.check_use(kind, name).map_err(|why| {
        if why == crate::pins::NOT_LISTED {
            return Blocked {
                message: format!("mcpguard: {} `{name}` is not offered by server `{server}`: {why}", kind.as_str()),
                data: serde_json::json!({ "mcpguard": { "kind": "not_listed", "server": server, "item_kind": kind.as_str(), "name": name } }),
            };
        }
        let target = format!("{server} {} {}", kind.as_str(), shell_word(name));
        Blocked {
            message: format!(
                "mcpguard: {} `{name}` of server `{server}` is blocked: {why}. Review it with `mcpguard pins diff {target}`, then `mcpguard pins approve {target}`",
                kind.as_str()
            ),
            data: serde_json::json!({ "mcpguard": { "kind": "pin_blocked", "server": server, "item_kind": kind.as_str(), "name": name, "review": format!("mcpguard pins diff {target}") } }),
        }
    })
}

fn blocked_server(server: &str, why: &str) -> Blocked {
    let review = if why.contains("manifest") {
        "Check it with `mcpguard manifest verify FILE` and `mcpguard keys list`".to_owned()
    } else {
        format!("Review it with `mcpguard pins diff {server} server`, then `mcpguard pins approve {server} server`")
    };
    Blocked {
        message: format!("mcpguard: server `{server}` is blocked: {why}. {review}"),
        data: serde_json::json!({ "mcpguard": { "kind": "server_blocked", "server": server } }),
    }
}

/// Quotes a name for a shell command line when it needs it.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

fn listing_kind(method: &str) -> Option<ItemKind> {
    match method {
        "tools/list" => Some(ItemKind::Tool),
        "prompts/list" => Some(ItemKind::Prompt),
        "resources/templates/list" => Some(ItemKind::ResourceTemplate),
        "initialize" | "server/discover" => Some(ItemKind::Instructions),
        _ => None,
    }
}

/// Judges a server's successful answer to a listing request (`request_method`) against the pins.
/// Returns the rewritten message when something was withheld.
pub(crate) fn on_listing(
    config: &GateConfig,
    s: &mut Session,
    request_method: &str,
    request_had_cursor: bool,
    m: &Message<'_>,
    fx: &mut Effects,
) -> Option<Vec<u8>> {
    // prompts and resources the policy denies are not listed either
    let policy_items = matches!(request_method, "prompts/list" | "resources/list")
        .then_some(())
        .and(config.policy.as_ref());
    let kind = listing_kind(request_method);
    if kind.is_none() && policy_items.is_none() {
        return None;
    }
    let raw = m.result?;
    let tool_facts = kind == Some(ItemKind::Tool)
        && (config.approve_destructive || config.policy.is_some() || config.inspector.is_some());
    if s.pins.is_none() && !tool_facts && policy_items.is_none() {
        return None;
    }
    let mut result: Value = serde_json::from_str(raw.get()).ok()?;
    let mut hidden = 0;
    if let Some(engine) = policy_items {
        let field = if request_method == "prompts/list" {
            "prompts"
        } else {
            "resources"
        };
        if let Some(Value::Array(items)) = result.get_mut(field) {
            hidden = crate::enforce::filter_items(engine, s, request_method, items);
            if hidden > 0 {
                fx.notices.push(Notice::info(format!(
                    "the policy hides {hidden} item(s) from {request_method}"
                )));
            }
        }
    }
    let Some(kind) = kind else {
        return (hidden > 0).then(|| rewrite(m, result)).flatten();
    };
    if kind == ItemKind::Tool {
        if let Some(Value::Array(tools)) = result.get(list_field(kind)) {
            s.approvals.learn(tools);
            if config.inspector.is_some() {
                crate::flows::learn_labels(config, s, tools);
            }
            // what the detection engine says about each tool goes to the policy's context
            if let (Some(_), Some(judge)) = (&config.policy, &config.judge) {
                for t in tools {
                    if let Some(name) = t.get("name").and_then(Value::as_str) {
                        let facts = judge
                            .findings(kind, t)
                            .into_iter()
                            .map(|(rule, severity)| mcpguard_policy::FindingFact {
                                rule,
                                severity: mcpguard_policy::Severity::parse(&severity),
                            })
                            .collect();
                        s.findings.insert(name.to_owned(), facts);
                    }
                }
            }
        }
        if let (Some(engine), Some(Value::Array(tools))) =
            (&config.policy, result.get_mut(list_field(kind)))
        {
            hidden = crate::enforce::filter_listing(engine, s, tools);
            if hidden > 0 {
                fx.notices.push(Notice::info(format!(
                    "the policy hides {hidden} tool(s) from the listing"
                )));
            }
        }
    }
    let Some(pins) = s.pins.as_mut() else {
        return (hidden > 0).then(|| rewrite(m, result)).flatten();
    };
    let judge = config.judge.as_deref();
    let listing = if kind == ItemKind::Instructions {
        let text = result.get("instructions")?.clone();
        let def = serde_json::json!({ "instructions": text });
        pins.judge_listing(
            config.pin_mode,
            judge,
            kind,
            std::slice::from_ref(&def),
            false,
        )
    } else {
        let items = result.get(list_field(kind))?.as_array()?;
        let complete = !request_had_cursor && result.get("nextCursor").is_none_or(Value::is_null);
        pins.judge_listing(config.pin_mode, judge, kind, items, complete)
    };
    fx.pin_changes.extend(listing.changes);
    fx.notices.extend(listing.notices);
    if listing.keep.iter().all(|k| *k) {
        return (hidden > 0).then(|| rewrite(m, result)).flatten();
    }
    if kind == ItemKind::Instructions {
        result.as_object_mut()?.remove("instructions");
    } else if let Some(Value::Array(items)) = result.get_mut(list_field(kind)) {
        let mut keep = listing.keep.iter();
        items.retain(|_| *keep.next().unwrap_or(&false));
    }
    rewrite(m, result)
}

/// A server→client request must be allowed by the server's manifest (sampling, elicitation, roots).
pub(crate) fn check_server_request(s: &Session, m: &Message<'_>) -> Result<(), Blocked> {
    let (Some(manifest), Some(pins)) = (s.manifest(), s.pins.as_ref()) else {
        return Ok(());
    };
    manifest.check_server_request(m.method()).map_err(|why| Blocked {
        message: format!("mcpguard: server `{}` may not send {}: {why}", pins.server(), m.method()),
        data: serde_json::json!({ "mcpguard": { "kind": "manifest", "server": pins.server(), "reason": why } }),
    })
}

/// A server notification must be allowed by the manifest (`list_changed` of declared lists only).
pub(crate) fn check_server_notification(s: &Session, m: &Message<'_>) -> Result<(), String> {
    match s.manifest() {
        Some(manifest) => manifest.allows_notification(m.method()),
        None => Ok(()),
    }
}

/// Checks a server's answer against the manifest: the identity it gives in `initialize` /
/// `server/discover`, and the input requests of a stateless-era `input_required` result. Returns
/// the error that replaces the answer when it fails (the whole server is blocked on a wrong identity).
pub(crate) fn check_server_answer(
    s: &mut Session,
    request_method: &str,
    m: &Message<'_>,
    fx: &mut Effects,
) -> Option<Vec<u8>> {
    let manifest = s.manifest()?;
    let raw = m.result?;
    let id = m.id.as_ref()?;
    let server = s
        .pins
        .as_ref()
        .map(|p| p.server().to_owned())
        .unwrap_or_default();
    let why = if matches!(request_method, "initialize" | "server/discover") {
        let err = manifest.check_identity(s.server_info()).err();
        if let (Some(why), Some(pins)) = (&err, s.pins.as_mut()) {
            pins.manifest = Some(crate::manifest::ManifestState::Invalid(why.clone()));
        }
        err
    } else if raw.get().contains("\"inputRequests\"") {
        let result: Value = serde_json::from_str(raw.get()).ok()?;
        manifest.check_input_requests(&result).err()
    } else {
        None
    }?;
    let message = format!("mcpguard: server `{server}` is blocked: {why}");
    fx.notices.push(Notice::warn(message.clone()));
    Some(mcpguard_proto::reply::error_response(
        Some(id),
        mcpguard_proto::codes::DENIED,
        &message,
        serde_json::json!({ "mcpguard": { "kind": "manifest", "server": server, "reason": why } }),
    ))
}

/// The message with its `result` replaced.
pub(crate) fn rewrite(m: &Message<'_>, result: Value) -> Option<Vec<u8>> {
    let mut message: Value = serde_json::from_str(m.raw).ok()?;
    message["result"] = result;
    serde_json::to_vec(&message).ok()
}
