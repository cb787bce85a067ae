//! What the engine returns: findings with their reasons, and a verdict per item.
//!
//! Every finding names the rule, the exact JSON field path it came from, a short excerpt of the
//! evidence and the byte span in that field's original text, so a user can see *why* an item
//! was judged the way it was (a decision carries its reason).

use serde::Serialize;

/// How serious a finding is on its own. The verdict comes from the score, not from one severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Context only; never changes a verdict alone.
    Info,
    /// A weak signal: common in honest text, meaningful in combination.
    Low,
    /// Unusual in honest metadata.
    Medium,
    /// A strong sign of an attack.
    High,
    /// An attack mechanism stated outright.
    Critical,
}

impl Severity {
    /// The lowercase name used in JSON and SARIF output.
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

/// The judgement on one item (tool, prompt, resource, instructions text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing reached the warn threshold.
    Pass,
    /// Suspicious: show it to a human.
    Warn,
    /// Poisoned or hiding content: do not give it to a model.
    Block,
}

impl Verdict {
    /// The lowercase name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Block => "block",
        }
    }
}

/// A byte range in the original text of the finding's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One reason for suspicion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable rule id, `family.name` (documented in docs/detection.md).
    pub rule_id: &'static str,
    /// How serious this rule is on its own.
    pub severity: Severity,
    /// JSON path of the field, e.g. `description` or `inputSchema.properties.path.description`;
    /// empty when the finding is about the whole item (`learned.poisoning`,
    /// `engine.internal_error`): see [`Finding::field_label`].
    pub field: String,
    /// What the rule saw, in words.
    pub message: String,
    /// A short excerpt (for hidden content: the revealed text).
    pub evidence: String,
    /// Where in the field's original text, when it maps to one place.
    pub span: Option<Span>,
    /// What this finding adds to the item's score (the highest per rule id counts).
    pub weight: u32,
}

impl Finding {
    /// The field path for people to read: `(whole item)` for a finding about the whole item.
    pub fn field_label(&self) -> &str {
        field_label(&self.field)
    }
}

/// A finding's field path for people to read: `(whole item)` when it is empty (a finding
/// about the whole item).
pub fn field_label(field: &str) -> &str {
    if field.is_empty() {
        "(whole item)"
    } else {
        field
    }
}

/// The judgement on one item with its reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Block, warn or pass, from the score and the configured thresholds.
    pub verdict: Verdict,
    /// Sum over rule ids of the highest weight of each, capped at 100.
    pub score: u32,
    /// The reasons, strongest first.
    pub findings: Vec<Finding>,
}

impl Report {
    /// True when any finding has the given rule id.
    pub fn has(&self, rule_id: &str) -> bool {
        self.findings.iter().any(|f| f.rule_id == rule_id)
    }
}
