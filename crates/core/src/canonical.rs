//! Canonical definitions of the items a server offers, and their hashes.
//!
//! A pin (and a signed manifest) covers exactly the fields that reach the model or change what a
//! call does — not pagination cursors, `_meta` or icons. The chosen fields are serialised with
//! RFC 8785 (JSON Canonicalization Scheme) and hashed with SHA-256, so the same definition hashes the
//! same whatever key order or spacing the server used.

use mcpguard_store::{ItemKind, PinnedItem};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The fields of each kind that a pin covers.
fn pinned_fields(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Tool => &[
            "name",
            "title",
            "description",
            "inputSchema",
            "outputSchema",
            "annotations",
        ],
        ItemKind::Prompt => &["name", "title", "description", "arguments"],
        ItemKind::ResourceTemplate => &[
            "name",
            "title",
            "uriTemplate",
            "description",
            "mimeType",
            "annotations",
        ],
        ItemKind::Instructions => &["instructions"],
    }
}

/// The JSON array field of a list result that holds items of `kind`.
pub fn list_field(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Tool => "tools",
        ItemKind::Prompt => "prompts",
        ItemKind::ResourceTemplate => "resourceTemplates",
        ItemKind::Instructions => "instructions",
    }
}

/// The identifying name of an item (`None` if it has none: such an item cannot be pinned).
pub fn item_name(kind: ItemKind, def: &Value) -> Option<String> {
    match kind {
        ItemKind::Instructions => Some(String::new()),
        ItemKind::ResourceTemplate => def
            .get("uriTemplate")
            .or_else(|| def.get("name"))?
            .as_str()
            .map(str::to_owned),
        _ => def.get("name")?.as_str().map(str::to_owned),
    }
}

/// The canonical form of an item's pinned fields.
pub fn canonical(kind: ItemKind, def: &Value) -> String {
    let mut picked = Map::new();
    for field in pinned_fields(kind) {
        if let Some(v) = def.get(*field) {
            picked.insert((*field).to_owned(), v.clone());
        }
    }
    // Canonicalisation of a Value built from valid JSON cannot fail; fall back to serde's output.
    serde_json_canonicalizer::to_string(&Value::Object(picked.clone()))
        .unwrap_or_else(|_| Value::Object(picked).to_string())
}

/// SHA-256 of text, in lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The pinned form of an item: canonical content and its hash.
pub fn pinned(kind: ItemKind, def: &Value) -> PinnedItem {
    let content = canonical(kind, def);
    PinnedItem {
        hash: sha256_hex(&content),
        content,
    }
}

/// Which top-level pinned fields differ between two canonical contents (for error messages).
pub fn changed_fields(old: &str, new: &str) -> Vec<String> {
    let parse = |s: &str| serde_json::from_str::<Map<String, Value>>(s).unwrap_or_default();
    let (a, b) = (parse(old), parse(new));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_order_and_spacing_do_not_change_the_hash_but_content_does() {
        let a: Value = serde_json::from_str(r#"{"name":"t","description":"d","inputSchema":{"type":"object","properties":{"b":{},"a":{}}},"_meta":{"x":1}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{ "inputSchema":{"properties":{"a":{},"b":{}},"type":"object"}, "description":"d", "name":"t" }"#).unwrap();
        assert_eq!(pinned(ItemKind::Tool, &a), pinned(ItemKind::Tool, &b));
        let c = json!({"name":"t","description":"d!","inputSchema":{"type":"object","properties":{"a":{},"b":{}}}});
        assert_ne!(
            pinned(ItemKind::Tool, &a).hash,
            pinned(ItemKind::Tool, &c).hash
        );
        assert_eq!(
            changed_fields(
                &pinned(ItemKind::Tool, &a).content,
                &pinned(ItemKind::Tool, &c).content
            ),
            ["description"]
        );
    }

    #[test]
    fn canonical_form_is_rfc8785() {
        let v = json!({"name":"t","description":"é\u{2028}","inputSchema":{"z":1.0,"a":1e21}});
        assert_eq!(
            canonical(ItemKind::Tool, &v),
            "{\"description\":\"é\u{2028}\",\"inputSchema\":{\"a\":1e+21,\"z\":1},\"name\":\"t\"}"
        );
    }
}
