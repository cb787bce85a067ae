//! One server's compiled TOML policy: item lists, annotation defaults, argument rules, rate limits.
//!
//! The verdict for an item (tool, prompt, resource) comes from the lists first — deny, then approve,
//! then allow; a named item ignores its annotations. An item no list names gets the list default,
//! which tool annotations may replace (`readOnlyHint` → allow, `destructiveHint` → approve) unless
//! the default is `deny`: a hint from the server never opens what the configuration closed.

use globset::GlobMatcher;
use serde_json::Value;

use crate::config::{AnnotationVerdicts, ItemLists, RateLimitConfig, ServerPolicy};
use crate::constraint::{ArgFacts, CompiledArgRule};
use crate::decision::{Contribution, RuleId, Verdict};
use crate::path::PathResolver;
use crate::request::{Annotations, RateCounts};

/// One list: its verdict, its key (`allow`, …) and its globs as written and compiled.
type List = (Verdict, &'static str, Vec<(String, GlobMatcher)>);

/// Compiled allow/approve/deny lists.
#[derive(Debug)]
pub struct ItemMatcher {
    prefix: String,
    what: &'static str,
    lists: [List; 3],
    default: Verdict,
    default_rule: RuleId,
}

fn matchers(globs: &[crate::config::Glob]) -> Vec<(String, GlobMatcher)> {
    globs
        .iter()
        .map(|g| (g.text.clone(), g.glob.compile_matcher()))
        .collect()
}

impl ItemMatcher {
    /// Compile `lists`; `prefix` is the config path (`servers.git.tools`).
    pub fn new(prefix: String, what: &'static str, lists: &ItemLists) -> ItemMatcher {
        let (default, default_rule) = match lists.default {
            Some(v) => (v, RuleId(format!("{prefix}.default"))),
            None if !lists.allow.is_empty() => (Verdict::Deny, RuleId(format!("{prefix}.allow"))),
            None => (Verdict::Allow, RuleId(format!("{prefix}.default"))),
        };
        ItemMatcher {
            lists: [
                (Verdict::Deny, "deny", matchers(&lists.deny)),
                (Verdict::Approve, "approve", matchers(&lists.approve)),
                (Verdict::Allow, "allow", matchers(&lists.allow)),
            ],
            prefix,
            what,
            default,
            default_rule,
        }
    }

    /// A matcher for servers without a table: everything gets `verdict`.
    pub fn unlisted(what: &'static str, verdict: Verdict) -> ItemMatcher {
        ItemMatcher {
            prefix: "defaults".to_string(),
            what,
            lists: [
                (Verdict::Deny, "deny", Vec::new()),
                (Verdict::Approve, "approve", Vec::new()),
                (Verdict::Allow, "allow", Vec::new()),
            ],
            default: verdict,
            default_rule: RuleId("defaults.unlisted_servers".to_string()),
        }
    }

    /// The first list that names `name`, as a contribution.
    fn listed(&self, name: &str) -> Option<Contribution> {
        self.lists.iter().find_map(|(verdict, list, globs)| {
            let (pattern, _) = globs.iter().find(|(_, m)| m.is_match(name))?;
            Some(Contribution {
                rule: RuleId(format!("{}.{list}[{pattern:?}]", self.prefix)),
                verdict: *verdict,
                reason: format!(
                    "{} `{name}` matches `{pattern}` in {}.{list}",
                    self.what, self.prefix
                ),
            })
        })
    }

    /// The verdict for `name`, with annotation defaults for tools.
    pub fn evaluate(
        &self,
        name: &str,
        annotations: Option<(&Annotations, &AnnotationRules)>,
        out: &mut Vec<Contribution>,
    ) {
        if let Some(c) = self.listed(name) {
            out.push(c);
            return;
        }
        if self.default != Verdict::Deny {
            if let Some((a, rules)) = annotations {
                let before = out.len();
                rules.evaluate(name, a, out);
                if out.len() > before {
                    return;
                }
            }
        }
        let reason = if self.default_rule.as_str().ends_with(".allow") {
            format!("{} `{name}` is not in {}", self.what, self.default_rule)
        } else {
            format!(
                "{} `{name}` is named by no list; {} is {}",
                self.what, self.default_rule, self.default
            )
        };
        out.push(Contribution {
            rule: self.default_rule.clone(),
            verdict: self.default,
            reason,
        });
    }
}

/// Annotation verdicts with the config path each came from.
#[derive(Debug, Clone)]
pub struct AnnotationRules {
    destructive: (Verdict, RuleId),
    read_only: (Verdict, RuleId),
}

impl AnnotationRules {
    /// Defaults, with a server's overrides when given.
    pub fn new(
        defaults: &AnnotationVerdicts,
        server: Option<(&str, &crate::config::AnnotationOverrides)>,
    ) -> AnnotationRules {
        let pick = |key: &str, default: Verdict, over: Option<Verdict>| match (over, server) {
            (Some(v), Some((name, _))) => (v, RuleId(format!("servers.{name}.annotations.{key}"))),
            _ => (default, RuleId(format!("defaults.annotations.{key}"))),
        };
        let overrides = server.map(|(_, o)| o);
        AnnotationRules {
            destructive: pick(
                "destructive",
                defaults.destructive,
                overrides.and_then(|o| o.destructive),
            ),
            read_only: pick(
                "read_only",
                defaults.read_only,
                overrides.and_then(|o| o.read_only),
            ),
        }
    }

    fn evaluate(&self, tool: &str, a: &Annotations, out: &mut Vec<Contribution>) {
        let read_only = a.read_only == Some(true);
        if read_only {
            let (verdict, rule) = &self.read_only;
            out.push(Contribution {
                rule: rule.clone(),
                verdict: *verdict,
                reason: format!("tool `{tool}` declares readOnlyHint; {rule} is {verdict}"),
            });
        }
        if a.destructive == Some(true) && !read_only {
            let (verdict, rule) = &self.destructive;
            out.push(Contribution {
                rule: rule.clone(),
                verdict: *verdict,
                reason: format!("tool `{tool}` declares destructiveHint; {rule} is {verdict}"),
            });
        }
    }
}

/// Compiled rate limits of one server.
#[derive(Debug, Default)]
pub struct RateLimits {
    prefix: String,
    per_tool: Option<u32>,
    per_server: Option<u32>,
    tools: Vec<(String, GlobMatcher, u32)>,
}

impl RateLimits {
    fn new(prefix: &str, config: &RateLimitConfig) -> RateLimits {
        let tools = config
            .tools
            .iter()
            .map(|(glob, limit)| (glob.text.clone(), glob.glob.compile_matcher(), *limit))
            .collect();
        RateLimits {
            prefix: format!("{prefix}.rate_limit"),
            per_tool: config.per_tool,
            per_server: config.per_session,
            tools,
        }
    }

    /// Push a deny for every limit the counts reach.
    pub fn evaluate(&self, tool: &str, counts: RateCounts, out: &mut Vec<Contribution>) {
        let tool_limit = self
            .tools
            .iter()
            .find(|(_, m, _)| m.is_match(tool))
            .map(|(g, _, l)| (*l, format!("{}.tools[{g:?}]", self.prefix)))
            .or_else(|| {
                self.per_tool
                    .map(|l| (l, format!("{}.per_tool", self.prefix)))
            });
        if let Some((limit, rule)) = tool_limit {
            if counts.tool >= limit {
                out.push(Contribution {
                    rule: RuleId(rule),
                    verdict: Verdict::Deny,
                    reason: format!(
                        "`{tool}` was called {} times in the last minute; the limit is {limit} per minute",
                        counts.tool
                    ),
                });
            }
        }
        if let Some(limit) = self.per_server {
            if counts.server >= limit {
                out.push(Contribution {
                    rule: RuleId(format!("{}.per_session", self.prefix)),
                    verdict: Verdict::Deny,
                    reason: format!(
                        "this server's tools were called {} times in the last minute; the limit is {limit} per minute",
                        counts.server
                    ),
                });
            }
        }
    }
}

/// One server's compiled policy.
#[derive(Debug)]
pub struct CompiledServer {
    /// Tool lists.
    pub tools: ItemMatcher,
    /// Prompt lists.
    pub prompts: ItemMatcher,
    /// Resource lists.
    pub resources: ItemMatcher,
    /// Annotation verdicts.
    pub annotations: AnnotationRules,
    /// Argument rules.
    pub args: Vec<CompiledArgRule>,
    /// Rate limits.
    pub rate: RateLimits,
}

impl CompiledServer {
    /// Compile `[servers.NAME]`.
    pub fn new(
        name: &str,
        policy: &ServerPolicy,
        defaults: &AnnotationVerdicts,
        resolver: &dyn PathResolver,
    ) -> CompiledServer {
        let prefix = format!("servers.{name}");
        CompiledServer {
            tools: ItemMatcher::new(format!("{prefix}.tools"), "tool", &policy.tools),
            prompts: ItemMatcher::new(format!("{prefix}.prompts"), "prompt", &policy.prompts),
            resources: ItemMatcher::new(
                format!("{prefix}.resources"),
                "resource",
                &policy.resources,
            ),
            annotations: AnnotationRules::new(defaults, Some((name, &policy.annotations))),
            args: policy
                .args
                .iter()
                .enumerate()
                .map(|(i, rule)| CompiledArgRule::new(&prefix, i, rule, resolver))
                .collect(),
            rate: RateLimits::new(&prefix, &policy.rate_limit),
        }
    }

    /// The policy for a server without a table.
    pub fn unlisted(verdict: Verdict, defaults: &AnnotationVerdicts) -> CompiledServer {
        CompiledServer {
            tools: ItemMatcher::unlisted("tool", verdict),
            prompts: ItemMatcher::unlisted("prompt", verdict),
            resources: ItemMatcher::unlisted("resource", verdict),
            annotations: AnnotationRules::new(defaults, None),
            args: Vec::new(),
            rate: RateLimits::default(),
        }
    }

    /// Check a call's arguments against every rule that covers the tool.
    pub fn check_args(
        &self,
        tool: &str,
        args: &Value,
        resolver: &dyn PathResolver,
        out: &mut Vec<Contribution>,
        facts: &mut ArgFacts,
    ) {
        for rule in self.args.iter().filter(|r| r.applies_to(tool)) {
            rule.check(tool, args, resolver, out, facts);
        }
    }
}
