//! What `install` would change in one file: each entry's class and, for the stdio entries to
//! wrap, the exact new text of their `command` and `args` values. Pure: text in, edits out.
//!
//! An edit never re-serialises the entry. `command` is replaced by the (JSON-quoted) path of the
//! mcpguard binary; `wrap … --` and the original command are inserted in front of the first
//! original argument with the separator the array already uses, so the original command and
//! arguments keep their exact text, and an entry without `args` gets `, "args": […]` right after
//! its `command`. Everything else in the
//! file — other keys, order, indentation, comments, trailing commas — stays byte for byte.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use serde_json::Value;

use super::spans::{Kind, Node};
use crate::clients::{ConfigFile, Scope, ServerEntry, Transport};

/// What an entry is, as far as `install` and `status` care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Class {
    /// A local server that is not behind the gateway yet.
    Stdio,
    /// Its command is already `mcpguard wrap …`.
    Wrapped,
    /// A URL: the HTTP gateway does not front remote servers yet.
    Remote(String),
    /// `"disabled": true`: the client does not start it.
    Disabled,
    /// Neither a usable command nor a URL.
    Invalid(String),
}

impl Class {
    pub fn of(entry: &ServerEntry) -> Class {
        match &entry.transport {
            Transport::Stdio { command, args, .. } if is_wrapped(command, args) => Class::Wrapped,
            _ if entry.disabled => Class::Disabled,
            Transport::Stdio { .. } => Class::Stdio,
            Transport::Remote { url, .. } => Class::Remote(url.clone()),
            Transport::Invalid(why) => Class::Invalid(why.clone()),
        }
    }
}

/// `command` is an mcpguard binary (any directory, `.exe` or not) and the first argument `wrap`.
pub fn is_wrapped(command: &str, args: &[String]) -> bool {
    let base = command.rsplit(['/', '\\']).next().unwrap_or(command);
    let stem = base
        .strip_suffix(".exe")
        .or_else(|| base.strip_suffix(".EXE"))
        .unwrap_or(base);
    stem == "mcpguard" && args.first().map(String::as_str) == Some("wrap")
}

/// One replacement of original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub span: Range<usize>,
    pub text: String,
}

/// The rewrite of one stdio entry, and what is needed to undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct WrapEdit {
    /// The `--name` given to `wrap` (unique among the wrapped servers).
    pub wrap_name: String,
    pub command: Splice,
    pub args: Splice,
    /// The original text of the `command` value.
    pub original_command_text: String,
    /// The original text of the `args` value; `None` when the entry had no `args`.
    pub original_args_text: Option<String>,
    /// The original values, for people and for the record.
    pub original_command: Value,
    pub original_args: Option<Value>,
    /// The values after the edit, to recognise the entry on `uninstall` even if the client
    /// re-formatted the file.
    pub new_command: Value,
    pub new_args: Value,
}

/// How to launch the gateway.
#[derive(Debug, Clone)]
pub struct Launcher {
    /// The absolute path of the mcpguard binary (clients start servers with a minimal PATH).
    pub binary: String,
    /// Baked into every wrapped entry as `--data-dir`.
    pub data_dir: String,
}

impl Launcher {
    /// The words that go in front of the original command (which follows `--`).
    pub fn prefix(&self, wrap_name: &str) -> Vec<String> {
        [
            "wrap",
            "--name",
            wrap_name,
            "--data-dir",
            &self.data_dir,
            "--",
        ]
        .map(str::to_owned)
        .to_vec()
    }
}

/// The `--name` for an entry: `<client>/<server>`, with the project's directory name in between
/// for project-level entries (`.mcp.json`, `projects.<dir>` in `~/.claude.json`) so that the same
/// server name in two projects does not share pins. `taken` makes it unique (`-2`, `-3`, …).
pub fn wrap_name(file: &ConfigFile, entry: &ServerEntry, taken: &mut HashSet<String>) -> String {
    let project = file.scope == Scope::Project || entry.pointer.starts_with("/projects/");
    let base = if project {
        let dir = dir_name(&entry.base_dir);
        format!("{}/{dir}/{}", file.client.id(), entry.name)
    } else {
        format!("{}/{}", file.client.id(), entry.name)
    };
    let mut name = base.clone();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}

fn dir_name(p: &Path) -> String {
    let s = p.to_string_lossy();
    let trimmed = s.trim_end_matches(['/', '\\']);
    let last = trimmed.rsplit(['/', '\\']).next().unwrap_or(trimmed);
    if last.is_empty() {
        "project".to_owned()
    } else {
        last.to_owned()
    }
}

/// The edit that wraps the entry at `entry.pointer` of `text` (whose span tree is `root`).
pub fn wrap_edit(
    text: &str,
    root: &Node,
    entry: &ServerEntry,
    launcher: &Launcher,
    wrap_name: String,
) -> Result<WrapEdit, String> {
    let node = root
        .lookup(&entry.pointer)
        .ok_or_else(|| format!("entry {} not found in the text", entry.pointer))?;
    let (_, command) = node.member("command").ok_or("the entry has no `command`")?;
    let cmd_span = command.value.span.clone();
    let original_command_text = slice(text, &cmd_span)?.to_owned();
    let original_command: Value = parse_value(&original_command_text)?;
    let prefix = launcher.prefix(&wrap_name);
    // `wrap … --` and then the original command, in its original text
    let mut prefix_json: Vec<String> = prefix.iter().map(|w| quote(w)).collect();
    prefix_json.push(original_command_text.clone());
    let (args, original_args_text, original_args) = match node.member("args") {
        Some((_, m)) => {
            let span = m.value.span.clone();
            let orig = slice(text, &span)?.to_owned();
            let value = parse_value(&orig)?;
            let new = match &m.value.kind {
                Kind::Array(items) if !items.is_empty() => {
                    let first = items[0].span.start;
                    let sep = separator(text, span.start, first)?;
                    let mut inserted = String::new();
                    for w in &prefix_json {
                        inserted.push_str(w);
                        inserted.push_str(&sep);
                    }
                    let open = slice(text, &(span.start..first))?;
                    let rest = slice(text, &(first..span.end))?;
                    format!("{open}{inserted}{rest}")
                }
                _ => format!("[{}]", prefix_json.join(", ")),
            };
            (Splice { span, text: new }, Some(orig), Some(value))
        }
        None => (
            Splice {
                span: cmd_span.end..cmd_span.end,
                text: format!(", \"args\": [{}]", prefix_json.join(", ")),
            },
            None,
            None,
        ),
    };
    let new_args_text = match &original_args_text {
        Some(_) => args.text.clone(),
        None => format!("[{}]", prefix_json.join(", ")),
    };
    Ok(WrapEdit {
        wrap_name,
        command: Splice {
            span: cmd_span,
            text: quote(&launcher.binary),
        },
        new_command: Value::String(launcher.binary.clone()),
        new_args: parse_value(&crate::clients::jsonc::to_strict_json(&new_args_text))?,
        args,
        original_command_text,
        original_args_text,
        original_command,
        original_args,
    })
}

/// The separator to put after each inserted element so that it looks like the array's own: on
/// its own line with the first element's indentation (and line end) when the first element starts
/// a line of the array, else `, `. Comments before the first element are not repeated.
fn separator(text: &str, open: usize, first: usize) -> Result<String, String> {
    let before = slice(text, &(0..first))?;
    if let Some(nl) = before.rfind('\n').filter(|nl| *nl > open) {
        let indent = slice(text, &(nl + 1..first))?;
        if indent.chars().all(|c| c == ' ' || c == '\t') {
            let eol = if before[..nl].ends_with('\r') {
                "\r\n"
            } else {
                "\n"
            };
            return Ok(format!(",{eol}{indent}"));
        }
    }
    Ok(", ".to_owned())
}

/// `text` with the splices applied (they must not overlap).
pub fn apply(text: &str, splices: &[&Splice]) -> Result<String, String> {
    let mut sorted: Vec<&Splice> = splices.to_vec();
    sorted.sort_by_key(|s| (s.span.start, s.span.end));
    let mut out = String::with_capacity(text.len() + 256);
    let mut at = 0;
    for s in sorted {
        if s.span.start < at {
            return Err("overlapping edits".into());
        }
        out.push_str(slice(text, &(at..s.span.start))?);
        out.push_str(&s.text);
        at = s.span.end;
    }
    out.push_str(slice(text, &(at..text.len()))?);
    Ok(out)
}

pub fn slice<'a>(text: &'a str, span: &Range<usize>) -> Result<&'a str, String> {
    text.get(span.clone())
        .ok_or_else(|| format!("bytes {}..{} are not in the text", span.start, span.end))
}

/// The value of a JSON text that may contain comments.
pub fn parse_value(text: &str) -> Result<Value, String> {
    serde_json::from_str(&crate::clients::jsonc::to_strict_json(text))
        .map_err(|e| format!("cannot read a value: {e}"))
}

fn quote(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}
