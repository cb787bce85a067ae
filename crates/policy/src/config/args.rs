//! `[[servers.NAME.args]]`: constraints on tool-call arguments.
//!
//! One entry names tools (globs), arguments (names or JSON pointers) and one or more constraints;
//! every selected value must satisfy all of them. Read through a raw twin so that cross-field
//! mistakes (no constraint at all, `min > max`, `relative_to` without `roots`) are load errors at
//! the entry's line.

use schemars::JsonSchema;
use serde::Deserialize;

use super::types::{AbsPath, ArgSelector, Glob, HostEntry, Pattern};
use crate::decision::Verdict;

/// Host allow and deny lists for URL arguments.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HostLists {
    /// Hosts URLs may point at; when non-empty, every other host is a violation.
    #[serde(default)]
    pub allow: Vec<HostEntry>,
    /// Hosts URLs may never point at (beats `allow`).
    #[serde(default)]
    pub deny: Vec<HostEntry>,
}

/// Constraints on some arguments of some tools.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(try_from = "RawArgRule")]
#[schemars(with = "RawArgRule")]
pub struct ArgRule {
    /// Tools the rule applies to.
    pub tools: Vec<Glob>,
    /// The arguments it checks.
    pub args: Vec<ArgSelector>,
    /// Whether a missing argument is a violation.
    pub required: bool,
    /// Verdict when a value breaks the rule.
    pub on_violation: Verdict,
    /// Paths must stay inside one of these roots.
    pub roots: Vec<AbsPath>,
    /// Base of relative paths.
    pub relative_to: Option<AbsPath>,
    /// URL host lists.
    pub hosts: Option<HostLists>,
    /// Allowed URL schemes.
    pub schemes: Option<Vec<String>>,
    /// The whole value must match.
    pub pattern: Option<Pattern>,
    /// No part of the value may match.
    pub forbid_pattern: Option<Pattern>,
    /// Longest allowed value, in characters (non-strings: their JSON text).
    pub max_length: Option<usize>,
    /// Smallest allowed number.
    pub min: Option<f64>,
    /// Largest allowed number.
    pub max: Option<f64>,
}

/// Constraints on some arguments of some tools. At least one constraint (`roots`, `hosts`,
/// `schemes`, `pattern`, `forbid_pattern`, `max_length`, `min`, `max`) or `required` must be set.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawArgRule {
    /// Tools the rule applies to (globs); default: every tool of the server.
    #[serde(default)]
    tools: Vec<Glob>,
    /// Arguments to check: top-level names or JSON pointers (`/a/*/b`). Arrays are checked element
    /// by element.
    args: Vec<ArgSelector>,
    /// A call without any of these arguments breaks the rule (default false: nothing to check).
    #[serde(default)]
    required: bool,
    /// Verdict when a value breaks the rule: `deny` (default) or `approve`.
    #[serde(default = "deny")]
    on_violation: Verdict,
    /// Paths must stay inside one of these roots (after resolving `.`, `..`, `//` and symlinks).
    #[serde(default)]
    roots: Vec<AbsPath>,
    /// Base for relative paths (usually the server's working directory); without it a relative
    /// path is a violation.
    relative_to: Option<AbsPath>,
    /// URL host allow and deny lists (a URL without a host, or with a user name, is a violation).
    hosts: Option<HostLists>,
    /// Allowed URL schemes; default with `hosts`: `http` and `https`.
    schemes: Option<Vec<String>>,
    /// A regular expression the whole value must match.
    pattern: Option<Pattern>,
    /// A regular expression no part of the value may match.
    forbid_pattern: Option<Pattern>,
    /// Longest allowed value in characters.
    max_length: Option<usize>,
    /// Smallest allowed number (the value must be a JSON number).
    min: Option<f64>,
    /// Largest allowed number (the value must be a JSON number).
    max: Option<f64>,
}

fn deny() -> Verdict {
    Verdict::Deny
}

impl TryFrom<RawArgRule> for ArgRule {
    type Error = String;
    fn try_from(raw: RawArgRule) -> Result<Self, String> {
        if raw.args.is_empty() {
            return Err("`args` must name at least one argument".to_string());
        }
        let has_constraint = !raw.roots.is_empty()
            || raw.hosts.is_some()
            || raw.schemes.is_some()
            || raw.pattern.is_some()
            || raw.forbid_pattern.is_some()
            || raw.max_length.is_some()
            || raw.min.is_some()
            || raw.max.is_some();
        if !has_constraint && !raw.required {
            return Err(
                "this rule constrains nothing: set one of `roots`, `hosts`, `schemes`, \
                 `pattern`, `forbid_pattern`, `max_length`, `min`, `max` or `required`"
                    .to_string(),
            );
        }
        if raw.on_violation == Verdict::Allow {
            return Err("`on_violation` must be `deny` or `approve`".to_string());
        }
        if raw.relative_to.is_some() && raw.roots.is_empty() {
            return Err("`relative_to` needs `roots`".to_string());
        }
        if let (Some(min), Some(max)) = (raw.min, raw.max) {
            if min > max {
                return Err(format!("`min` ({min}) is larger than `max` ({max})"));
            }
        }
        let schemes = raw.schemes.map(|list| {
            list.into_iter()
                .map(|s| s.to_ascii_lowercase())
                .collect::<Vec<_>>()
        });
        if schemes.as_ref().is_some_and(|s| s.is_empty()) {
            return Err(
                "`schemes` is empty: no URL could pass; remove it to allow any".to_string(),
            );
        }
        let tools = if raw.tools.is_empty() {
            vec![Glob::try_from("*".to_string())?]
        } else {
            raw.tools
        };
        Ok(ArgRule {
            tools,
            args: raw.args,
            required: raw.required,
            on_violation: raw.on_violation,
            roots: raw.roots,
            relative_to: raw.relative_to,
            hosts: raw.hosts,
            schemes,
            pattern: raw.pattern,
            forbid_pattern: raw.forbid_pattern,
            max_length: raw.max_length,
            min: raw.min,
            max: raw.max,
        })
    }
}
