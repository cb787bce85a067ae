//! Compiled `[[servers.NAME.args]]` rules and their check against a call's arguments.
//!
//! Each rule selects values (by name or JSON pointer; arrays element by element), checks every value
//! against every constraint, and reports each violation as its own contribution, named after the
//! rule and the constraint (`servers.fs.args[0].roots`). What it learns on the way — resolved
//! paths, URL hosts — becomes facts for Cedar, so Cedar policies never compare raw strings.

use std::collections::BTreeMap;
use std::path::Path;

use globset::GlobMatcher;
use serde_json::Value;

use crate::config::{ArgRule, ArgSelector, Pattern};
use crate::decision::{Contribution, RuleId, Verdict};
use crate::host::{HostPattern, UrlRule};
use crate::path::{Confinement, PathResolver, Root};

/// Facts the argument checks establish, for Cedar.
#[derive(Debug, Clone, Default)]
pub struct ArgFacts {
    /// Top-level argument → its normalised value (resolved path, parsed URL).
    pub normalized: BTreeMap<String, String>,
    /// Every checked path, resolved (or lexically normalised when it failed).
    pub paths: Vec<String>,
    /// Whether every checked path lay inside its roots.
    pub paths_within_roots: bool,
    /// Hosts of every checked URL.
    pub url_hosts: Vec<String>,
}

impl ArgFacts {
    /// No facts yet: no paths, so all (none) within roots.
    pub fn new() -> ArgFacts {
        ArgFacts {
            paths_within_roots: true,
            ..ArgFacts::default()
        }
    }
}

/// One compiled argument rule.
#[derive(Debug)]
pub struct CompiledArgRule {
    prefix: String,
    tools: Vec<GlobMatcher>,
    args: Vec<ArgSelector>,
    required: bool,
    on_violation: Verdict,
    confinement: Option<Confinement>,
    url: Option<UrlRule>,
    pattern: Option<Pattern>,
    forbid_pattern: Option<Pattern>,
    max_length: Option<usize>,
    min: Option<f64>,
    max: Option<f64>,
}

impl CompiledArgRule {
    /// Compile rule `index` of server `server`.
    pub fn new(
        server_prefix: &str,
        index: usize,
        rule: &ArgRule,
        resolver: &dyn PathResolver,
    ) -> Self {
        let confinement = (!rule.roots.is_empty()).then(|| Confinement {
            roots: rule
                .roots
                .iter()
                .map(|r| Root::new(&r.0, resolver))
                .collect(),
            relative_to: rule.relative_to.as_ref().map(|p| p.0.clone()),
        });
        let url = (rule.hosts.is_some() || rule.schemes.is_some()).then(|| {
            let hosts = rule.hosts.clone().unwrap_or_default();
            let patterns = |list: &[crate::config::HostEntry]| -> Vec<HostPattern> {
                list.iter().map(|h| h.0.clone()).collect()
            };
            UrlRule {
                schemes: rule
                    .schemes
                    .clone()
                    .unwrap_or_else(|| vec!["http".to_string(), "https".to_string()]),
                allow: patterns(&hosts.allow),
                deny: patterns(&hosts.deny),
                check_hosts: rule.hosts.is_some(),
            }
        });
        CompiledArgRule {
            prefix: format!("{server_prefix}.args[{index}]"),
            tools: rule
                .tools
                .iter()
                .map(|g| g.glob.compile_matcher())
                .collect(),
            args: rule.args.clone(),
            required: rule.required,
            on_violation: rule.on_violation,
            confinement,
            url,
            pattern: rule.pattern.clone(),
            forbid_pattern: rule.forbid_pattern.clone(),
            max_length: rule.max_length,
            min: rule.min,
            max: rule.max,
        }
    }

    /// Whether the rule covers `tool`.
    pub fn applies_to(&self, tool: &str) -> bool {
        self.tools.iter().any(|g| g.is_match(tool))
    }

    fn violation(&self, kind: &str, reason: String) -> Contribution {
        Contribution {
            rule: RuleId(format!("{}.{kind}", self.prefix)),
            verdict: self.on_violation,
            reason,
        }
    }

    /// Check the call's arguments; push violations (or one allow when all values pass).
    pub fn check(
        &self,
        tool: &str,
        args: &Value,
        resolver: &dyn PathResolver,
        out: &mut Vec<Contribution>,
        facts: &mut ArgFacts,
    ) {
        let before = out.len();
        let mut checked = 0usize;
        let mut values = Vec::new();
        for selector in &self.args {
            values.clear();
            select(args, &selector.segments, &mut values);
            let top_level = selector.segments.len() == 1 && !selector.text.starts_with('/');
            for value in &values {
                checked += 1;
                let label = || format!("{tool}: argument `{}`", selector.text);
                if let Some(normalized) = self.check_value(&label, value, resolver, out, facts) {
                    if top_level && values.len() == 1 && value.is_string() {
                        facts.normalized.insert(selector.text.clone(), normalized);
                    }
                }
            }
        }
        if checked == 0 && self.required {
            let names: Vec<&str> = self.args.iter().map(|a| a.text.as_str()).collect();
            out.push(self.violation(
                "required",
                format!(
                    "{tool}: required argument `{}` is missing",
                    names.join("` or `")
                ),
            ));
        }
        if out.len() == before && checked > 0 {
            out.push(Contribution {
                rule: RuleId(self.prefix.clone()),
                verdict: Verdict::Allow,
                reason: format!(
                    "{tool}: {checked} argument value(s) satisfy {}",
                    self.prefix
                ),
            });
        }
    }

    /// Check one value; return its normalised form when a path or URL check produced one.
    fn check_value(
        &self,
        label: &dyn Fn() -> String,
        value: &Value,
        resolver: &dyn PathResolver,
        out: &mut Vec<Contribution>,
        facts: &mut ArgFacts,
    ) -> Option<String> {
        let text: std::borrow::Cow<'_, str> = match value {
            Value::String(s) => s.as_str().into(),
            other => other.to_string().into(),
        };
        if let Some(max) = self.max_length {
            let len = text.chars().count();
            if len > max {
                out.push(self.violation(
                    "max_length",
                    format!(
                        "{} is {len} characters long; at most {max} allowed",
                        label()
                    ),
                ));
            }
        }
        if let Some(p) = &self.pattern {
            if !p.full.is_match(&text) {
                out.push(self.violation(
                    "pattern",
                    format!("{} does not match the pattern `{}`", label(), p.text),
                ));
            }
        }
        if let Some(p) = &self.forbid_pattern {
            if p.any.is_match(&text) {
                out.push(self.violation(
                    "forbid_pattern",
                    format!("{} matches the forbidden pattern `{}`", label(), p.text),
                ));
            }
        }
        if self.min.is_some() || self.max.is_some() {
            self.check_number(label, value, out);
        }
        let mut normalized = None;
        if let Some(c) = &self.confinement {
            match value.as_str() {
                None => {
                    out.push(self.violation("roots", format!("{} is not a string path", label())))
                }
                Some(raw) => match c.check(raw, resolver) {
                    Ok(resolved) => {
                        let s = resolved.to_string_lossy().into_owned();
                        facts.paths.push(s.clone());
                        normalized = Some(s);
                    }
                    Err(reason) => {
                        facts.paths_within_roots = false;
                        let lexical = crate::path::normalize(Path::new(raw));
                        facts.paths.push(lexical.to_string_lossy().into_owned());
                        out.push(self.violation("roots", format!("{}: {reason}", label())));
                    }
                },
            }
        }
        if let Some(u) = &self.url {
            let kind = if u.check_hosts { "hosts" } else { "schemes" };
            match value.as_str() {
                None => out.push(self.violation(kind, format!("{} is not a string URL", label()))),
                Some(raw) => match u.check(raw) {
                    Ok(checked) => {
                        if !checked.host.is_empty() {
                            facts.url_hosts.push(checked.host);
                        }
                        normalized = Some(checked.normalized);
                    }
                    Err(reason) => out.push(self.violation(kind, format!("{}: {reason}", label()))),
                },
            }
        }
        normalized
    }

    fn check_number(&self, label: &dyn Fn() -> String, value: &Value, out: &mut Vec<Contribution>) {
        let Some(n) = value.as_f64() else {
            out.push(self.violation("range", format!("{} is not a number", label())));
            return;
        };
        let below = self.min.is_some_and(|min| n < min);
        let above = self.max.is_some_and(|max| n > max);
        if below || above || n.is_nan() {
            let bound = |b: Option<f64>| b.map_or("…".to_string(), |b| b.to_string());
            out.push(self.violation(
                "range",
                format!(
                    "{} is {n}; allowed range {}..={}",
                    label(),
                    bound(self.min),
                    bound(self.max)
                ),
            ));
        }
    }
}

/// Collect the values `segments` select under `value`; an array at the end yields its elements.
fn select<'v>(value: &'v Value, segments: &[Option<String>], out: &mut Vec<&'v Value>) {
    let Some((first, rest)) = segments.split_first() else {
        match value {
            Value::Array(items) => out.extend(items.iter()),
            Value::Null => {}
            other => out.push(other),
        }
        return;
    };
    match (first, value) {
        (None, Value::Array(items)) => items.iter().for_each(|v| select(v, rest, out)),
        (None, Value::Object(map)) => map.values().for_each(|v| select(v, rest, out)),
        (Some(key), Value::Object(map)) => {
            if let Some(v) = map.get(key) {
                select(v, rest, out);
            }
        }
        (Some(key), Value::Array(items)) => {
            if let Some(v) = key.parse::<usize>().ok().and_then(|i| items.get(i)) {
                select(v, rest, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
