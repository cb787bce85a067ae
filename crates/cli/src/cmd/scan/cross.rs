//! Cross-server checks: what no single server's metadata shows, only the inventory as a whole.
//!
//! Servers that one client loads share one model context, so one server's metadata can steer the
//! use of another's tools. Checked within each client (the servers that load together), over
//! distinct servers (the same command configured twice is one server):
//!
//! - `cross.name_collision`: two servers offer a tool of the same name; a client without
//!   namespacing may call the wrong one, and the later one can shadow the earlier.
//! - `cross.lookalike_name`: two servers' tool names differ only by case, separators or
//!   look-alike characters (`send_email` / `send-emaiI` / `ѕend_email`): impersonation.
//! - `cross.tool_reference`: a server's description, schema or instructions name a tool of
//!   *another* server: the shape of shadowing ("when send_email is called, also …").
//!
//! These rules are the scan command's own (the detection engine judges one item at a time).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

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
        for issue in collisions(members)
            .into_iter()
            .chain(lookalikes(members))
            .chain(references(members))
        {
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

fn tool_names<'a>(l: &'a Listed<'_>) -> impl Iterator<Item = &'a str> {
    l.tools
        .iter()
        .filter_map(|t| t.get("name").and_then(Value::as_str))
}

fn collisions(members: &[&Listed<'_>]) -> Vec<Issue> {
    let mut by_name: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for l in members {
        for name in tool_names(l) {
            by_name.entry(name).or_default().insert(l.server);
        }
    }
    by_name
        .into_iter()
        .filter(|(_, servers)| servers.len() > 1)
        .map(|(name, servers)| {
            let list: Vec<_> = servers.iter().map(|s| format!("`{s}`")).collect();
            Issue {
                rule_id: "cross.name_collision".into(),
                verdict: Verdict::Warn,
                severity: Severity::Medium,
                field: None,
                message: format!(
                    "the tool `{name}` is offered by {}: a client without namespacing may call \
                     the wrong one",
                    list.join(" and ")
                ),
                evidence: name.to_owned(),
                locations: servers
                    .iter()
                    .map(|s| location(s, "tool", name, None))
                    .collect(),
            }
        })
        .collect()
}

fn lookalikes(members: &[&Listed<'_>]) -> Vec<Issue> {
    let mut by_skeleton: BTreeMap<String, BTreeSet<(&str, &str)>> = BTreeMap::new();
    for l in members {
        for name in tool_names(l) {
            by_skeleton
                .entry(skeleton(name))
                .or_default()
                .insert((name, l.server));
        }
    }
    let mut out = Vec::new();
    for entries in by_skeleton.values() {
        let names: BTreeSet<&str> = entries.iter().map(|(n, _)| *n).collect();
        let servers: BTreeSet<&str> = entries.iter().map(|(_, s)| *s).collect();
        if names.len() < 2 || servers.len() < 2 {
            continue;
        }
        let shown: Vec<String> = entries
            .iter()
            .map(|(n, s)| format!("`{}` ({s})", escape_non_ascii(n)))
            .collect();
        out.push(Issue {
            rule_id: "cross.lookalike_name".into(),
            verdict: Verdict::Warn,
            severity: Severity::High,
            field: None,
            message: format!(
                "tool names that look alike across servers: {}; one may impersonate the other",
                shown.join(", ")
            ),
            evidence: names.iter().copied().collect::<Vec<_>>().join(" / "),
            locations: entries
                .iter()
                .map(|(n, s)| location(s, "tool", n, None))
                .collect(),
        });
    }
    out
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
        for (kind, item, field, text) in texts(l) {
            let text = reveal(&text);
            for (name, servers) in &owners {
                if own.contains(name) || servers.contains(l.server) {
                    continue;
                }
                let Some(at) = find_word(&text, name) else {
                    continue;
                };
                let others: Vec<String> = servers.iter().map(|s| format!("`{s}`")).collect();
                let mut locations = vec![location(l.server, kind, &item, Some(field.clone()))];
                locations.extend(servers.iter().map(|s| location(s, "tool", name, None)));
                out.push(Issue {
                    rule_id: "cross.tool_reference".into(),
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

/// Case, separators and look-alike characters folded: names that read the same map to one key.
pub fn skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // A capital `I` reads as `l` in most UI fonts (`send_emaiI`).
    let unswapped = name.chars().map(|c| if c == 'I' { 'l' } else { c });
    for c in unswapped.flat_map(char::to_lowercase) {
        let folded = match c {
            '-' | '_' | '.' | ' ' => continue,
            '0' | 'о' | 'ο' => 'o',
            '1' | 'і' | 'ι' | 'ӏ' | '|' => 'l',
            '3' | 'е' | 'ε' => 'e',
            '5' | 'ѕ' => 's',
            'а' | 'α' => 'a',
            'с' | 'ϲ' => 'c',
            'р' | 'ρ' => 'p',
            'х' | 'χ' => 'x',
            'у' | 'γ' => 'y',
            'к' | 'κ' => 'k',
            'м' => 'm',
            'т' | 'τ' => 't',
            'н' => 'h',
            'в' | 'β' => 'b',
            'ԁ' => 'd',
            'ј' => 'j',
            'ν' => 'v',
            'ω' => 'w',
            c => c,
        };
        out.push(folded);
    }
    out.replace("rn", "m").replace("vv", "w")
}

/// Shows non-ASCII characters as escapes so a look-alike is visible in a terminal.
fn escape_non_ascii(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\u{{{:x}}}", c as u32)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
