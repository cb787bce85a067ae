//! The committed JSON Schema (`docs/mcpguard.schema.json`) matches the code.
//!
//! Regenerate with `MCPGUARD_BLESS=1 cargo test -p mcpguard-policy --test schema`.

use std::path::Path;

#[test]
fn committed_json_schema_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/mcpguard.schema.json");
    let generated = mcpguard_policy::json_schema();
    if std::env::var_os("MCPGUARD_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/mcpguard.schema.json is stale: run `MCPGUARD_BLESS=1 cargo test -p mcpguard-policy --test schema` and commit it"
    );
}

#[test]
fn schema_describes_the_file() {
    let schema: serde_json::Value =
        serde_json::from_str(&mcpguard_policy::json_schema()).expect("schema is JSON");
    assert_eq!(schema["title"], "mcpguard policy (mcpguard.toml)");
    assert_eq!(schema["additionalProperties"], false);
    let text = schema.to_string();
    for key in [
        "unlisted_servers",
        "roots",
        "relative_to",
        "forbid_pattern",
        "max_tokens",
        "per_tool",
    ] {
        assert!(text.contains(key), "{key} missing from the schema");
    }
}
