//! What the gate does with what servers send back, and with data flowing between tools:
//! `[defaults.content]` / `[servers.NAME.content]`, `[defaults.flows]`, `[servers.NAME.labels]`.
//!
//! The defaults are safe without a file: secrets are redacted, hidden characters stripped,
//! results carrying instructions for the model spotlighted, secrets in arguments blocked, and a
//! sink call after injected content needs approval.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::types::Glob;
use crate::decision::Verdict;

/// For credentials found in results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SecretAction {
    /// Replace each secret with `[REDACTED:<rule>]` (JSON stays valid).
    Redact,
    /// Keep the result out of the session; a person can review and release it.
    Quarantine,
    /// Answer the call with an error.
    Block,
    /// Let it through (the finding is still audited).
    Allow,
}

/// For hidden characters and terminal escapes found in results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HiddenAction {
    /// Remove zero-width, bidi and tag characters and ANSI escape sequences.
    Strip,
    /// Keep the result out of the session; a person can review and release it.
    Quarantine,
    /// Answer the call with an error.
    Block,
    /// Let it through (the finding is still audited).
    Allow,
}

/// For instructions aimed at the model found in results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InjectionAction {
    /// Wrap the text in marked delimiters naming the server and tool, as untrusted data.
    Spotlight,
    /// Keep the result out of the session; a person can review and release it.
    Quarantine,
    /// Answer the call with an error.
    Block,
    /// Let it through (the finding is still audited).
    Allow,
}

/// For credentials or private keys in the arguments of a tool call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ArgumentAction {
    /// Refuse the call.
    Block,
    /// Let it through (the finding is still audited).
    Allow,
}

/// `[defaults.content]` / `[servers.NAME.content]` as written (unset keys inherit).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentConfig {
    /// Credentials in results: `redact` (default), `quarantine`, `block`, `allow`.
    pub secrets: Option<SecretAction>,
    /// Hidden characters and escapes in results: `strip` (default), `quarantine`, `block`, `allow`.
    pub hidden: Option<HiddenAction>,
    /// Instructions for the model in results: `spotlight` (default), `quarantine`, `block`, `allow`.
    pub injection: Option<InjectionAction>,
    /// Credentials in tool-call arguments: `block` (default), `allow`.
    pub argument_secrets: Option<ArgumentAction>,
    /// Spotlight every text result of a tool labelled `untrusted_source`, not only those with
    /// findings (default false).
    pub spotlight_untrusted: Option<bool>,
}

/// The content settings in force for one server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentSettings {
    pub secrets: SecretAction,
    pub hidden: HiddenAction,
    pub injection: InjectionAction,
    pub argument_secrets: ArgumentAction,
    pub spotlight_untrusted: bool,
}

impl Default for ContentSettings {
    fn default() -> Self {
        ContentSettings {
            secrets: SecretAction::Redact,
            hidden: HiddenAction::Strip,
            injection: InjectionAction::Spotlight,
            argument_secrets: ArgumentAction::Block,
            spotlight_untrusted: false,
        }
    }
}

impl ContentSettings {
    /// These settings with what `config` sets replaced.
    pub fn with(self, config: &ContentConfig) -> ContentSettings {
        ContentSettings {
            secrets: config.secrets.unwrap_or(self.secrets),
            hidden: config.hidden.unwrap_or(self.hidden),
            injection: config.injection.unwrap_or(self.injection),
            argument_secrets: config.argument_secrets.unwrap_or(self.argument_secrets),
            spotlight_untrusted: config
                .spotlight_untrusted
                .unwrap_or(self.spotlight_untrusted),
        }
    }
}

/// `[defaults.flows]`: what a sink call needs after data of a kind has entered the session.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlowsConfig {
    /// After a result carrying instructions for the model: `approve` (default), `deny`, `allow`.
    #[serde(default = "approve")]
    pub injected_to_sink: Verdict,
    /// After any content from an `untrusted_source` tool: `allow` (default), `approve`, `deny`.
    #[serde(default = "allow")]
    pub untrusted_to_sink: Verdict,
    /// After private data was read, a sink of the same server: `allow` (default), `approve`, `deny`.
    #[serde(default = "allow")]
    pub private_to_sink: Verdict,
    /// After private data was read from one server, a sink of another: `deny` (default),
    /// `approve`, `allow`.
    #[serde(default = "deny")]
    pub private_to_other_server_sink: Verdict,
    /// A sink call whose arguments copy text read from a private source verbatim (48 bytes or
    /// more): `deny` (default), `approve`, `allow`.
    #[serde(default = "deny")]
    pub private_content_to_sink: Verdict,
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

impl Default for FlowsConfig {
    fn default() -> Self {
        FlowsConfig {
            injected_to_sink: Verdict::Approve,
            untrusted_to_sink: Verdict::Allow,
            private_to_sink: Verdict::Allow,
            private_to_other_server_sink: Verdict::Deny,
            private_content_to_sink: Verdict::Deny,
        }
    }
}

/// What a tool does with data, for the flow rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// Brings outside content into the session (web pages, issues, email).
    UntrustedSource,
    /// Reads private data (files, mail, databases, secrets).
    PrivateSource,
    /// Can send data out of the machine or to other people.
    Sink,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::UntrustedSource => "untrusted_source",
            Label::PrivateSource => "private_source",
            Label::Sink => "sink",
        }
    }
}

/// `[servers.NAME.labels]`: tool glob → labels (an empty list: no labels). Replaces what mcpguard
/// infers from annotations, names and descriptions.
pub type LabelsConfig = BTreeMap<Glob, Vec<Label>>;
