//! The policy part of `mcpguard.toml`, as read from the file.
//!
//! Every table denies unknown keys, so a typo (`tool.deny`, `max_lenght`) is an error naming the
//! key and the keys allowed there, not a silently ignored rule. The JSON Schema committed as
//! `docs/mcpguard.schema.json` is generated from these types (see [`crate::json_schema`]).

mod args;
mod content;
mod types;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::decision::Verdict;
use crate::error::{line_col, PolicyError};

pub use args::{ArgRule, HostLists};
pub use content::{
    ArgumentAction, ContentConfig, ContentSettings, FlowsConfig, HiddenAction, InjectionAction,
    Label, LabelsConfig, SecretAction,
};
pub use types::{AbsPath, ArgSelector, Glob, HostEntry, Pattern};

/// The policy file: defaults, one table per server, and the Cedar policy files to load.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mcpguard policy (mcpguard.toml)")]
pub struct PolicyFile {
    /// What applies where no server table says otherwise.
    #[serde(default)]
    pub defaults: Defaults,
    /// Per-server policy, keyed by the server's name in mcpguard.
    #[serde(default)]
    pub servers: BTreeMap<String, ServerPolicy>,
    /// Cedar policies for what this file cannot say.
    #[serde(default)]
    pub cedar: CedarConfig,
}

/// Defaults for every server.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Verdict for the tools, prompts and resources of a server that has no `[servers.NAME]` table.
    #[serde(default = "allow")]
    pub unlisted_servers: Verdict,
    /// Verdicts derived from tool annotations, for tools no list names.
    #[serde(default)]
    pub annotations: AnnotationVerdicts,
    /// Limits over the whole session (all servers).
    #[serde(default)]
    pub rate_limit: SessionRateLimit,
    /// Sampling requests from servers without their own `sampling` table.
    #[serde(default)]
    pub sampling: SamplingConfig,
    /// Elicitation requests from servers without their own `elicitation` table.
    #[serde(default)]
    pub elicitation: ElicitationConfig,
    /// What happens to secrets, hidden characters and injected instructions in results.
    #[serde(default)]
    pub content: ContentConfig,
    /// What a sink call needs after untrusted, injected or private data entered the session.
    #[serde(default)]
    pub flows: FlowsConfig,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            unlisted_servers: Verdict::Allow,
            annotations: AnnotationVerdicts::default(),
            rate_limit: SessionRateLimit::default(),
            sampling: SamplingConfig::default(),
            elicitation: ElicitationConfig::default(),
            content: ContentConfig::default(),
            flows: FlowsConfig::default(),
        }
    }
}

fn allow() -> Verdict {
    Verdict::Allow
}
fn approve() -> Verdict {
    Verdict::Approve
}
fn deny() -> Verdict {
    Verdict::Deny
}

/// Verdicts for tools by their annotations (hints the server gives; a tool a list names ignores
/// them). A tool with neither hint set to `true` gets the list default.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnotationVerdicts {
    /// For tools with `destructiveHint: true` (and no `readOnlyHint: true`).
    #[serde(default = "approve")]
    pub destructive: Verdict,
    /// For tools with `readOnlyHint: true`.
    #[serde(default = "allow")]
    pub read_only: Verdict,
}

impl Default for AnnotationVerdicts {
    fn default() -> Self {
        AnnotationVerdicts {
            destructive: Verdict::Approve,
            read_only: Verdict::Allow,
        }
    }
}

/// Per-server overrides of the annotation verdicts.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnotationOverrides {
    /// For tools with `destructiveHint: true`.
    pub destructive: Option<Verdict>,
    /// For tools with `readOnlyHint: true`.
    pub read_only: Option<Verdict>,
}

/// The policy for one server.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServerPolicy {
    /// Which tools may be listed and called.
    #[serde(default)]
    pub tools: ItemLists,
    /// Which prompts may be listed and got (globs over prompt names).
    #[serde(default)]
    pub prompts: ItemLists,
    /// Which resources may be listed and read (globs over resource URIs).
    #[serde(default)]
    pub resources: ItemLists,
    /// Overrides of `defaults.annotations` for this server.
    #[serde(default)]
    pub annotations: AnnotationOverrides,
    /// Constraints on tool-call arguments.
    #[serde(default)]
    pub args: Vec<ArgRule>,
    /// Calls per minute.
    #[serde(default)]
    pub rate_limit: RateLimitConfig,
    /// What happens when this server asks the client's model to sample (`sampling/createMessage`).
    pub sampling: Option<SamplingConfig>,
    /// What happens when this server asks the user for input (`elicitation/create`).
    pub elicitation: Option<ElicitationConfig>,
    /// Overrides of `defaults.content` for this server's results and arguments.
    #[serde(default)]
    pub content: ContentConfig,
    /// Labels of this server's tools for the flow rules (tool glob → labels).
    #[serde(default)]
    pub labels: LabelsConfig,
}

/// Allow, approve and deny lists of globs, and the verdict for what none of them names.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemLists {
    /// Allowed. When non-empty and `default` is unset, everything else is denied.
    #[serde(default)]
    pub allow: Vec<Glob>,
    /// Held for a human's approval.
    #[serde(default)]
    pub approve: Vec<Glob>,
    /// Denied (and absent from listings). Beats `approve` and `allow`.
    #[serde(default)]
    pub deny: Vec<Glob>,
    /// For items no list names: `deny` when `allow` is non-empty, else `allow`.
    pub default: Option<Verdict>,
}

/// Calls per minute, per session, for one server.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateLimitConfig {
    /// Calls per minute to any one tool of this server.
    pub per_tool: Option<u32>,
    /// Calls per minute to all tools of this server together.
    pub per_session: Option<u32>,
    /// Calls per minute for particular tools (glob → limit), instead of `per_tool`.
    #[serde(default)]
    pub tools: BTreeMap<Glob, u32>,
}

/// Calls per minute over the whole session.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionRateLimit {
    /// Tool calls per minute to all servers together.
    pub per_session: Option<u32>,
}

/// Server-initiated sampling.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SamplingConfig {
    /// `deny` (default), `allow`, or `approve` (ask the user each time).
    #[serde(default = "deny")]
    pub mode: Verdict,
    /// Upper bound for the request's `maxTokens`; the gate lowers larger values to this.
    pub max_tokens: Option<u64>,
}

impl Default for SamplingConfig {
    fn default() -> Self {
        SamplingConfig {
            mode: Verdict::Deny,
            max_tokens: None,
        }
    }
}

/// Server-initiated elicitation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElicitationConfig {
    /// `allow` (default: the client shows the form to the user anyway), `approve` or `deny`.
    #[serde(default = "allow")]
    pub mode: Verdict,
}

impl Default for ElicitationConfig {
    fn default() -> Self {
        ElicitationConfig {
            mode: Verdict::Allow,
        }
    }
}

/// Cedar policy files and how their silence is read.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CedarConfig {
    /// `.cedar` files, relative to this file.
    #[serde(default)]
    pub files: Vec<String>,
    /// When no Cedar policy permits a request: `allow` (Cedar only restricts; default) or `deny`
    /// (every request needs a `permit`).
    #[serde(default)]
    pub default: CedarDefault,
}

/// How Cedar's silence is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CedarDefault {
    /// Cedar only restricts: no permit needed.
    #[default]
    Allow,
    /// Every request needs a `permit`.
    Deny,
}

impl CedarDefault {
    /// As a verdict.
    pub fn verdict(self) -> Verdict {
        match self {
            CedarDefault::Allow => Verdict::Allow,
            CedarDefault::Deny => Verdict::Deny,
        }
    }
}

impl PolicyFile {
    /// Parse the text of `mcpguard.toml`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<PolicyFile, PolicyError> {
        let parsed: PolicyFile = toml::from_str(text).map_err(|e| {
            let (line, column) = line_col(text, e.span().map_or(0, |s| s.start));
            PolicyError::Toml {
                file: file.to_string(),
                line,
                column,
                message: e.message().trim_end().to_string(),
            }
        })?;
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests;
