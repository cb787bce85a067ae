//! Session taint: which kinds of data have entered the session, from which server and tool.
//!
//! A result from a tool labelled `untrusted_source` taints the session with `untrusted_content`
//! (and with `injected_content` when the content scan found instructions in it); a result from a
//! `private_source` tool taints it with `private_data`. The labels go to the policy (Cedar's
//! `context.taint`) and to the flow rules, which name the source when they hold a sink call.

use mcpguard_policy::{FlowsConfig, Label, Verdict};
use mcpguard_proto::Message;
use serde_json::{json, Value};

use crate::enforce::PolicyCall;
use crate::gate::GateConfig;
use crate::listing::Effects;
use crate::session::Session;

/// One kind of taint, as the policy sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Taint {
    /// Content from outside (a web page, an issue, an email) has entered the session.
    Untrusted,
    /// That content carried instructions aimed at the model.
    Injected,
    /// Private data (files, mail, secrets) has been read.
    Private,
}

impl Taint {
    pub fn label(self) -> &'static str {
        match self {
            Taint::Untrusted => "untrusted_content",
            Taint::Injected => "injected_content",
            Taint::Private => "private_data",
        }
    }
}

/// Where a taint came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub taint: Taint,
    pub server: String,
    pub tool: String,
}

/// The taint of one session: the first source of each kind per server and tool, in order.
#[derive(Debug, Default)]
pub(crate) struct Flows {
    sources: Vec<Source>,
}

/// Sources kept at most (a session that reads thousands of pages keeps the first ones).
const MAX_SOURCES: usize = 256;

impl Flows {
    /// Records that `tool` of `server` brought `taint` into the session.
    pub fn touch(&mut self, taint: Taint, server: &str, tool: &str) {
        let known = self
            .sources
            .iter()
            .any(|s| s.taint == taint && s.server == server && s.tool == tool);
        if !known && self.sources.len() < MAX_SOURCES {
            self.sources.push(Source {
                taint,
                server: server.to_owned(),
                tool: tool.to_owned(),
            });
        }
    }

    /// The session's taint labels, sorted, without repeats.
    pub fn labels(&self) -> Vec<String> {
        let mut kinds: Vec<Taint> = self.sources.iter().map(|s| s.taint).collect();
        kinds.sort();
        kinds.dedup();
        kinds.into_iter().map(|t| t.label().to_owned()).collect()
    }

    /// The first source of `taint`, optionally only from servers other than `except_server`.
    pub fn first(&self, taint: Taint, except_server: Option<&str>) -> Option<&Source> {
        self.sources
            .iter()
            .find(|s| s.taint == taint && except_server.is_none_or(|e| e != s.server))
    }
}

/// Learns the labels of listed tools: the policy file's, else what their definitions suggest.
pub(crate) fn learn_labels(config: &GateConfig, s: &mut Session, tools: &[Value]) {
    let server = s.server_label();
    for t in tools {
        let Some(name) = t.get("name").and_then(Value::as_str) else {
            continue;
        };
        let configured = config
            .policy
            .as_ref()
            .and_then(|e| e.labels(&server, name).map(<[Label]>::to_vec));
        let labels = configured.unwrap_or_else(|| {
            let inferred = mcpguard_detect::labels::infer(t);
            let mut l = Vec::new();
            if inferred.untrusted_source.is_some() {
                l.push(Label::UntrustedSource);
            }
            if inferred.private_source.is_some() {
                l.push(Label::PrivateSource);
            }
            if inferred.sink.is_some() {
                l.push(Label::Sink);
            }
            l
        });
        s.labels.insert(name.to_owned(), labels);
    }
}

/// The tool, prompt or resource a use request names.
pub(crate) fn target_of(m: &Message<'_>) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Target<'a> {
        #[serde(borrow)]
        name: Option<std::borrow::Cow<'a, str>>,
        #[serde(borrow)]
        uri: Option<std::borrow::Cow<'a, str>>,
    }
    let t: Target<'_> = serde_json::from_str(m.params?.get()).ok()?;
    t.name.or(t.uri).map(std::borrow::Cow::into_owned)
}

/// The flow rules on a call of a sink tool: what entered the session before decides whether it
/// needs approval or is refused. The reason names the flow (source tool → sink tool).
pub(crate) fn check_sink(
    config: &GateConfig,
    s: &Session,
    m: &Message<'_>,
    fx: &mut Effects,
) -> Option<PolicyCall> {
    config.inspector.as_ref()?;
    let tool = target_of(m)?;
    if !s.labels.get(&tool)?.contains(&Label::Sink) {
        return None;
    }
    let server = s.server_label();
    let defaults = FlowsConfig::default();
    let rules = config.policy.as_ref().map_or(&defaults, |e| e.flows());
    let checks = [
        (
            Taint::Injected,
            None,
            rules.injected_to_sink,
            "injected_to_sink",
            "content with instructions aimed at the model",
        ),
        (
            Taint::Private,
            Some(server.as_str()),
            rules.private_to_other_server_sink,
            "private_to_other_server_sink",
            "private data from another server",
        ),
        (
            Taint::Private,
            None,
            rules.private_to_sink,
            "private_to_sink",
            "private data",
        ),
        (
            Taint::Untrusted,
            None,
            rules.untrusted_to_sink,
            "untrusted_to_sink",
            "untrusted content",
        ),
    ];
    for (taint, except, verdict, key, what) in checks {
        if verdict == Verdict::Allow {
            continue;
        }
        let Some(source) = s.flows.first(taint, except) else {
            continue;
        };
        let rule = format!("flows.{key}");
        let flow = format!("{}/{} → {server}/{tool}", source.server, source.tool);
        fx.findings.push((rule.clone(), "high".to_owned()));
        let reason = format!(
            "{what} entered the session from `{}` of server `{}`, and `{tool}` can send data out (flow {flow}; {rule})",
            source.tool, source.server
        );
        return Some(match verdict {
            Verdict::Deny => PolicyCall::Deny(
                format!("mcpguard: refused: {reason}"),
                json!({ "mcpguard": { "kind": "flow_denied", "rules": [rule], "flow": flow } }),
            ),
            _ => PolicyCall::Approve(reason, vec![rule]),
        });
    }
    None
}
