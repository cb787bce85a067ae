//! `uninstall`: put back what `install` changed, and nothing else.
//!
//! Per file, two ways, decided from the state:
//! - the whole file goes back to its backup when every wrapped entry of it is being restored, its
//!   current hash is the one right after mcpguard's last write, and only mcpguard wrote it since the
//!   backup — then the result is byte-identical to the file before `install`;
//! - otherwise each entry is spliced back: where its `command` and `args` still hold exactly the
//!   values `install` wrote (compared as JSON values, so a client re-formatting the file does not
//!   matter), the original text of both is put back; every other byte, including later edits by
//!   the user, stays. An entry removed or changed since is reported and left alone.

use std::path::Path;

use anyhow::Context;

use super::files::{self, Loaded, Read};
use super::plan::{self, parse_value, Splice};
use super::spans::Node;
use super::state::{self, EntryRecord, FileRecord, State};
use super::{atomic, Selection, Setup};
use crate::clients::ConfigFile;

/// What happens to one recorded entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Its original command and arguments are put back.
    Restored,
    /// The entry is no longer in the file: forgotten.
    Gone,
    /// It is not wrapped any more (someone changed it): forgotten, left as is.
    NoLongerWrapped,
    /// Still wrapped but not as `install` left it: left as is, kept on record.
    Changed(String),
}

/// The plan for one recorded file.
#[derive(Debug, Clone)]
pub struct FileUndo {
    pub record: FileRecord,
    /// `None`: the file is missing or refused (see `problem`).
    pub current: Option<String>,
    pub problem: Option<String>,
    /// Per selected entry.
    pub entries: Vec<(EntryRecord, Outcome)>,
    /// The file's text after the plan.
    pub new_text: Option<String>,
    /// The backup is restored as a whole.
    pub from_backup: bool,
}

impl FileUndo {
    pub fn changes(&self) -> bool {
        matches!((&self.current, &self.new_text), (Some(c), Some(n)) if c != n)
    }
}

/// Plans the undo of every recorded file the command is about (with selected entries, or that
/// cannot be read).
pub fn plan_all(setup: &Setup, state: &State) -> Vec<FileUndo> {
    state
        .files
        .iter()
        .filter(|r| setup.covers(&r.path))
        .filter(|r| {
            r.entries
                .iter()
                .any(|e| setup.selection.entry(&r.client, &e.server))
        })
        .map(|r| plan_file(r, setup.config_file_for(r), &setup.selection))
        .filter(|u| !u.entries.is_empty() || u.problem.is_some())
        .collect()
}

/// Plans the undo of one recorded file, reading it and its backup.
pub fn plan_file(record: &FileRecord, file: ConfigFile, sel: &Selection) -> FileUndo {
    let selected: Vec<EntryRecord> = record
        .entries
        .iter()
        .filter(|e| sel.entry(&record.client, &e.server))
        .cloned()
        .collect();
    let mut undo = FileUndo {
        record: record.clone(),
        current: None,
        problem: None,
        entries: Vec::new(),
        new_text: None,
        from_backup: false,
    };
    let loaded = match files::read(file) {
        Read::Missing => {
            undo.problem = Some("the file no longer exists".into());
            undo.entries = selected.into_iter().map(|e| (e, Outcome::Gone)).collect();
            return undo;
        }
        Read::Refused(why) => {
            undo.problem = Some(why);
            return undo;
        }
        Read::Loaded(l) => *l,
    };
    undo.current = Some(loaded.text.clone());
    let all = selected.len() == record.entries.len();
    let hash = state::sha256(loaded.text.as_bytes());
    if all && record.pristine && hash == record.installed_sha256 {
        if let Ok(bytes) = std::fs::read(&record.backup) {
            if state::sha256(&bytes) == record.original_sha256 {
                if let Ok(text) = String::from_utf8(bytes) {
                    undo.entries = selected
                        .into_iter()
                        .map(|e| (e, Outcome::Restored))
                        .collect();
                    undo.new_text = Some(text);
                    undo.from_backup = true;
                    return undo;
                }
            }
        }
    }
    let mut splices = Vec::new();
    for rec in selected {
        let outcome = match entry_splices(&loaded, &rec) {
            Ok(s) => {
                splices.extend(s);
                Outcome::Restored
            }
            Err(o) => o,
        };
        undo.entries.push((rec, outcome));
    }
    let refs: Vec<&Splice> = splices.iter().collect();
    match plan::apply(&loaded.text, &refs) {
        Ok(t) => undo.new_text = Some(t),
        Err(e) => undo.problem = Some(e),
    }
    undo
}

/// The splices that restore one entry, or why it is not restored.
fn entry_splices(loaded: &Loaded, rec: &EntryRecord) -> Result<Vec<Splice>, Outcome> {
    let Some(node) = loaded.root.lookup(&rec.pointer) else {
        return Err(Outcome::Gone);
    };
    let value_of = |key: &str| {
        node.member(key)
            .and_then(|(_, m)| plan::slice(&loaded.text, &m.value.span).ok())
            .and_then(|t| parse_value(t).ok())
    };
    if value_of("command").as_ref() != Some(&rec.new_command)
        || value_of("args").as_ref() != Some(&rec.new_args)
    {
        let entry = plan::slice(&loaded.text, &node.span)
            .ok()
            .and_then(|t| parse_value(t).ok());
        let still_wrapped = entry.as_ref().is_some_and(|v| {
            let command = v.get("command").and_then(|c| c.as_str()).unwrap_or("");
            let args: Vec<String> = v
                .get("args")
                .and_then(|a| a.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            plan::is_wrapped(command, &args)
        });
        return Err(if still_wrapped {
            Outcome::Changed(format!(
                "its command or arguments changed since install; restore by hand: \"command\": {}, \"args\": {}",
                rec.original_command_text,
                rec.original_args_text.as_deref().unwrap_or("(none)")
            ))
        } else {
            Outcome::NoLongerWrapped
        });
    }
    let changed = || Outcome::Changed("cannot locate its values".into());
    let (_, command) = node.member("command").ok_or_else(changed)?;
    let (args_index, _) = node.member("args").ok_or_else(changed)?;
    let mut out = vec![Splice {
        span: command.value.span.clone(),
        text: rec.original_command_text.clone(),
    }];
    out.push(match &rec.original_args_text {
        Some(text) => Splice {
            span: node.members()[args_index].value.span.clone(),
            text: text.clone(),
        },
        None => Splice {
            span: member_removal(node, args_index),
            text: String::new(),
        },
    });
    Ok(out)
}

/// The bytes to delete to remove member `i` of an object with its separating comma: from the end
/// of the previous value, else up to the next key, else just the member.
fn member_removal(node: &Node, i: usize) -> std::ops::Range<usize> {
    let m = node.members();
    let this = &m[i];
    if i > 0 {
        m[i - 1].value.span.end..this.value.span.end
    } else if let Some(next) = m.get(i + 1) {
        this.key_span.start..next.key_span.start
    } else {
        this.key_span.start..this.value.span.end
    }
}

/// Applies one file's undo: backup, atomic replace, then the state.
pub fn apply(data_dir: &Path, state: &mut State, undo: &FileUndo) -> anyhow::Result<()> {
    let path = &undo.record.path;
    if let (Some(current), Some(new)) = (&undo.current, &undo.new_text) {
        if current != new {
            let now =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            if now != current.as_bytes() {
                anyhow::bail!(
                    "{} changed while mcpguard was planning; nothing written, run uninstall again",
                    path.display()
                );
            }
            state::backup(data_dir, path, &now)?;
            atomic::replace(path, new.as_bytes())?;
        }
    }
    let forget: Vec<&str> = undo
        .entries
        .iter()
        .filter(|(_, o)| !matches!(o, Outcome::Changed(_)))
        .map(|(e, _)| e.pointer.as_str())
        .collect();
    if let Some(rec) = state.file_mut(path) {
        rec.entries
            .retain(|e| !forget.contains(&e.pointer.as_str()));
        if let (Some(current), Some(new)) = (&undo.current, &undo.new_text) {
            let before = state::sha256(current.as_bytes());
            rec.pristine = rec.pristine && rec.installed_sha256 == before;
            rec.installed_sha256 = state::sha256(new.as_bytes());
        }
    }
    state.files.retain(|f| !f.entries.is_empty());
    state.save(data_dir)
}
