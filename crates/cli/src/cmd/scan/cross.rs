//! Cross-server checks: what no single server's metadata shows, only the inventory as a whole.
//!
//! Servers that one client loads share one model context, so one server's metadata can steer the
//! use of another's tools. The checks run within each client (the servers that load together),
//! over distinct servers (the same command configured in two files is one server):
//!
//! - the detection engine's `mcpguard_detect::cross::check` over the tools: `cross.name_collision`,
//!   `cross.lookalike_name`, and `cross.foreign_reference` for tool descriptions;
//! - this module's own `cross.foreign_reference` over the text the engine's check does not read:
//!   schema descriptions and titles, prompts, resources, server instructions, and text hidden in
//!   Unicode tag characters (decoded first).

use std::collections::{BTreeMap, BTreeSet};

use mcpguard_detect::cross::{self as engine_cross, CrossFinding, InventoryItem};
use serde_json::Value;

use super::judge::severity;
use super::model::{Issue, Location, Severity, Verdict};

/// One distinct server's listing, as the cross checks see it.
pub struct Listed<'a> {
    pub server: &'a str,
    /// Servers in the same group load together (the client's id).
    pub group: &'a str,
    pub tools: &'a [Value],
    pub prompts: &'a [Value],
    pub resources: &'a [Value],
    pub resource_templates: &'a [Value],
    pub instructions: Option<&'a str>,
}

/// Runs every cross-server rule; issues are deduplicated across groups.
pub fn check(listed: &[Listed<'_>]) -> Vec<Issue> {
    let mut groups: BTreeMap<&str, Vec<&Listed<'_>>> = BTreeMap::new();
    for l in listed {
        groups.entry(l.group).or_default().push(l);
    }
    let mut out: Vec<Issue> = Vec::new();
    for members in groups.values() {
        let items: Vec<InventoryItem<'_>> = members
            .iter()
            .flat_map(|l| {
                l.tools.iter().map(|tool| InventoryItem {
                    server: l.server,
                    tool,
                })
            })
            .collect();
        let from_engine = engine_cross::check(&items).into_iter().map(issue);
        let flows = toxic_flow(members);
        for issue in from_engine.chain(references(members)).chain(flows) {
            let dup = out.iter().any(|o| {
                o.rule_id == issue.rule_id
                    && o.locations == issue.locations
                    && o.evidence == issue.evidence
            });
            if !dup {
                out.push(issue);
            }
        }
    }
    out
}

/// The engine's finding as a scan issue; cross-server issues warn (the items themselves carry
/// the engine's per-item verdicts).
fn issue(f: CrossFinding) -> Issue {
    Issue {
        rule_id: f.rule_id.to_owned(),
        verdict: Verdict::Warn,
        severity: severity(f.severity),
        field: None,
        message: format!("`{}` › tool `{}`: {}", f.server, f.tool, f.message),
        evidence: f.evidence,
        locations: vec![
            location(&f.server, "tool", &f.tool, Some(f.field)),
            location(&f.other_server, "tool", &f.other_tool, None),
        ],
    }
}

/// `cross.toxic_flow`: the servers loaded together can read untrusted content, read private data
/// and send data out — the three legs of the exfiltration that one injected page can start. Each
/// leg names the first tool (in listing order) that carries its label.
fn toxic_flow(members: &[&Listed<'_>]) -> Option<Issue> {
    let mut legs: [Option<(&str, &str)>; 3] = [None, None, None];
    for l in members {
        for t in l.tools {
            let Some(name) = t.get("name").and_then(Value::as_str) else {
                continue;
            };
            let labels = mcpguard_detect::labels::infer(t);
            let has = [
                labels.untrusted_source.is_some(),
                labels.private_source.is_some(),
                labels.sink.is_some(),
            ];
            for (leg, yes) in legs.iter_mut().zip(has) {
                if yes && leg.is_none() {
                    *leg = Some((l.server, name));
                }
            }
        }
    }
    let [Some(untrusted), Some(private), Some(sink)] = legs else {
        return None;
    };
    let named = |(s, t): (&str, &str)| format!("`{s}` › `{t}`");
    Some(Issue {
        rule_id: "cross.toxic_flow".to_owned(),
        verdict: Verdict::Warn,
        severity: Severity::Medium,
        field: None,
        message: format!(
            "together these tools can read untrusted content ({}), read private data ({}) and send data out ({}): \
             instructions hidden in the content can make the model carry private data out. \
             `mcpguard wrap` holds sink calls after injected content and refuses copies of private text (docs/results.md)",
            named(untrusted),
            named(private),
            named(sink)
        ),
        evidence: String::new(),
        locations: [untrusted, private, sink]
            .into_iter()
            .map(|(s, t)| location(s, "tool", t, None))
            .collect(),
    })
}

fn tool_names<'a>(l: &'a Listed<'_>) -> impl Iterator<Item = &'a str> {
    l.tools
        .iter()
        .filter_map(|t| t.get("name").and_then(Value::as_str))
}

fn references(members: &[&Listed<'_>]) -> Vec<Issue> {
    // distinctive tool names → the servers that offer them
    let mut owners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for l in members {
        for name in tool_names(l).filter(|n| distinctive(n)) {
            owners.entry(name).or_default().insert(l.server);
        }
    }
    let mut out = Vec::new();
    for l in members {
        let own: BTreeSet<&str> = tool_names(l).collect();
        for (kind, item, field, raw) in texts(l) {
            let text = reveal(&raw);
            // The engine's check reads tool descriptions as written; here only what it hides.
            let engine_read = kind == "tool" && field == "description";
            if engine_read && text == raw {
                continue;
            }
            for (name, servers) in &owners {
                if own.contains(name) || servers.contains(l.server) {
                    continue;
                }
                let Some(at) = find_word(&text, name) else {
                    continue;
                };
                if engine_read && find_word(&raw, name).is_some() {
                    continue;
                }
                let others: Vec<String> = servers.iter().map(|s| format!("`{s}`")).collect();
                let mut locations = vec![location(l.server, kind, &item, Some(field.clone()))];
                locations.extend(servers.iter().map(|s| location(s, "tool", name, None)));
                out.push(Issue {
                    rule_id: "cross.foreign_reference".into(),
                    verdict: Verdict::Warn,
                    severity: Severity::Medium,
                    field: None,
                    message: format!(
                        "the {kind} `{item}` of `{}` mentions `{name}`, a tool of {}: metadata \
                         that talks about another server's tools can change how the model uses them",
                        l.server,
                        others.join(" and ")
                    ),
                    evidence: snippet(&text, at, name.len()),
                    locations,
                });
            }
        }
    }
    out
}

fn location(server: &str, kind: &'static str, item: &str, field: Option<String>) -> Location {
    Location {
        server: server.to_owned(),
        kind,
        item: item.to_owned(),
        field,
    }
}

/// Every text of a server's items: (kind, item name, field path, text).
fn texts(l: &Listed<'_>) -> Vec<(&'static str, String, String, String)> {
    let mut out = Vec::new();
    let lists: [(&'static str, &[Value]); 4] = [
        ("tool", l.tools),
        ("prompt", l.prompts),
        ("resource", l.resources),
        ("resource_template", l.resource_templates),
    ];
    for (kind, items) in lists {
        for item in items {
            let name = item
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let mut strings = Vec::new();
            if let Value::Object(m) = item {
                for (k, v) in m {
                    if !["name", "uri", "uriTemplate", "mimeType", "icons"].contains(&k.as_str()) {
                        collect_strings(v, k.clone(), &mut strings, 0);
                    }
                }
            }
            out.extend(
                strings
                    .into_iter()
                    .map(|(field, text)| (kind, name.clone(), field, text)),
            );
        }
    }
    if let Some(text) = l.instructions {
        out.push((
            "instructions",
            String::new(),
            "instructions".into(),
            text.to_owned(),
        ));
    }
    out
}

fn collect_strings(v: &Value, path: String, out: &mut Vec<(String, String)>, depth: usize) {
    if depth > 32 {
        return;
    }
    match v {
        Value::String(s) => out.push((path, s.clone())),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                collect_strings(x, format!("{path}[{i}]"), out, depth + 1);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                collect_strings(x, format!("{path}.{k}"), out, depth + 1);
            }
        }
        _ => {}
    }
}

/// A name specific enough that a mention is a reference, not an English word:
/// `send_email`, `get-issues`, `createPullRequest`, `s3_upload`.
fn distinctive(name: &str) -> bool {
    name.len() >= 5
        && (name.contains(['_', '-', '.'])
            || name.chars().any(|c| c.is_ascii_digit())
            || name
                .chars()
                .zip(name.chars().skip(1))
                .any(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase()))
}

/// Hidden text made visible: Unicode tag characters decoded to ASCII, invisible characters dropped.
fn reveal(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c as u32 {
            0xE0020..=0xE007E => char::from_u32(c as u32 - 0xE0000),
            0xE0000..=0xE007F | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFEFF => None,
            _ => Some(c),
        })
        .collect()
}

/// The byte offset of `word` in `text` where it stands as a whole identifier.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        // a trailing `-`/`.` ends a sentence or a list item, not an identifier
        let after_ok = match after {
            None => true,
            Some(c) if c == '-' || c == '.' => text[at + word.len() + 1..]
                .chars()
                .next()
                .is_none_or(|d| !d.is_alphanumeric()),
            Some(c) => !is_ident(c),
        };
        if !before.is_some_and(is_ident) && after_ok {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// About 60 characters either side of a match.
fn snippet(text: &str, at: usize, len: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(59)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let end = text[at + len..]
        .char_indices()
        .nth(60)
        .map(|(i, _)| at + len + i)
        .unwrap_or(text.len());
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.push_str(&text[start..end].replace(['\n', '\r'], " "));
    if end < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests;
