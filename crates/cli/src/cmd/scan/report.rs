//! Assembling the report: plans, listings, judgements, hygiene and cross-server issues.

use std::collections::HashMap;
use std::path::Path;

use mcpguard_gateway::client::{display_command, Inventory, ListOptions};

use crate::clients::{self, Discovery, FileStatus, ServerEntry, Transport};

use super::cross::{self, Listed};
use super::hygiene::{self, redact_url};
use super::judge::Judge;
use super::launch::{plan, Plan};
use super::model::{
    ConfigReport, Counts, ScanReport, ServerReport, Status, Summary, FORMAT_VERSION,
};
use super::runner::{list_all, Progress};
use super::secrets::{redact, secret_kind};
use super::ScanConfig;

/// Lists every discovered server (each distinct launch once) and judges everything.
pub fn build(
    discovery: &Discovery,
    home: &Path,
    opts: &ListOptions,
    config: &ScanConfig,
) -> anyhow::Result<ScanReport> {
    let judge = Judge::new()?;
    let planned: Vec<(Plan, Vec<String>)> =
        discovery.servers.iter().map(|e| plan(e, home)).collect();

    // The first entry with a given launch is listed; later ones point at it.
    let mut first_by_key: HashMap<String, usize> = HashMap::new();
    let mut same_as: Vec<Option<usize>> = Vec::new();
    let mut to_list = Vec::new();
    for (i, (p, _)) in planned.iter().enumerate() {
        let entry = &discovery.servers[i];
        let dup = p.key().and_then(|k| match first_by_key.get(&k) {
            Some(&first) => Some(first),
            None => {
                first_by_key.insert(k, i);
                None
            }
        });
        same_as.push(dup);
        let listed = if dup.is_some() {
            Plan::Skip("duplicate".into())
        } else {
            p.clone()
        };
        to_list.push((format!("{} ({})", entry.name, entry.client.id()), listed));
    }
    let total = to_list
        .iter()
        .filter(|(_, p)| !matches!(p, Plan::Skip(_)))
        .count();
    let progress = Progress::new(total, config.quiet);
    let listings = list_all(&to_list, opts, config.jobs, &progress);
    progress.finish();

    let mut servers = Vec::new();
    for (i, entry) in discovery.servers.iter().enumerate() {
        let (p, unresolved) = &planned[i];
        let source = same_as[i].unwrap_or(i);
        let mut srv = server_report(entry, p);
        srv.hygiene = hygiene::check(entry, p);
        srv.notes.extend(
            unresolved
                .iter()
                .map(|r| format!("`${{{r}}}` could not be resolved and was passed as written")),
        );
        if let Some(first) = same_as[i] {
            srv.same_as = Some(discovery.servers[first].name.clone());
        }
        match (p, &listings[source]) {
            (Plan::Skip(why), _) => {
                srv.status = super::model::Status::Skipped;
                srv.error = Some(why.clone());
            }
            (_, Some(listing)) => {
                srv.elapsed_ms = listing.elapsed.as_millis() as u64;
                match &listing.result {
                    Ok(inv) => fill(&mut srv, inv, &judge),
                    Err(e) => {
                        srv.status = Status::Failed;
                        srv.error = Some(e.clone());
                    }
                }
            }
            (_, None) => {
                srv.status = Status::Failed;
                srv.error = Some("not listed".into());
            }
        }
        srv.verdict = srv
            .items
            .iter()
            .map(|i| i.verdict)
            .chain(srv.hygiene.iter().map(|h| h.verdict))
            .max()
            .unwrap_or_default();
        servers.push(srv);
    }

    let inventories: Vec<(usize, &Inventory)> = listings
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match l {
            Some(l) => l.result.as_ref().ok().map(|inv| (i, inv)),
            None => None,
        })
        .collect();
    let listed: Vec<Listed<'_>> = inventories
        .iter()
        .map(|(i, inv)| Listed {
            server: &discovery.servers[*i].name,
            group: discovery.servers[*i].client.id(),
            tools: &inv.tools,
            prompts: &inv.prompts,
            resources: &inv.resources,
            resource_templates: &inv.resource_templates,
            instructions: inv.instructions.as_deref(),
        })
        .collect();
    let cross_server = cross::check(&listed);

    let configs = clients::present(&discovery.files)
        .map(|f| ConfigReport {
            path: f.file.path.display().to_string(),
            client: f.file.client.id(),
            client_name: f.file.client.label(),
            scope: f.file.scope.id(),
            format: f.file.format.id(),
            status: match f.status {
                FileStatus::Error(_) => "error",
                _ => "loaded",
            },
            servers: match f.status {
                FileStatus::Loaded { servers } => servers,
                _ => 0,
            },
            error: match &f.status {
                FileStatus::Error(e) => Some(e.clone()),
                _ => None,
            },
        })
        .collect();
    let mut report = ScanReport {
        format_version: FORMAT_VERSION,
        configs,
        servers,
        cross_server,
        summary: Summary::default(),
    };
    report.summarize();
    Ok(report)
}

fn server_report(entry: &ServerEntry, p: &Plan) -> ServerReport {
    let (transport, target) = match (&entry.transport, p) {
        (_, Plan::Stdio(t)) => ("stdio", redact_command(&display_command(t))),
        (Transport::Remote { kind, url, .. }, _) => (kind.id(), redact_url(url)),
        (Transport::Stdio { command, args, .. }, _) => (
            "stdio",
            redact_command(
                &std::iter::once(command)
                    .chain(args)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ),
        (Transport::Invalid(_), _) => ("invalid", String::new()),
    };
    ServerReport {
        name: entry.name.clone(),
        client: entry.client.id(),
        config: entry.file.display().to_string(),
        pointer: entry.pointer.clone(),
        transport,
        target,
        status: Status::Ok,
        error: None,
        same_as: None,
        elapsed_ms: 0,
        protocol_version: None,
        server_info: None,
        verdict: Default::default(),
        counts: Counts::default(),
        items: Vec::new(),
        hygiene: Vec::new(),
        notes: Vec::new(),
    }
}

fn fill(srv: &mut ServerReport, inv: &Inventory, judge: &Judge) {
    srv.protocol_version = Some(inv.protocol_version.clone());
    srv.server_info = inv.server_info.clone();
    srv.counts = Counts {
        tools: inv.tools.len(),
        prompts: inv.prompts.len(),
        resources: inv.resources.len(),
        resource_templates: inv.resource_templates.len(),
    };
    srv.items = judge.inventory(inv);
    srv.notes.extend(inv.notes.iter().cloned());
}

/// A command line with credential-looking arguments redacted (it is printed and saved in CI logs).
fn redact_command(cmd: &str) -> String {
    cmd.split(' ')
        .map(|a| {
            let (key, value) = match a.split_once('=') {
                Some((k, v)) if k.starts_with('-') => (Some(k.trim_start_matches('-')), v),
                _ => (None, a),
            };
            match (secret_kind(key, value), key) {
                (Some(_), Some(_)) => {
                    format!("{}={}", a.split('=').next().unwrap_or(""), redact(value))
                }
                (Some(_), None) => redact(value),
                (None, _) => a.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
