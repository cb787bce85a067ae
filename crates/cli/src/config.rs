//! The configuration file (`--config FILE`, TOML): parsed strictly, errors name file and key.

use std::path::Path;

use anyhow::Context;
use mcpguard_proto::Limits;
use serde::Deserialize;

/// The whole file. Every table denies unknown keys, so a typo is an error rather than a silently
/// ignored setting.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Message size and nesting limits (both directions).
    #[serde(default)]
    pub limits: Option<Limits>,
    /// Settings of `mcpguard wrap`.
    #[serde(default)]
    pub wrap: Option<WrapSection>,
    /// Trust on first use.
    #[serde(default)]
    pub pins: Option<PinsSection>,
    /// Calls held for a human decision.
    #[serde(default)]
    pub approvals: Option<ApprovalsSection>,
    /// The audit log.
    #[serde(default)]
    pub audit: Option<AuditSection>,
}

/// `[audit]`
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AuditSection {
    /// `normal` (default): a record is committed to the write-ahead log before its decision takes
    /// effect — it survives a crash of mcpguard, not a power loss. `full`: synced to disk too
    /// (one fsync per record, about a millisecond on a typical disk).
    pub sync: Option<AuditSync>,
    /// Record each call's arguments in its audit record, credentials redacted (default false:
    /// only their SHA-256 digest is recorded).
    pub arguments: Option<bool>,
}

/// `[audit] sync`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditSync {
    Normal,
    Full,
}

/// `[approvals]`
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ApprovalsSection {
    /// Hold calls of tools their server marks `destructiveHint: true` (default true).
    pub destructive: Option<bool>,
    /// Seconds a held call waits for a decision before it is denied (default 120).
    pub timeout_secs: Option<u64>,
}

/// `[pins]`
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PinsSection {
    /// `tofu` (default): the first definition seen is trusted unless detection blocks it;
    /// `strict`: nothing new is usable until approved.
    pub mode: Option<PinModeName>,
}

/// The pin modes, as written in the file and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum PinModeName {
    Tofu,
    Strict,
}

/// `[wrap]`
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WrapSection {
    /// Milliseconds to wait for the server to exit after its stdin closes, before SIGTERM.
    pub shutdown_grace_ms: Option<u64>,
    /// Milliseconds to wait after SIGTERM before SIGKILL.
    pub kill_grace_ms: Option<u64>,
}

/// Parses configuration text; `origin` names the file in errors.
pub fn parse(text: &str, origin: &str) -> anyhow::Result<FileConfig> {
    toml::from_str(text).map_err(|e| anyhow::anyhow!("{origin}: {}", e.to_string().trim_end()))
}

/// Reads and parses a configuration file.
pub fn load(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    parse(&text, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_name_the_file_the_key_and_what_is_allowed() {
        let err = parse("[limits]\nmax_mesage_bytes = 5\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("my.toml:"), "{err}");
        assert!(err.contains("max_mesage_bytes"), "{err}");
        assert!(err.contains("max_message_bytes"), "{err}");
        let err = parse("[wrapp]\n", "x.toml").unwrap_err().to_string();
        assert!(err.contains("wrapp") && err.contains("wrap"), "{err}");
    }

    #[test]
    fn the_documented_example_parses() {
        let doc = include_str!("../../../docs/configuration.md");
        let start = doc.find("```toml\n").expect("a toml block") + 8;
        let end = start + doc[start..].find("```").expect("its end");
        let c = parse(&doc[start..end], "docs/configuration.md").unwrap();
        let audit = c.audit.unwrap();
        assert_eq!(audit.sync, Some(AuditSync::Normal));
        assert_eq!(audit.arguments, Some(false));
        assert_eq!(c.approvals.unwrap().timeout_secs, Some(120));
    }

    #[test]
    fn pin_modes() {
        let c = parse("[pins]\nmode = \"strict\"\n", "x").unwrap();
        assert_eq!(c.pins.unwrap().mode, Some(PinModeName::Strict));
        let err = parse("[pins]\nmode = \"lax\"\n", "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("tofu") && err.contains("strict"), "{err}");
    }

    #[test]
    fn partial_limits_keep_defaults() {
        let c = parse("[limits]\nmax_depth = 10\n", "x").unwrap();
        let l = c.limits.unwrap();
        assert_eq!(l.max_depth, 10);
        assert_eq!(l.max_message_bytes, Limits::default().max_message_bytes);
    }
}
