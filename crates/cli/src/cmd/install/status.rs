//! `mcpguard status`: which configured servers run behind the gateway, and why the others do not.
//!
//! Reads the same files as `install` (plus every file `install` recorded), classifies each entry,
//! and for wrapped ones says whether `install` did it (it can be undone by `uninstall`) or the
//! entry was written by hand.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::files::{self, Read};
use super::plan::Class;
use super::state::State;
use super::{ui, Setup, Target};
use crate::clients::{ConfigFile, Transport};
use crate::exit::Exit;

/// Arguments of `mcpguard status`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub target: Target,
    /// Print a JSON report (documented in docs/install.md) instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub data_dir: PathBuf,
    pub files: Vec<FileOut>,
    pub servers: Vec<ServerOut>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct FileOut {
    pub path: PathBuf,
    pub client: &'static str,
    pub scope: &'static str,
    /// `loaded`, `error` or `missing` (a file `install` changed that is gone).
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ServerOut {
    pub client: &'static str,
    pub name: String,
    pub file: PathBuf,
    pub pointer: String,
    pub wrapped: bool,
    /// `wrapped`, `stdio` (not wrapped yet), `remote`, `disabled` or `invalid`.
    pub state: &'static str,
    /// For wrapped entries: `install` (undone by `uninstall`) or `hand`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrap_name: Option<String>,
    /// Why it is not wrapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub servers: usize,
    pub wrapped: usize,
    pub stdio: usize,
    pub remote: usize,
    pub disabled: usize,
    pub invalid: usize,
}

pub fn run(args: StatusArgs) -> anyhow::Result<Exit> {
    let setup = Setup::from_target(&args.target)?;
    let state = State::load(&setup.data_dir)?;
    let report = build(&setup, &state);
    let out = &mut std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        print(out, &report, &setup)?;
    }
    Ok(Exit::Ok)
}

pub fn build(setup: &Setup, state: &State) -> Report {
    let mut targets: Vec<ConfigFile> = setup.files();
    for r in &state.files {
        if setup.covers(&r.path) && !targets.iter().any(|f| f.path == r.path) {
            targets.push(setup.config_file_for(r));
        }
    }
    let mut report = Report {
        data_dir: setup.data_dir.clone(),
        files: Vec::new(),
        servers: Vec::new(),
        summary: Summary::default(),
    };
    let sel = &setup.selection;
    for file in targets {
        if !sel.clients.is_empty() && !sel.clients.iter().any(|c| c == file.client.id()) {
            continue;
        }
        let recorded = state.file(&file.path);
        let mut out = FileOut {
            path: file.path.clone(),
            client: file.client.id(),
            scope: file.scope.id(),
            status: "loaded",
            error: None,
        };
        let loaded = match files::read(file) {
            Read::Missing if recorded.is_none() => continue,
            Read::Missing => {
                out.status = "missing";
                report.files.push(out);
                continue;
            }
            Read::Refused(why) => {
                out.status = "error";
                out.error = Some(why);
                report.files.push(out);
                continue;
            }
            Read::Loaded(l) => l,
        };
        report.files.push(out);
        for e in loaded
            .entries
            .iter()
            .filter(|e| sel.entry(loaded.file.client.id(), &e.name))
        {
            let record = recorded.and_then(|r| r.entries.iter().find(|x| x.pointer == e.pointer));
            let class = Class::of(e);
            let (state_id, reason) = match &class {
                Class::Wrapped => ("wrapped", None),
                Class::Stdio => (
                    "stdio",
                    Some(match record {
                        Some(_) => "changed since install: no longer wrapped".to_owned(),
                        None => "not wrapped yet: run `mcpguard install`".to_owned(),
                    }),
                ),
                Class::Remote(url) => (
                    "remote",
                    Some(format!(
                        "remote {url}: the gateway does not front URL servers yet"
                    )),
                ),
                Class::Disabled => ("disabled", Some("disabled".to_owned())),
                Class::Invalid(why) => ("invalid", Some(format!("invalid entry: {why}"))),
            };
            let wrapped = class == Class::Wrapped;
            let wrap_name = match (&e.transport, record) {
                (_, Some(r)) if wrapped => Some(r.wrap_name.clone()),
                (Transport::Stdio { args, .. }, None) if wrapped => args
                    .iter()
                    .position(|a| a == "--name")
                    .and_then(|i| args.get(i + 1).cloned()),
                _ => None,
            };
            let s = &mut report.summary;
            s.servers += 1;
            match state_id {
                "wrapped" => s.wrapped += 1,
                "stdio" => s.stdio += 1,
                "remote" => s.remote += 1,
                "disabled" => s.disabled += 1,
                _ => s.invalid += 1,
            }
            report.servers.push(ServerOut {
                client: loaded.file.client.id(),
                name: e.name.clone(),
                file: loaded.file.path.clone(),
                pointer: e.pointer.clone(),
                wrapped,
                state: state_id,
                by: wrapped.then_some(if record.is_some() { "install" } else { "hand" }),
                wrap_name,
                reason,
            });
        }
    }
    report
}

fn print(out: &mut dyn Write, r: &Report, setup: &Setup) -> anyhow::Result<()> {
    let home = &setup.host.home;
    for f in &r.files {
        let label = super::client_from_id(f.client)
            .map(|c| c.label())
            .unwrap_or(f.client);
        writeln!(out, "{label}  {}", files::show(&f.path, home))?;
        match f.status {
            "error" => writeln!(
                out,
                "  error: {}",
                f.error.as_deref().unwrap_or("cannot read")
            )?,
            "missing" => writeln!(out, "  missing (install changed it; it is gone)")?,
            _ => {}
        }
        let rows: Vec<Vec<String>> = r
            .servers
            .iter()
            .filter(|s| s.file == f.path)
            .map(|s| {
                let detail = match (s.wrapped, &s.wrap_name, s.by) {
                    (true, Some(n), Some("install")) => format!("as {n} (by mcpguard install)"),
                    (true, Some(n), _) => format!("as {n} (by hand)"),
                    (true, None, _) => "(by hand)".to_owned(),
                    _ => s.reason.clone().unwrap_or_default(),
                };
                let verb = if s.wrapped { "wrapped" } else { "not wrapped" };
                vec![verb.to_owned(), s.name.clone(), detail]
            })
            .collect();
        if rows.is_empty() && f.status == "loaded" {
            writeln!(out, "  (no servers)")?;
        }
        ui::columns(out, "  ", &rows)?;
    }
    let s = &r.summary;
    writeln!(
        out,
        "Summary: {} of {} server(s) wrapped; not wrapped: {} stdio, {} remote, {} disabled, {} invalid",
        s.wrapped, s.servers, s.stdio, s.remote, s.disabled, s.invalid
    )?;
    Ok(())
}
