//! mcpguard's policy engine: least privilege for MCP servers, decided in code and explained.
//!
//! Two sources of rules. `mcpguard.toml` says per server which tools, prompts and resources may be
//! used, constrains arguments (paths confined to roots, URL hosts, regexes, lengths, ranges), limits
//! call rates, and sets the sampling and elicitation policy. Cedar policies (`*.cedar`, validated
//! against [`CEDAR_SCHEMA`]) say what the file cannot: conditions across identity, session taint,
//! detection findings and normalised arguments.
//!
//! Everything is compiled once into an immutable [`Engine`]; [`Engine::evaluate`] answers one
//! [`Request`] with a [`Decision`] — verdict, every rule that decided it, and why. The engine does
//! no I/O: symlinks are followed by an injected [`PathResolver`], rate counts come in with the
//! request ([`RateLimiter`] keeps them), and only [`read_policy`]/[`Engine::load`] read files.
//! Reference: `docs/policy.md`.

mod cedar;
pub mod config;
mod constraint;
mod decision;
mod engine;
mod error;
mod fs;
mod host;
mod load;
mod path;
mod rate;
mod request;
mod schema;
mod server;

pub use cedar::{CedarSource, SCHEMA as CEDAR_SCHEMA};
pub use config::{
    ArgumentAction, ContentSettings, FlowsConfig, HiddenAction, InjectionAction, Label, PolicyFile,
    SecretAction,
};
pub use decision::{Contribution, Decision, RuleId, Verdict};
pub use engine::{ElicitationPolicy, Engine, SamplingPolicy};
pub use error::PolicyError;
pub use fs::FsResolver;
pub use load::{read_policy, LoadedPolicy};
pub use path::{normalize as normalize_path, LexicalResolver, PathResolver};
pub use rate::{RateLimiter, WINDOW as RATE_WINDOW};
pub use request::{Action, Annotations, FindingFact, RateCounts, Request, Severity};
pub use schema::json_schema;

#[cfg(test)]
mod send_sync {
    #[test]
    fn engine_is_send_and_sync() {
        fn assert<T: Send + Sync>() {}
        assert::<super::Engine>();
        assert::<std::sync::Arc<super::Engine>>();
    }
}
