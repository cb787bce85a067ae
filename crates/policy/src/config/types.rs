//! Value types of `mcpguard.toml` that validate themselves while the file is read.
//!
//! A bad glob, regex, root or host pattern fails inside deserialisation, so the TOML parser's error
//! carries the line and column of the offending value — no second pass that has lost the position.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;

use crate::host::HostPattern;

macro_rules! string_schema {
    ($ty:ty, $name:literal, $desc:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "description": $desc })
            }
        }
    };
}

/// A glob over names (`read_*`, `git_{status,log}`); `*` also matches `/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "String")]
pub struct Glob {
    /// The pattern as written.
    pub text: String,
    /// The parsed pattern.
    pub glob: globset::Glob,
}

impl PartialEq for Glob {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}
impl Eq for Glob {}
impl PartialOrd for Glob {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Glob {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl TryFrom<String> for Glob {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        let glob = globset::GlobBuilder::new(&text)
            .literal_separator(false)
            .build()
            .map_err(|e| format!("invalid glob `{text}`: {}", e.kind()))?;
        Ok(Glob { text, glob })
    }
}
string_schema!(
    Glob,
    "Glob",
    "A glob: `*` any run of characters, `?` one character, `[abc]` a class, `{a,b}` alternatives."
);

/// A regular expression (Rust `regex` syntax), compiled at load.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "String")]
pub struct Pattern {
    /// The expression as written.
    pub text: String,
    /// Compiled; `full` is anchored at both ends.
    pub full: regex::Regex,
    /// Compiled, unanchored (for `forbid_pattern`).
    pub any: regex::Regex,
}

impl TryFrom<String> for Pattern {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        let build = |src: &str| {
            regex::RegexBuilder::new(src)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| format!("invalid regex `{text}`: {e}"))
        };
        Ok(Pattern {
            full: build(&format!("^(?:{text})$"))?,
            any: build(&text)?,
            text,
        })
    }
}
string_schema!(
    Pattern,
    "Regex",
    "A regular expression in Rust `regex` syntax. `pattern` must match the whole value."
);

/// An absolute filesystem path.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "String")]
pub struct AbsPath(pub PathBuf);

impl TryFrom<String> for AbsPath {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        if !Path::new(&text).is_absolute() {
            return Err(format!("`{text}` is not an absolute path"));
        }
        Ok(AbsPath(crate::path::normalize(Path::new(&text))))
    }
}
string_schema!(AbsPath, "AbsolutePath", "An absolute filesystem path.");

/// A host pattern: `example.com`, `*.example.com`, `example.com:8443`, `10.0.0.0/8`, `::1`.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "String")]
pub struct HostEntry(pub HostPattern);

impl TryFrom<String> for HostEntry {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        HostPattern::parse(&text).map(HostEntry)
    }
}
string_schema!(
    HostEntry,
    "HostPattern",
    "A host: `example.com` (exactly), `*.example.com` (any subdomain), an optional `:port`, an IP address, or an IP network `10.0.0.0/8`. Names are compared in punycode, case-insensitively."
);

/// Which argument a rule checks: a top-level name (`path`) or a JSON pointer (`/options/url`)
/// whose segments may be `*` (every element of an array or value of an object).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct ArgSelector {
    /// As written.
    pub text: String,
    /// Unescaped pointer segments; `None` is the `*` wildcard.
    pub segments: Vec<Option<String>>,
}

impl TryFrom<String> for ArgSelector {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        if text.is_empty() {
            return Err("empty argument name".to_string());
        }
        let segments = match text.strip_prefix('/') {
            None => vec![Some(text.clone())],
            Some(pointer) => pointer
                .split('/')
                .map(|seg| match seg {
                    "*" => None,
                    s => Some(s.replace("~1", "/").replace("~0", "~")),
                })
                .collect(),
        };
        Ok(ArgSelector { text, segments })
    }
}
string_schema!(
    ArgSelector,
    "ArgSelector",
    "A top-level argument name (`path`) or a JSON pointer starting with `/` (`/options/url`); a `*` segment matches every element. An array value is checked element by element."
);
