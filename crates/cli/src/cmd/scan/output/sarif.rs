//! SARIF 2.1.0: one run, one result per flagged item finding, hygiene issue and cross-server
//! issue, located in the configuration file (line of the server's entry) with a logical location
//! `server/kind/item`. Servers that failed are tool execution notifications, not results.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};

use super::super::model::{Issue, ScanReport, Severity, Status, Verdict};

pub fn render(r: &ScanReport, cwd: &Path) -> Value {
    let mut rules: BTreeMap<String, Severity> = BTreeMap::new();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    let lines = LineFinder::default();
    for s in r.servers.iter().filter(|s| s.same_as.is_none()) {
        let artifact = uri(&s.config, cwd);
        let line = lines.line_of(&s.config, &s.name);
        for item in s.items.iter().filter(|i| i.verdict > Verdict::Pass) {
            for f in &item.findings {
                note_rule(&mut rules, &f.rule_id, f.severity);
                let logical = format!("{}/{}/{}", s.name, item.kind.as_str(), item.name);
                results.push(result(
                    &f.rule_id,
                    item.verdict,
                    format!(
                        "{} `{}` of server `{}`: {} (field {}){}{}",
                        item.kind.as_str(),
                        item.name,
                        s.name,
                        f.message,
                        f.field_label(),
                        // (a note without evidence ends at its field)
                        if f.evidence.is_empty() { "" } else { ": " },
                        f.evidence
                    ),
                    &artifact,
                    line,
                    &[logical],
                ));
            }
        }
        for h in &s.hygiene {
            note_rule(&mut rules, &h.rule_id, h.severity);
            results.push(issue_result(h, &s.name, &artifact, line));
        }
        if s.status == Status::Failed {
            notifications.push(json!({
                "level": "error",
                "message": {"text": format!("server `{}` could not be listed: {}", s.name, s.error.as_deref().unwrap_or(""))},
                "locations": [location(&artifact, line, &[])],
            }));
        }
    }
    for c in &r.cross_server {
        note_rule(&mut rules, &c.rule_id, c.severity);
        let first = c
            .locations
            .first()
            .and_then(|l| r.servers.iter().find(|s| s.name == l.server));
        let (artifact, line) = match first {
            Some(s) => (uri(&s.config, cwd), lines.line_of(&s.config, &s.name)),
            None => (String::new(), None),
        };
        let logical: Vec<String> = c
            .locations
            .iter()
            .map(|l| format!("{}/{}/{}", l.server, l.kind, l.item))
            .collect();
        results.push(result(
            &c.rule_id,
            c.verdict,
            format!("{}: {}", c.message, c.evidence),
            &artifact,
            line,
            &logical,
        ));
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mcpguard",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/mcpguard",
                "rules": rules.iter().map(|(id, sev)| json!({
                    "id": id,
                    "shortDescription": {"text": id},
                    "defaultConfiguration": {"level": level_of_severity(*sev)},
                })).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    })
}

fn issue_result(h: &Issue, server: &str, artifact: &str, line: Option<usize>) -> Value {
    let field = h.field.as_deref().unwrap_or("");
    result(
        &h.rule_id,
        h.verdict,
        format!("server `{server}`: {} ({})", h.message, h.evidence),
        artifact,
        line,
        &[format!("{server}/{field}")],
    )
}

fn result(
    rule: &str,
    v: Verdict,
    text: String,
    artifact: &str,
    line: Option<usize>,
    logical: &[String],
) -> Value {
    json!({
        "ruleId": rule,
        "level": match v { Verdict::Block => "error", Verdict::Warn => "warning", Verdict::Pass => "note" },
        "message": {"text": text},
        "locations": [location(artifact, line, logical)],
    })
}

fn location(artifact: &str, line: Option<usize>, logical: &[String]) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": artifact}});
    if let Some(l) = line {
        physical["region"] = json!({"startLine": l});
    }
    let mut loc = json!({"physicalLocation": physical});
    if !logical.is_empty() {
        loc["logicalLocations"] = logical
            .iter()
            .map(|l| json!({"fullyQualifiedName": l}))
            .collect();
    }
    loc
}

fn level_of_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn note_rule(rules: &mut BTreeMap<String, Severity>, id: &str, sev: Severity) {
    let e = rules.entry(id.to_owned()).or_insert(sev);
    *e = (*e).max(sev);
}

/// A path relative to the current directory when below it (as code-scanning expects), else a
/// `file://` URI.
fn uri(path: &str, cwd: &Path) -> String {
    let p = Path::new(path);
    match p.strip_prefix(cwd) {
        Ok(rel) => rel.display().to_string(),
        Err(_) if p.is_absolute() => format!("file://{}", p.display()),
        Err(_) => path.trim_start_matches("./").to_owned(),
    }
}

/// Finds the line of a server's entry (`"name":`) in its config file; files are read once.
#[derive(Default)]
struct LineFinder {
    cache: std::cell::RefCell<BTreeMap<String, Option<String>>>,
}

impl LineFinder {
    fn line_of(&self, file: &str, name: &str) -> Option<usize> {
        let mut cache = self.cache.borrow_mut();
        let text = cache
            .entry(file.to_owned())
            .or_insert_with(|| std::fs::read_to_string(file).ok());
        let text = text.as_deref()?;
        let needle = serde_json::to_string(name).ok()?;
        let mut from = 0;
        while let Some(i) = text[from..].find(&needle) {
            let at = from + i;
            let rest = text[at + needle.len()..].trim_start();
            if rest.starts_with(':') {
                return Some(text[..at].matches('\n').count() + 1);
            }
            from = at + needle.len();
        }
        None
    }
}
