//! `install`: plan the rewrite of every selected stdio entry, then apply it file by file.
//!
//! The plan is computed from the bytes read once per file; applying re-reads the file and stops
//! if the client changed it meanwhile. For each file: the state records the intent first (so an
//! interrupted run is still undoable), then a backup of the current bytes is taken and the file
//! is replaced atomically.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::files::{self, Loaded, Read};
use super::plan::{self, Class, Launcher, WrapEdit};
use super::state::{self, EntryRecord, FileRecord, State};
use super::{atomic, Selection, Setup};
use crate::clients::ServerEntry;

/// One selected entry of a file and what `install` does with it.
#[derive(Debug, Clone)]
pub struct EntryPlan {
    pub entry: ServerEntry,
    pub class: Class,
    /// `Some` for the stdio entries that will be wrapped.
    pub edit: Option<WrapEdit>,
    /// Why a stdio entry cannot be wrapped after all.
    pub problem: Option<String>,
}

/// The plan for one file.
#[derive(Debug, Clone)]
pub struct FilePlan {
    pub loaded: Loaded,
    pub entries: Vec<EntryPlan>,
    /// The file's text after the plan (equal to the original when nothing is wrapped).
    pub new_text: String,
}

impl FilePlan {
    pub fn edits(&self) -> impl Iterator<Item = (&ServerEntry, &WrapEdit)> {
        self.entries
            .iter()
            .filter_map(|e| e.edit.as_ref().map(|w| (&e.entry, w)))
    }

    pub fn changes(&self) -> bool {
        self.new_text != self.loaded.text
    }
}

/// The names already given to wrapped servers (recorded, or in `--name` of wrapped entries).
pub fn taken_names(state: &State, loaded: &[Loaded]) -> HashSet<String> {
    let mut taken: HashSet<String> = state
        .wrap_names()
        .map(|(_, e)| e.wrap_name.clone())
        .collect();
    for l in loaded {
        for e in &l.entries {
            if let crate::clients::Transport::Stdio { args, .. } = &e.transport {
                if Class::of(e) == Class::Wrapped {
                    if let Some(i) = args.iter().position(|a| a == "--name") {
                        if let Some(n) = args.get(i + 1) {
                            taken.insert(n.clone());
                        }
                    }
                }
            }
        }
    }
    taken
}

/// A file that will not be touched, and why.
pub type Refused = (PathBuf, String);

/// Reads every selected file and plans each; unparseable files are refused (never written).
/// A `--config` file that does not exist is an error.
pub fn plan_all(
    setup: &Setup,
    state: &State,
    launcher: &Launcher,
) -> anyhow::Result<(Vec<FilePlan>, Vec<Refused>)> {
    let mut refused = Vec::new();
    let mut loaded = Vec::new();
    for file in setup.files() {
        let wanted = &setup.selection.clients;
        if !wanted.is_empty() && !wanted.iter().any(|c| c == file.client.id()) {
            continue;
        }
        let path = file.path.clone();
        match files::read(file) {
            Read::Missing if setup.configs.is_some() => {
                bail!("{}: no such file", path.display())
            }
            Read::Missing => {}
            Read::Refused(why) => refused.push((path, why)),
            Read::Loaded(l) => loaded.push(*l),
        }
    }
    let mut taken = taken_names(state, &loaded);
    let plans = loaded
        .into_iter()
        .map(|l| plan_file(l, &setup.selection, launcher, &mut taken))
        .collect();
    Ok((plans, refused))
}

/// Plans one file (pure: no I/O).
pub fn plan_file(
    loaded: Loaded,
    sel: &Selection,
    launcher: &Launcher,
    taken: &mut HashSet<String>,
) -> FilePlan {
    let mut entries = Vec::new();
    for entry in &loaded.entries {
        if !sel.entry(loaded.file.client.id(), &entry.name) {
            continue;
        }
        let class = Class::of(entry);
        let (edit, problem) = if class == Class::Stdio {
            let name = plan::wrap_name(&loaded.file, entry, taken);
            match plan::wrap_edit(&loaded.text, &loaded.root, entry, launcher, name) {
                Ok(edit) => (Some(edit), None),
                Err(e) => (None, Some(e)),
            }
        } else {
            (None, None)
        };
        entries.push(EntryPlan {
            entry: entry.clone(),
            class,
            edit,
            problem,
        });
    }
    let splices: Vec<&plan::Splice> = entries
        .iter()
        .filter_map(|e| e.edit.as_ref())
        .flat_map(|w| [&w.command, &w.args])
        .collect();
    let new_text = match plan::apply(&loaded.text, &splices) {
        Ok(t) => t,
        Err(e) => {
            for ep in entries.iter_mut().filter(|e| e.edit.is_some()) {
                ep.edit = None;
                ep.problem = Some(e.clone());
            }
            loaded.text.clone()
        }
    };
    FilePlan {
        loaded,
        entries,
        new_text,
    }
}

/// Applies one file's plan: state first, then backup, then the atomic replace.
pub fn apply(data_dir: &Path, state: &mut State, fp: &FilePlan) -> anyhow::Result<()> {
    let path = &fp.loaded.file.path;
    let now = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if now != fp.loaded.text.as_bytes() {
        bail!(
            "{} changed while mcpguard was planning (the client may have rewritten it); nothing written, run install again",
            path.display()
        );
    }
    let before = state.clone();
    let backup = state::backup(data_dir, path, &now)?;
    let before_hash = state::sha256(&now);
    let after_hash = state::sha256(fp.new_text.as_bytes());
    let record = match state.file_mut(path) {
        Some(r) => r,
        None => {
            state.files.push(FileRecord {
                path: path.clone(),
                client: fp.loaded.file.client.id().to_owned(),
                backup,
                original_sha256: before_hash.clone(),
                installed_sha256: before_hash.clone(),
                pristine: true,
                entries: Vec::new(),
            });
            let last = state.files.len() - 1;
            &mut state.files[last]
        }
    };
    record.pristine = record.pristine && record.installed_sha256 == before_hash;
    record.installed_sha256 = after_hash;
    let at = state::now_rfc3339();
    for (entry, edit) in fp.edits() {
        record.entries.retain(|r| r.pointer != entry.pointer);
        record.entries.push(EntryRecord {
            server: entry.name.clone(),
            pointer: entry.pointer.clone(),
            wrap_name: edit.wrap_name.clone(),
            original_command: edit.original_command.clone(),
            original_args: edit.original_args.clone(),
            original_command_text: edit.original_command_text.clone(),
            original_args_text: edit.original_args_text.clone(),
            new_command: edit.new_command.clone(),
            new_args: edit.new_args.clone(),
            new_command_text: edit.command.text.clone(),
            new_args_text: edit.args.text.clone(),
            installed_at: at.clone(),
        });
    }
    state.save(data_dir)?;
    if let Err(e) = atomic::replace(path, fp.new_text.as_bytes()) {
        *state = before;
        state.save(data_dir)?;
        return Err(e);
    }
    Ok(())
}
