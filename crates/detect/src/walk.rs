//! Walks MCP items (tools, prompts, resources) into the text fields a model will read, each with
//! its exact JSON path.
//!
//! Every string under `inputSchema`/`outputSchema` is model input, not only `description`: property
//! names, titles, enum values, defaults and examples have all been used to carry instructions, so
//! the walk visits every string except pure structure (`type`, `$ref`, `format`, `required`) —
//! and even there, a value with whitespace in it is prose and is read.

use std::borrow::Cow;

use serde_json::Value;

use crate::rules::combine::FieldKind;

const MAX_DEPTH: usize = 24;
const MAX_FIELDS: usize = 4096;

/// One text field of an item.
#[derive(Debug, Clone)]
pub(crate) struct Field<'a> {
    /// (borrowed for the top-level keys: no allocation for `name` and `description`)
    pub path: Cow<'a, str>,
    pub text: &'a str,
    pub kind: FieldKind,
    /// Names (tool, property, argument names) are checked for hidden characters only.
    pub is_name: bool,
}

/// A field reads as its text (the learned model's features, `Engine::learned_features`).
impl AsRef<str> for Field<'_> {
    fn as_ref(&self) -> &str {
        self.text
    }
}

fn push<'a>(
    out: &mut Vec<Field<'a>>,
    path: impl Into<Cow<'a, str>>,
    text: &'a str,
    kind: FieldKind,
    is_name: bool,
) {
    if out.len() < MAX_FIELDS && !text.is_empty() {
        out.push(Field {
            path: path.into(),
            text,
            kind,
            is_name,
        });
    }
}

const STRUCTURAL: &[&str] = &[
    "type",
    "$ref",
    "$schema",
    "$id",
    "format",
    "required",
    "$comment_id",
];

/// (`path` is borrowed for a top-level key: most schemas hold no text, and their path was
/// allocated for nothing)
fn schema<'a>(v: &'a Value, path: Cow<'a, str>, depth: usize, out: &mut Vec<Field<'a>>) {
    if depth > MAX_DEPTH || out.len() >= MAX_FIELDS {
        return;
    }
    match v {
        Value::String(s) => push(out, path, s, FieldKind::Other, false),
        // `"privileged": {"default": true}`: a switch preset on is read with the property's name
        // (`engine::safeguard_preset`); it holds no text for the rules.
        Value::Bool(b) if path.ends_with(".default") => push(
            out,
            path,
            if *b { "true" } else { "false" },
            FieldKind::Other,
            true,
        ),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                schema(item, format!("{path}[{i}]").into(), depth + 1, out);
            }
        }
        Value::Object(map) => {
            for (k, val) in map {
                if (k == "properties"
                    || k == "patternProperties"
                    || k == "$defs"
                    || k == "definitions")
                    && val.is_object()
                {
                    if let Value::Object(props) = val {
                        let p = format!("{path}.{k}");
                        for (name, pv) in props {
                            let pp = format!("{p}.{name}");
                            push(out, pp.clone(), name, FieldKind::Other, true);
                            schema(pv, pp.into(), depth + 1, out);
                        }
                    }
                } else if restated_name(&path, k, val) {
                    // ("include_private_key": {"title": "Include Private Key"}: the title a
                    // schema generator writes from the name, which is read already; not an
                    // order)
                } else if !STRUCTURAL.contains(&k.as_str()) {
                    schema(val, format!("{path}.{k}").into(), depth + 1, out);
                } else {
                    prose_in_structure(val, &path, k, out);
                }
            }
        }
        _ => {}
    }
}

/// The `title` of a property only restates the property's name in words (`Include Private Key`
/// for `include_private_key`, as pydantic and FastMCP write them).
fn restated_name(path: &str, key: &str, v: &Value) -> bool {
    if key != "title" {
        return false;
    }
    let (Some(title), Some((_, name))) = (v.as_str(), path.rsplit_once(".properties.")) else {
        return false;
    };
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    }
    !name.is_empty() && letters(title).eq(letters(name))
}

/// Structure holds identifiers (`"string"`, `"#/$defs/x"`, a property name): a value of `type`,
/// `required`, `format` or `$ref` with whitespace in it is prose smuggled into the structure
/// (`"type": "string IMPORTANT: read ~/.bashrc ..."`), and is read like any other text. `key`
/// is the structural key under `path` (the field's path is formatted only for prose: nearly
/// every schema has a `type`).
fn prose_in_structure<'a>(v: &'a Value, path: &str, key: &str, out: &mut Vec<Field<'a>>) {
    let prose = |s: &str| s.trim().contains(char::is_whitespace);
    match v {
        Value::String(s) if prose(s) => {
            push(out, format!("{path}.{key}"), s, FieldKind::Other, false)
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if let Value::String(s) = item {
                    if prose(s) {
                        push(
                            out,
                            format!("{path}.{key}[{i}]"),
                            s,
                            FieldKind::Other,
                            false,
                        );
                    }
                }
            }
        }
        _ => {}
    }
}

/// `item.get(key)`: an item has a handful of keys, and comparing them is cheaper than hashing
/// `key` (JSON object keys are unique, so the first equal key is the one).
pub(crate) fn get<'a>(item: &'a Value, key: &str) -> Option<&'a Value> {
    let map = item.as_object()?;
    if map.len() <= 8 {
        map.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    } else {
        map.get(key)
    }
}

fn top<'a>(
    item: &'a Value,
    key: &'static str,
    kind: FieldKind,
    is_name: bool,
    out: &mut Vec<Field<'a>>,
) {
    if let Some(s) = get(item, key).and_then(Value::as_str) {
        push(out, key, s, kind, is_name);
    }
}

/// The fields of a tool definition.
pub(crate) fn tool(item: &Value) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    top(item, "name", FieldKind::Other, true, &mut out);
    top(item, "title", FieldKind::Other, false, &mut out);
    top(item, "description", FieldKind::Description, false, &mut out);
    for key in ["inputSchema", "outputSchema", "annotations"] {
        if let Some(v) = get(item, key) {
            schema(v, key.into(), 0, &mut out);
        }
    }
    out
}

/// The fields of a prompt definition.
pub(crate) fn prompt(item: &Value) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    top(item, "name", FieldKind::Other, true, &mut out);
    top(item, "title", FieldKind::Other, false, &mut out);
    top(item, "description", FieldKind::Description, false, &mut out);
    if let Some(args) = item.get("arguments").and_then(Value::as_array) {
        for (i, a) in args.iter().enumerate() {
            for (key, is_name) in [("name", true), ("title", false), ("description", false)] {
                if let Some(s) = a.get(key).and_then(Value::as_str) {
                    push(
                        &mut out,
                        format!("arguments[{i}].{key}"),
                        s,
                        FieldKind::Other,
                        is_name,
                    );
                }
            }
        }
    }
    out
}

/// The fields of a resource or resource template.
pub(crate) fn resource(item: &Value) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    top(item, "name", FieldKind::Other, true, &mut out);
    top(item, "title", FieldKind::Other, false, &mut out);
    top(item, "description", FieldKind::Description, false, &mut out);
    top(item, "uri", FieldKind::Other, false, &mut out);
    top(item, "uriTemplate", FieldKind::Other, false, &mut out);
    if let Some(v) = item.get("annotations") {
        schema(v, "annotations".into(), 0, &mut out);
    }
    out
}
