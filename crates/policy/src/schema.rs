//! The JSON Schema of `mcpguard.toml`, generated from the configuration types.
//!
//! Committed as `docs/mcpguard.schema.json` for editors (Taplo, VS Code "Even Better TOML"); a test
//! fails when the committed file no longer matches the code.

use crate::config::PolicyFile;

/// The schema as pretty-printed JSON with a trailing newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(PolicyFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
