//! Judging a server's items with the detection engine, into the scan's own report types.
//!
//! The only place that knows the engine's API: everything else in `scan` works with `model`.

use mcpguard_detect::{Engine, Report};
use mcpguard_gateway::client::Inventory;
use serde_json::Value;

use super::model::{Finding, ItemKind, ItemReport, Severity, Verdict};

/// The engine, compiled once and shared by every server.
pub struct Judge {
    engine: Engine,
}

impl Judge {
    pub fn new() -> anyhow::Result<Judge> {
        Ok(Judge {
            engine: Engine::new(mcpguard_detect::Config::default())?,
        })
    }

    /// Every item of the inventory, in listing order: instructions, tools, prompts, resources,
    /// resource templates.
    pub fn inventory(&self, inv: &Inventory) -> Vec<ItemReport> {
        let mut out = Vec::new();
        if let Some(text) = inv.instructions.as_deref().filter(|s| !s.is_empty()) {
            out.push(item(
                ItemKind::Instructions,
                String::new(),
                self.engine.scan_instructions(text),
            ));
        }
        for t in &inv.tools {
            let mut report = item(ItemKind::Tool, name_of(t), self.engine.scan_tool(t));
            report.labels = mcpguard_detect::labels::infer(t).names();
            out.push(report);
        }
        for p in &inv.prompts {
            out.push(item(
                ItemKind::Prompt,
                name_of(p),
                self.engine.scan_prompt(p),
            ));
        }
        for r in &inv.resources {
            out.push(item(
                ItemKind::Resource,
                name_of(r),
                self.engine.scan_resource(r),
            ));
        }
        for r in &inv.resource_templates {
            out.push(item(
                ItemKind::ResourceTemplate,
                name_of(r),
                self.engine.scan_resource(r),
            ));
        }
        out
    }
}

fn item(kind: ItemKind, name: String, report: Report) -> ItemReport {
    ItemReport {
        kind,
        name,
        verdict: verdict(report.verdict),
        score: report.score,
        findings: report
            .findings
            .into_iter()
            .map(|f| Finding {
                rule_id: f.rule_id.to_owned(),
                severity: severity(f.severity),
                field: f.field,
                message: f.message,
                evidence: f.evidence,
            })
            .collect(),
        labels: Vec::new(),
    }
}

pub fn verdict(v: mcpguard_detect::Verdict) -> Verdict {
    match v {
        mcpguard_detect::Verdict::Pass => Verdict::Pass,
        mcpguard_detect::Verdict::Warn => Verdict::Warn,
        mcpguard_detect::Verdict::Block => Verdict::Block,
    }
}

pub fn severity(s: mcpguard_detect::Severity) -> Severity {
    match s {
        mcpguard_detect::Severity::Info => Severity::Info,
        mcpguard_detect::Severity::Low => Severity::Low,
        mcpguard_detect::Severity::Medium => Severity::Medium,
        mcpguard_detect::Severity::High => Severity::High,
        mcpguard_detect::Severity::Critical => Severity::Critical,
    }
}

fn name_of(item: &Value) -> String {
    item.get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}
