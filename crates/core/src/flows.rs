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
    /// Fingerprints of text read from private sources → the index of its source in `sources`.
    private_text: std::collections::HashMap<u64, usize>,
}

/// Shingles are this many bytes of text starting at a word start; a verbatim copy of at least
/// this much private text (plus one word) in a sink's arguments is found.
const SHINGLE: usize = 48;
/// Fingerprints kept at most (about 2 MB); later private text is no longer fingerprinted.
const MAX_FINGERPRINTS: usize = 100_000;

/// FNV-1a of a shingle.
fn fingerprint(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The shingles of `text`: `SHINGLE` bytes from each word start, after whitespace runs are folded
/// to one space (re-wrapped text still matches; texts shorter than a shingle have none).
fn shingles(text: &str) -> Vec<u64> {
    let mut folded = Vec::with_capacity(text.len());
    for &c in text.as_bytes() {
        if c.is_ascii_whitespace() {
            if folded.last() != Some(&b' ') {
                folded.push(b' ');
            }
        } else {
            folded.push(c);
        }
    }
    let b = &folded;
    (0..b.len().saturating_sub(SHINGLE - 1))
        .filter(|&i| b[i].is_ascii_alphanumeric() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
        .map(|i| fingerprint(&b[i..i + SHINGLE]))
        .collect()
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

    /// Remembers private text read from `tool` of `server`, so that a verbatim copy of it in a
    /// sink's arguments can be recognised.
    pub fn remember_private(&mut self, server: &str, tool: &str, text: &str) {
        self.touch(Taint::Private, server, tool);
        let Some(source) = self
            .sources
            .iter()
            .position(|s| s.taint == Taint::Private && s.server == server && s.tool == tool)
        else {
            return;
        };
        for f in shingles(text) {
            if self.private_text.len() >= MAX_FINGERPRINTS {
                break;
            }
            self.private_text.entry(f).or_insert(source);
        }
    }

    /// The source of private text that `text` copies verbatim, if any.
    pub fn copies_private(&self, text: &str) -> Option<&Source> {
        if self.private_text.is_empty() {
            return None;
        }
        shingles(text)
            .into_iter()
            .find_map(|f| self.private_text.get(&f))
            .map(|&i| &self.sources[i])
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

/// What a use request's params name: the tool or prompt (`name`), the resource (`uri`), or the
/// task (`taskId`) of `tasks/result`.
#[derive(serde::Deserialize)]
pub(crate) struct Target<'a> {
    #[serde(borrow)]
    pub name: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    pub uri: Option<std::borrow::Cow<'a, str>>,
    #[serde(rename = "taskId", borrow)]
    pub task_id: Option<std::borrow::Cow<'a, str>>,
}

impl<'a> Target<'a> {
    pub(crate) fn parse(params: &'a str) -> Option<Target<'a>> {
        serde_json::from_str(params).ok()
    }

    /// The tool, prompt or resource named.
    pub(crate) fn item(self) -> Option<std::borrow::Cow<'a, str>> {
        self.name.or(self.uri)
    }
}

/// The tool, prompt or resource a use request names (or "task T" for a task's result).
pub(crate) fn target_of(m: &Message<'_>) -> Option<String> {
    let t = Target::parse(m.params?.get())?;
    match (t.name.or(t.uri), t.task_id) {
        (Some(item), _) => Some(item.into_owned()),
        (None, Some(task)) => Some(format!("task {task}")),
        (None, None) => None,
    }
}

/// The flow rules on a call of a sink tool: what entered the session before decides whether it
/// needs approval or is refused. The reason names the flow (source tool → sink tool).
pub(crate) fn check_sink(
    config: &GateConfig,
    s: &Session,
    tool: &str,
    m: &Message<'_>,
    fx: &mut Effects,
) -> Option<PolicyCall> {
    config.inspector.as_ref()?;
    if !s.labels.get(tool)?.contains(&Label::Sink) {
        return None;
    }
    let server = s.server_label();
    let defaults = FlowsConfig::default();
    let rules = config.policy.as_ref().map_or(&defaults, |e| e.flows());
    if rules.private_content_to_sink != Verdict::Allow {
        if let Some(copied) = copied_private(s, m) {
            let rule = "flows.private_content_to_sink".to_owned();
            let flow = format!("{}/{} → {server}/{tool}", copied.server, copied.tool);
            fx.findings.push((rule.clone(), "critical".to_owned()));
            let reason = format!(
                "the arguments of `{tool}` copy text read from `{}` of server `{}` (private data), and `{tool}` can send data out (flow {flow}; {rule})",
                copied.tool, copied.server
            );
            return Some(match rules.private_content_to_sink {
                Verdict::Deny => PolicyCall::Deny(
                    format!("mcpguard: refused: {reason}"),
                    json!({ "mcpguard": { "kind": "flow_denied", "rules": [rule], "flow": flow } }),
                ),
                _ => PolicyCall::Approve(reason, vec![rule]),
            });
        }
    }
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

/// The private source whose text a call's arguments copy, if any.
fn copied_private<'s>(s: &'s Session, m: &Message<'_>) -> Option<&'s Source> {
    if s.flows.private_text.is_empty() {
        return None; // nothing private was read: no need to read the arguments
    }
    let params: Value = serde_json::from_str(m.params?.get()).ok()?;
    let mut found = None;
    visit_strings(params.get("arguments")?, &mut |text| {
        if found.is_none() {
            found = s.flows.copies_private(text);
        }
    });
    found
}

fn visit_strings(v: &Value, f: &mut dyn FnMut(&str)) {
    match v {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|i| visit_strings(i, f)),
        Value::Object(map) => map.values().for_each(|i| visit_strings(i, f)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::Flows;

    #[test]
    fn verbatim_copies_of_private_text_are_recognised() {
        let mut f = Flows::default();
        let file = "Host bastion\n  HostName 10.0.4.17\n  User deploy\n  IdentityFile ~/.ssh/deploy_ed25519\n  ProxyJump jump.example.internal";
        f.remember_private("files", "read_text_file", file);
        // a copy inside a longer message, re-wrapped on one line
        let arg = "fyi here is the config: HostName 10.0.4.17 User deploy IdentityFile ~/.ssh/deploy_ed25519 ProxyJump jump.example.internal thanks";
        let src = f.copies_private(arg).expect("recognised");
        assert_eq!(
            (src.server.as_str(), src.tool.as_str()),
            ("files", "read_text_file")
        );
        // short quotes and unrelated text are not
        assert!(f.copies_private("the user is deploy").is_none());
        assert!(f
            .copies_private("Please summarise the release notes for version 4.2 of the exporter.")
            .is_none());
        assert_eq!(f.labels(), ["private_data"]);
    }
}
