//! The engine: every rule compiled once, one function that answers every question.
//!
//! `evaluate` serves calls and listings alike, so a tool that may not be called is also absent from
//! `tools/list` (see [`Engine::visible`]); prompts and resources likewise. The engine is immutable
//! and `Send + Sync`: put it behind an `Arc` and swap it whole on reload.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;

use crate::cedar::{CedarFacts, CedarPolicies, CedarSource, Reading};
use crate::config::PolicyFile;
use crate::config::{ContentSettings, FlowsConfig, Label};
use crate::constraint::ArgFacts;
use crate::decision::{Contribution, Decision, RuleId, Verdict};
use crate::error::PolicyError;
use crate::path::PathResolver;
use crate::request::{Action, Annotations, Request};
use crate::server::CompiledServer;

/// What a server may do with `sampling/createMessage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SamplingPolicy {
    /// `deny`, `allow` or `approve`.
    pub mode: Verdict,
    /// The cap for `maxTokens` (the gate lowers larger values to it).
    pub max_tokens: Option<u64>,
    /// Where this came from (`servers.NAME.sampling` or `defaults.sampling`).
    pub rule: RuleId,
}

/// What a server may do with `elicitation/create`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElicitationPolicy {
    /// `deny`, `allow` or `approve`.
    pub mode: Verdict,
    /// Where this came from.
    pub rule: RuleId,
}

/// The compiled policy. Build with [`Engine::compile`] or [`Engine::load`].
pub struct Engine {
    servers: HashMap<String, CompiledServer>,
    unlisted: CompiledServer,
    sampling: HashMap<String, SamplingPolicy>,
    default_sampling: SamplingPolicy,
    elicitation: HashMap<String, ElicitationPolicy>,
    default_elicitation: ElicitationPolicy,
    session_limit: Option<u32>,
    cedar: Option<CedarPolicies>,
    resolver: Arc<dyn PathResolver>,
    content: HashMap<String, ContentSettings>,
    default_content: ContentSettings,
    flows: FlowsConfig,
    labels: HashMap<String, Vec<(globset::GlobMatcher, Vec<Label>)>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("servers", &self.servers.keys().collect::<Vec<_>>())
            .field(
                "cedar_policies",
                &self.cedar.as_ref().map_or(0, |c| c.len()),
            )
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Compile a parsed policy file and Cedar sources. `resolver` follows symlinks for path rules
    /// (the gateway passes [`crate::FsResolver`]); roots are resolved through it once, here.
    pub fn compile(
        config: &PolicyFile,
        cedar: &[CedarSource],
        resolver: Arc<dyn PathResolver>,
    ) -> Result<Engine, PolicyError> {
        let defaults = &config.defaults;
        let servers = config
            .servers
            .iter()
            .map(|(name, policy)| {
                let compiled =
                    CompiledServer::new(name, policy, &defaults.annotations, resolver.as_ref());
                (name.clone(), compiled)
            })
            .collect();
        let sampling = config
            .servers
            .iter()
            .filter_map(|(name, s)| {
                let c = s.sampling.as_ref()?;
                Some((
                    name.clone(),
                    SamplingPolicy {
                        mode: c.mode,
                        max_tokens: c.max_tokens,
                        rule: RuleId(format!("servers.{name}.sampling")),
                    },
                ))
            })
            .collect();
        let elicitation = config
            .servers
            .iter()
            .filter_map(|(name, s)| {
                let c = s.elicitation.as_ref()?;
                Some((
                    name.clone(),
                    ElicitationPolicy {
                        mode: c.mode,
                        rule: RuleId(format!("servers.{name}.elicitation")),
                    },
                ))
            })
            .collect();
        let default_content = ContentSettings::default().with(&defaults.content);
        let content = config
            .servers
            .iter()
            .map(|(name, s)| (name.clone(), default_content.with(&s.content)))
            .collect();
        let labels = config
            .servers
            .iter()
            .map(|(name, s)| {
                let globs = s
                    .labels
                    .iter()
                    .map(|(g, l)| (g.glob.compile_matcher(), l.clone()))
                    .collect();
                (name.clone(), globs)
            })
            .collect();
        Ok(Engine {
            content,
            default_content,
            flows: defaults.flows.clone(),
            labels,
            servers,
            unlisted: CompiledServer::unlisted(defaults.unlisted_servers, &defaults.annotations),
            sampling,
            default_sampling: SamplingPolicy {
                mode: defaults.sampling.mode,
                max_tokens: defaults.sampling.max_tokens,
                rule: RuleId("defaults.sampling".to_string()),
            },
            elicitation,
            default_elicitation: ElicitationPolicy {
                mode: defaults.elicitation.mode,
                rule: RuleId("defaults.elicitation".to_string()),
            },
            session_limit: defaults.rate_limit.per_session,
            cedar: CedarPolicies::compile(cedar, config.cedar.default.verdict())?,
            resolver,
        })
    }

    /// Number of Cedar policies loaded.
    pub fn cedar_policies(&self) -> usize {
        self.cedar.as_ref().map_or(0, CedarPolicies::len)
    }

    /// Names of the servers the policy file has a table for.
    pub fn servers(&self) -> impl Iterator<Item = &str> {
        self.servers.keys().map(String::as_str)
    }

    /// The sampling policy for `server` (its own table, else `[defaults.sampling]`).
    pub fn sampling(&self, server: &str) -> &SamplingPolicy {
        self.sampling.get(server).unwrap_or(&self.default_sampling)
    }

    /// What happens to secrets, hidden characters and injections in `server`'s results.
    pub fn content(&self, server: &str) -> ContentSettings {
        self.content
            .get(server)
            .copied()
            .unwrap_or(self.default_content)
    }

    /// The flow rules.
    pub fn flows(&self) -> &FlowsConfig {
        &self.flows
    }

    /// The labels the file gives `tool` of `server` (the first glob that matches), if any.
    pub fn labels(&self, server: &str, tool: &str) -> Option<&[Label]> {
        self.labels
            .get(server)?
            .iter()
            .find(|(g, _)| g.is_match(tool))
            .map(|(_, l)| l.as_slice())
    }

    /// The elicitation policy for `server`.
    pub fn elicitation(&self, server: &str) -> &ElicitationPolicy {
        self.elicitation
            .get(server)
            .unwrap_or(&self.default_elicitation)
    }

    /// May this tool definition (an element of `tools/list`'s `tools`) be listed?
    /// A tool without a string `name` is not.
    pub fn visible(&self, server: &str, tool: &Value) -> bool {
        let Some(name) = tool.get("name").and_then(Value::as_str) else {
            return false;
        };
        let request =
            Request::list_tool(server, name).with_annotations(Annotations::from_tool(tool));
        self.evaluate(&request).verdict != Verdict::Deny
    }

    /// May this prompt be listed?
    pub fn visible_prompt(&self, server: &str, name: &str) -> bool {
        self.evaluate(&Request::get_prompt(server, name, None))
            .verdict
            != Verdict::Deny
    }

    /// May this resource be listed?
    pub fn visible_resource(&self, server: &str, uri: &str) -> bool {
        self.evaluate(&Request::read_resource(server, uri)).verdict != Verdict::Deny
    }

    /// Decide `request`: every rule that matches contributes; deny beats approve beats allow.
    pub fn evaluate(&self, request: &Request<'_>) -> Decision {
        let server = self.servers.get(request.server).unwrap_or(&self.unlisted);
        let mut out: Vec<Contribution> = Vec::new();
        let mut facts = ArgFacts::new();
        match request.action {
            Action::CallTool { tool, args } => {
                let ann = (&request.annotations, &server.annotations);
                server.tools.evaluate(tool, Some(ann), &mut out);
                server.check_args(tool, args, self.resolver.as_ref(), &mut out, &mut facts);
                server.rate.evaluate(tool, request.counts, &mut out);
                self.session_rate(request, &mut out);
            }
            Action::ListTools { tool } => {
                let ann = (&request.annotations, &server.annotations);
                server.tools.evaluate(tool, Some(ann), &mut out);
            }
            Action::ReadResource { uri } => server.resources.evaluate(uri, None, &mut out),
            Action::GetPrompt { name, .. } => server.prompts.evaluate(name, None, &mut out),
            Action::Sample { max_tokens } => {
                self.sampling_contribution(request, max_tokens, &mut out)
            }
            Action::Elicit => {
                let policy = self.elicitation(request.server);
                out.push(Contribution {
                    rule: policy.rule.clone(),
                    verdict: policy.mode,
                    reason: format!(
                        "elicitation by server `{}`: {} is {}",
                        request.server, policy.rule, policy.mode
                    ),
                });
            }
        }
        if let Some(cedar) = &self.cedar {
            let cedar_facts = CedarFacts {
                request,
                normalized: &facts.normalized,
                paths: &facts.paths,
                paths_within_roots: facts.paths_within_roots,
                url_hosts: &facts.url_hosts,
            };
            let full = (request.action.name(), Reading::Full);
            if let Action::ListTools { .. } = request.action {
                // Listed only if it could be called at all: an unconditional forbid on
                // `call_tool` hides the tool too.
                let probe = ("call_tool", Reading::Probe);
                cedar.evaluate(&cedar_facts, &[full, probe], &mut out);
            } else {
                cedar.evaluate(&cedar_facts, &[full], &mut out);
            }
        }
        Decision::from_contributions(out)
    }

    fn session_rate(&self, request: &Request<'_>, out: &mut Vec<Contribution>) {
        if let Some(limit) = self.session_limit {
            if request.counts.session >= limit {
                out.push(Contribution {
                    rule: RuleId("defaults.rate_limit.per_session".to_string()),
                    verdict: Verdict::Deny,
                    reason: format!(
                        "{} tool calls in the last minute in this session; the limit is {limit} per minute",
                        request.counts.session
                    ),
                });
            }
        }
    }

    fn sampling_contribution(
        &self,
        request: &Request<'_>,
        max_tokens: Option<u64>,
        out: &mut Vec<Contribution>,
    ) {
        let policy = self.sampling(request.server);
        let cap = match (policy.max_tokens, max_tokens) {
            (Some(cap), Some(asked)) if asked > cap => {
                format!(" (maxTokens {asked} is lowered to {cap})")
            }
            (Some(cap), _) => format!(" (maxTokens at most {cap})"),
            (None, _) => String::new(),
        };
        out.push(Contribution {
            rule: policy.rule.clone(),
            verdict: policy.mode,
            reason: format!(
                "sampling by server `{}`: {} is {}{cap}",
                request.server, policy.rule, policy.mode
            ),
        });
    }
}

#[cfg(test)]
mod cedar_tests;
#[cfg(test)]
mod tests;
