//! The `install` and `uninstall` commands: read, plan, show, confirm, apply, report.

use std::io::Write;

use super::files;
use super::install::{self, FilePlan};
use super::plan::{Class, Launcher};
use super::state::{self, State};
use super::ui::{self, Go};
use super::uninstall::{self, Outcome};
use super::{binary_path, Setup, Target};
use crate::clients::Transport;
use crate::exit::Exit;

/// Arguments of `mcpguard install`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each stdio server entry becomes
  \"command\": \"/abs/path/mcpguard\", \"args\": [\"wrap\", \"--name\", \"<client>/<server>\", \"--data-dir\", \"<dir>\", \"--\", <original command and args>]
with every other key (env, cwd, type, …) kept. Remote (URL) entries are listed as not wrapped yet;
disabled and already wrapped entries are left alone. A backup of each file and a record of every
change go to <data dir>/install/, for `mcpguard uninstall`. See docs/install.md.

Exit codes: 0 done, nothing to do, dry run, or declined; 2 a file was refused (the others are still
done), not on a terminal without --yes, a --config file is missing, or bad arguments.")]
pub struct InstallArgs {
    #[command(flatten)]
    pub target: Target,
    /// Show the plan (the entries and a diff per file) and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Apply without asking (needed when stdin is not a terminal).
    #[arg(long, short)]
    pub yes: bool,
}

/// Arguments of `mcpguard uninstall`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
A file that only mcpguard changed since install goes back to its backup, byte for byte. Otherwise
each wrapped entry whose command and args are still what install wrote gets its original ones back,
and later edits elsewhere stay; an entry removed or changed since is reported, not touched.

Exit codes: 0 done, nothing to do, dry run, or declined; 2 a file was refused, an entry changed
since install was left as is, not on a terminal without --yes, or bad arguments.")]
pub struct UninstallArgs {
    #[command(flatten)]
    pub target: Target,
    /// Show the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Apply without asking (needed when stdin is not a terminal).
    #[arg(long, short)]
    pub yes: bool,
}

pub fn run_install(args: InstallArgs) -> anyhow::Result<Exit> {
    let setup = Setup::from_target(&args.target)?;
    let mut state = State::load(&setup.data_dir)?;
    let home = setup.host.home.clone();
    let launcher = Launcher {
        binary: binary_path()?,
        data_dir: setup.data_dir.to_string_lossy().into_owned(),
    };
    let (plans, refused) = install::plan_all(&setup, &state, &launcher)?;

    let out = &mut std::io::stdout().lock();
    show_install(out, &plans, &refused, &home)?;
    let changed: Vec<&FilePlan> = plans.iter().filter(|p| p.changes()).collect();
    let wraps: usize = changed.iter().map(|p| p.edits().count()).sum();
    let failed_exit = if refused.is_empty() {
        Exit::Ok
    } else {
        Exit::Error
    };
    if changed.is_empty() {
        writeln!(out, "Nothing to wrap.")?;
        return Ok(failed_exit);
    }
    writeln!(
        out,
        "\n{wraps} server(s) to wrap in {} file(s).",
        changed.len()
    )?;
    out.flush()?;
    if let Next::Stop(code) = go_ahead(
        args.dry_run,
        args.yes,
        &format!("Wrap {wraps} server(s)?"),
        failed_exit,
    ) {
        return Ok(code);
    }
    let mut ok = refused.is_empty();
    for p in changed {
        match install::apply(&setup.data_dir, &mut state, p) {
            Ok(()) => writeln!(out, "wrote {}", files::show(&p.loaded.file.path, &home))?,
            Err(e) => {
                ok = false;
                eprintln!("mcpguard: error: {e:#}");
            }
        }
    }
    writeln!(
        out,
        "Backups and the record of changes: {}\nUndo with `mcpguard uninstall`. Restart the clients to use the new configuration.",
        state::dir(&setup.data_dir).display()
    )?;
    Ok(if ok { Exit::Ok } else { Exit::Error })
}

/// After the plan: write, or stop with this exit code (`dry` for a dry run).
enum Next {
    Write,
    Stop(Exit),
}

fn go_ahead(dry_run: bool, yes: bool, question: &str, dry: Exit) -> Next {
    match ui::decide(dry_run, yes, ui::stdin_is_terminal()) {
        Go::DryRun => {
            println!("Dry run: nothing written.");
            Next::Stop(dry)
        }
        Go::Apply => Next::Write,
        Go::Ask if ui::confirm(question) => Next::Write,
        Go::Ask => {
            // declining is an answer, not an error
            println!("Nothing written.");
            Next::Stop(Exit::Ok)
        }
        Go::Refuse => {
            eprintln!(
                "mcpguard: not on a terminal and no --yes: nothing written. Pass --yes to apply the plan above, or --dry-run to only show it."
            );
            Next::Stop(Exit::Error)
        }
    }
}

fn show_install(
    out: &mut dyn Write,
    plans: &[FilePlan],
    refused: &[(std::path::PathBuf, String)],
    home: &std::path::Path,
) -> anyhow::Result<()> {
    for p in plans.iter().filter(|p| !p.entries.is_empty()) {
        let f = &p.loaded.file;
        writeln!(out, "{}  {}", f.client.label(), files::show(&f.path, home))?;
        let rows: Vec<Vec<String>> = p
            .entries
            .iter()
            .map(|e| {
                let name = e.entry.name.clone();
                let (verb, detail) = match (&e.class, &e.edit, &e.problem) {
                    (_, Some(edit), _) => ("wrap", format!("as {}", edit.wrap_name)),
                    (Class::Stdio, None, Some(why)) => ("cannot wrap", why.clone()),
                    (Class::Stdio, None, None) => ("cannot wrap", String::new()),
                    (Class::Wrapped, ..) => ("already wrapped", String::new()),
                    (Class::Remote(url), ..) => (
                        "not wrapped yet",
                        format!("remote {url}: the gateway does not front URL servers yet"),
                    ),
                    (Class::Disabled, ..) => ("left alone", "disabled".into()),
                    (Class::Invalid(why), ..) => ("left alone", format!("invalid entry: {why}")),
                };
                let cmd = match &e.entry.transport {
                    Transport::Stdio { command, args, .. } if e.edit.is_some() => {
                        format!("{}  ", ui::command_line(command, args))
                    }
                    _ => String::new(),
                };
                vec![verb.to_owned(), name, format!("{cmd}{detail}")]
            })
            .collect();
        ui::columns(out, "  ", &rows)?;
    }
    for (path, why) in refused {
        writeln!(
            out,
            "refused  {}: {why} (not modified; fix it and run install again)",
            files::show(path, home)
        )?;
    }
    for p in plans.iter().filter(|p| p.changes()) {
        writeln!(out)?;
        let label = files::show(&p.loaded.file.path, home);
        ui::diff(out, &label, &p.loaded.text, &p.new_text)?;
    }
    Ok(())
}

pub fn run_uninstall(args: UninstallArgs) -> anyhow::Result<Exit> {
    let setup = Setup::from_target(&args.target)?;
    let mut state = State::load(&setup.data_dir)?;
    let home = setup.host.home.clone();
    let undos = uninstall::plan_all(&setup, &state);
    let out = &mut std::io::stdout().lock();
    if undos.is_empty() {
        writeln!(
            out,
            "Nothing recorded to uninstall (record: {}).",
            state::dir(&setup.data_dir).display()
        )?;
        return Ok(Exit::Ok);
    }
    let mut ok = true;
    for u in &undos {
        writeln!(out, "{}", files::show(&u.record.path, &home))?;
        if let Some(p) = &u.problem {
            let missing = u.current.is_none() && !u.entries.is_empty();
            if missing {
                writeln!(out, "  {p}: its records are forgotten")?;
            } else {
                ok = false;
                writeln!(out, "  refused: {p} (not modified)")?;
            }
        }
        if u.from_backup {
            writeln!(
                out,
                "  unchanged since install: the backup is restored byte for byte"
            )?;
        }
        let rows: Vec<Vec<String>> = u
            .entries
            .iter()
            .map(|(e, o)| {
                let (verb, detail) = match o {
                    Outcome::Restored => ("restore", original_line(e)),
                    Outcome::Gone => ("forget", "no longer in the file".into()),
                    Outcome::NoLongerWrapped => ("forget", "no longer wrapped; left as is".into()),
                    Outcome::Changed(why) => {
                        ok = false;
                        ("left as is", why.clone())
                    }
                };
                vec![verb.to_owned(), e.server.clone(), detail]
            })
            .collect();
        ui::columns(out, "  ", &rows)?;
    }
    for u in undos.iter().filter(|u| u.changes()) {
        if let (Some(c), Some(n)) = (&u.current, &u.new_text) {
            writeln!(out)?;
            ui::diff(out, &files::show(&u.record.path, &home), c, n)?;
        }
    }
    let work = undos
        .iter()
        .filter(|u| {
            u.changes()
                || u.entries
                    .iter()
                    .any(|(_, o)| !matches!(o, Outcome::Changed(_)))
        })
        .count();
    if work == 0 {
        writeln!(out, "Nothing to restore.")?;
        return Ok(if ok { Exit::Ok } else { Exit::Error });
    }
    out.flush()?;
    let dry = if ok { Exit::Ok } else { Exit::Error };
    if let Next::Stop(code) = go_ahead(args.dry_run, args.yes, "Restore these entries?", dry) {
        return Ok(code);
    }
    for u in undos
        .iter()
        .filter(|u| u.new_text.is_some() || u.current.is_none())
    {
        match uninstall::apply(&setup.data_dir, &mut state, u) {
            Ok(()) if u.changes() => writeln!(out, "wrote {}", files::show(&u.record.path, &home))?,
            Ok(()) => {}
            Err(e) => {
                ok = false;
                eprintln!("mcpguard: error: {e:#}");
            }
        }
    }
    writeln!(
        out,
        "Restart the clients to use the restored configuration."
    )?;
    Ok(if ok { Exit::Ok } else { Exit::Error })
}

fn original_line(e: &state::EntryRecord) -> String {
    let command = e.original_command.as_str().unwrap_or("?");
    let args: Vec<String> = e
        .original_args
        .as_ref()
        .and_then(|a| a.as_array())
        .map(|a| {
            a.iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    ui::command_line(command, &args)
}
