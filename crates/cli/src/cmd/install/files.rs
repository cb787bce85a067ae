//! Reading one client file for a rewrite: its exact text, its entries and the span tree, or the
//! reason it must not be touched.
//!
//! Discovery (`crate::clients`) reads files for `scan`; a rewrite needs the very bytes the edit is
//! computed from (to splice into them, and to notice if the client changed the file meanwhile),
//! so the file is read once here and parsed from that text.

use std::path::Path;

use super::spans::{self, Node};
use crate::clients::{jsonc, parse_file, ConfigFile, ServerEntry};

/// A client file that parsed.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: ConfigFile,
    /// The file's exact text.
    pub text: String,
    pub entries: Vec<ServerEntry>,
    /// Spans of every value in `text`.
    pub root: Node,
}

/// What reading gave.
#[derive(Debug, Clone)]
pub enum Read {
    Missing,
    /// There but not usable; never written.
    Refused(String),
    Loaded(Box<Loaded>),
}

pub fn read(file: ConfigFile) -> Read {
    let bytes = match std::fs::read(&file.path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Read::Missing,
        Err(e) => return Read::Refused(format!("cannot read: {e}")),
        Ok(b) => b,
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse(file, text),
        Err(_) => Read::Refused("not UTF-8 text".into()),
    }
}

/// Parses `text` as the content of `file`.
pub fn parse(file: ConfigFile, text: String) -> Read {
    let entries = match parse_file(&file, &text) {
        Ok(e) => e,
        Err(e) => return Read::Refused(e),
    };
    match spans::parse(&jsonc::to_strict_json(&text)) {
        Ok(root) => Read::Loaded(Box::new(Loaded {
            file,
            text,
            entries,
            root,
        })),
        Err(e) => Read::Refused(format!("cannot locate values: {e}")),
    }
}

/// `~/…` for paths under the home directory, for people.
pub fn show(path: &Path, home: &Path) -> String {
    match path.strip_prefix(home) {
        Ok(rest) if !home.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
}
