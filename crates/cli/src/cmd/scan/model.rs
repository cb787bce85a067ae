//! The scan report: what `--format json` prints and what the table and SARIF are made from.
//!
//! These types are the documented, stable output (docs/scan.md), kept apart from the detection
//! engine's own types so the engine can change without changing the JSON contract. New fields
//! may be added; existing ones keep their names and meaning (`format_version` changes otherwise).

use serde::Serialize;
use serde_json::Value;

/// The version of the JSON format.
pub const FORMAT_VERSION: u32 = 1;

/// The judgement on an item, a server, a finding or the whole scan; ordered pass < warn < block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    #[default]
    Pass,
    Warn,
    Block,
}

/// How serious one finding is on its own (the engine's scale; scan's own rules use the middle).
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// One reason for suspicion inside an item (from the detection engine).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    /// JSON path inside the item, e.g. `inputSchema.properties.sidenote.description`; empty
    /// for a finding about the whole item (`learned.poisoning`).
    pub field: String,
    pub message: String,
    pub evidence: String,
}

impl Finding {
    /// The field path for people to read: `(whole item)` for a finding about the whole item.
    pub fn field_label(&self) -> &str {
        mcpguard_detect::finding::field_label(&self.field)
    }
}

/// What kind of metadata an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Tool,
    Prompt,
    Resource,
    ResourceTemplate,
    /// The server's `instructions` from its handshake.
    Instructions,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Tool => "tool",
            ItemKind::Prompt => "prompt",
            ItemKind::Resource => "resource",
            ItemKind::ResourceTemplate => "resource_template",
            ItemKind::Instructions => "instructions",
        }
    }
}

/// The judgement on one listed item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemReport {
    pub kind: ItemKind,
    pub name: String,
    pub verdict: Verdict,
    pub score: u32,
    pub findings: Vec<Finding>,
    /// Flow labels of a tool (`untrusted_source`, `private_source`, `sink`), as `wrap` infers
    /// them for its flow rules; empty for other items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<&'static str>,
}

/// A finding about configuration or about several servers together (hygiene, cross-server):
/// it carries its own verdict, since no item score applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub rule_id: String,
    pub verdict: Verdict,
    pub severity: Severity,
    /// Hygiene: the key in the server's entry (`env.GITHUB_TOKEN`, `args[1]`, `command`, `url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
    /// Secrets are shown redacted.
    pub evidence: String,
    /// Cross-server: every place involved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
}

/// An item of a server, for cross-server issues.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub server: String,
    pub kind: &'static str,
    pub item: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Whether the server could be listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    /// It could not be started, reached, or did not answer in time (see `error`).
    Failed,
    /// Not contacted (disabled in its config, or an unsupported transport).
    Skipped,
}

/// Counts of what the server lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tools: usize,
    pub prompts: usize,
    pub resources: usize,
    pub resource_templates: usize,
}

/// One configured server and what the scan found.
#[derive(Debug, Clone, Serialize)]
pub struct ServerReport {
    pub name: String,
    pub client: &'static str,
    /// The configuration file it came from.
    pub config: String,
    /// RFC 6901 pointer of its entry in that file.
    pub pointer: String,
    /// `stdio`, `http`, `sse` or `invalid`.
    pub transport: &'static str,
    /// The command line or URL (secrets in it redacted).
    pub target: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Same launch command or URL as an earlier entry: listed once, reported for both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    pub elapsed_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_info: Option<Value>,
    /// The worst of its items and its hygiene issues.
    pub verdict: Verdict,
    pub counts: Counts,
    pub items: Vec<ItemReport>,
    pub hygiene: Vec<Issue>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One configuration file that exists.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigReport {
    pub path: String,
    /// The client's id (`claude-desktop`, `claude-code`, `cursor`, `vscode`, `windsurf`,
    /// `gemini-cli`, `custom`).
    pub client: &'static str,
    /// The client's product name.
    pub client_name: &'static str,
    pub scope: &'static str,
    pub format: &'static str,
    /// `loaded` or `error`.
    pub status: &'static str,
    pub servers: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub configs: usize,
    pub config_errors: usize,
    pub servers: usize,
    pub servers_ok: usize,
    pub servers_failed: usize,
    pub servers_skipped: usize,
    pub items: usize,
    pub block: usize,
    pub warn: usize,
    pub pass: usize,
    pub cross_server: usize,
    pub hygiene: usize,
    /// The worst verdict anywhere: items, cross-server issues, hygiene issues.
    pub verdict: Verdict,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    pub format_version: u32,
    pub configs: Vec<ConfigReport>,
    pub servers: Vec<ServerReport>,
    pub cross_server: Vec<Issue>,
    pub summary: Summary,
}

impl ScanReport {
    /// Fills `summary` from the rest.
    pub fn summarize(&mut self) {
        let mut s = Summary {
            configs: self.configs.len(),
            config_errors: self.configs.iter().filter(|c| c.status == "error").count(),
            servers: self.servers.len(),
            cross_server: self.cross_server.len(),
            ..Summary::default()
        };
        let mut worst = Verdict::Pass;
        for srv in &self.servers {
            match srv.status {
                Status::Ok => s.servers_ok += 1,
                Status::Failed => s.servers_failed += 1,
                Status::Skipped => s.servers_skipped += 1,
            }
            if srv.same_as.is_none() {
                for item in &srv.items {
                    s.items += 1;
                    match item.verdict {
                        Verdict::Block => s.block += 1,
                        Verdict::Warn => s.warn += 1,
                        Verdict::Pass => s.pass += 1,
                    }
                }
            }
            s.hygiene += srv.hygiene.len();
            worst = worst.max(srv.verdict);
        }
        for i in &self.cross_server {
            worst = worst.max(i.verdict);
        }
        s.verdict = worst;
        self.summary = s;
    }
}
