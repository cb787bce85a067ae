//! `mcpguard pins`: see what is pinned, what changed, and approve, reject or forget it.

use anyhow::{bail, Context};
use mcpguard_store::{ItemKind, Pending, PendingState, Pin, ServerRecord, Store, Target};
use serde_json::{json, Value};
use similar::TextDiff;

use crate::datadir::DataDirArgs;
use crate::exit::Exit;

/// Arguments of `mcpguard pins`.
#[derive(Debug, clap::Args)]
pub struct PinsArgs {
    #[command(subcommand)]
    pub action: PinsAction,
    #[command(flatten)]
    pub data: DataDirArgs,
    /// Machine-readable output.
    #[arg(long, global = true)]
    pub json: bool,
}

/// TARGET is `server` (the launch command), `instructions`, or KIND NAME with KIND one of
/// tool, prompt, resource-template.
#[derive(Debug, clap::Subcommand)]
pub enum PinsAction {
    /// List servers and their pins, with what waits for review.
    List { server: Option<String> },
    /// Show a pin: the approved definition and any pending change.
    Show { server: String, target: Vec<String> },
    /// Show what changed between the approved definition and the pending one.
    Diff { server: String, target: Vec<String> },
    /// Trust the pending change (re-pin it). `--all` approves everything pending for the server.
    Approve {
        server: String,
        target: Vec<String>,
        #[arg(long)]
        all: bool,
    },
    /// Reject the pending change: it stays blocked and is not asked again.
    Reject { server: String, target: Vec<String> },
    /// Forget a pin (the next listing pins it afresh), or with no target the whole server.
    Forget { server: String, target: Vec<String> },
}

/// Parses TARGET words.
pub fn parse_target(words: &[String]) -> anyhow::Result<Target> {
    match words {
        [w] if w == "server" => Ok(Target::Server),
        [w] if w == "instructions" => Ok(Target::Item(ItemKind::Instructions, String::new())),
        [kind, name] => match ItemKind::parse(kind) {
            Some(k) if k != ItemKind::Instructions => Ok(Target::Item(k, name.clone())),
            _ => bail!("unknown kind `{kind}`: use tool, prompt or resource-template"),
        },
        _ => bail!(
            "name what to act on: `server`, `instructions`, or KIND NAME (e.g. `tool read_file`)"
        ),
    }
}

pub fn run(args: PinsArgs) -> anyhow::Result<Exit> {
    let store = args.data.open()?;
    let store = store.as_ref();
    match &args.action {
        PinsAction::List { server } => list(store, server.as_deref(), args.json),
        PinsAction::Show { server, target } => {
            show(store, server, &parse_target(target)?, args.json, false)
        }
        PinsAction::Diff { server, target } => {
            show(store, server, &parse_target(target)?, args.json, true)
        }
        PinsAction::Approve {
            server, all: true, ..
        } => approve_all(store, server),
        PinsAction::Approve { server, target, .. } => {
            decide(server, target, "approved", |s, t| store.approve(s, t))
        }
        PinsAction::Reject { server, target } => {
            decide(server, target, "rejected", |s, t| store.reject(s, t))
        }
        PinsAction::Forget { server, target } => {
            let t = if target.is_empty() {
                Target::Server
            } else {
                parse_target(target)?
            };
            let n = store.forget(server, &t)?;
            if n == 0 {
                bail!("nothing pinned for {server} {}", describe(&t));
            }
            println!("forgot {n} record(s) of {server}");
            Ok(Exit::Ok)
        }
    }
}

fn describe(t: &Target) -> String {
    match t {
        Target::Server => "server (launch command)".into(),
        Target::Item(ItemKind::Instructions, _) => "instructions".into(),
        Target::Item(k, n) => format!("{} {n}", k.as_str()),
    }
}

fn decide(
    server: &str,
    words: &[String],
    verb: &str,
    f: impl Fn(&str, &Target) -> mcpguard_store::Result<bool>,
) -> anyhow::Result<Exit> {
    let target = parse_target(words)?;
    if !f(server, &target)? {
        bail!(
            "nothing is pending for {server} {}: see `mcpguard pins list {server}`",
            describe(&target)
        );
    }
    println!("{verb}: {server} {}", describe(&target));
    Ok(Exit::Ok)
}

fn approve_all(store: &dyn Store, server: &str) -> anyhow::Result<Exit> {
    let mut n = 0;
    if store
        .server(server)?
        .is_some_and(|r| r.pending_launch.is_some())
        && store.approve(server, &Target::Server)?
    {
        n += 1;
    }
    for pin in store.pins(server)? {
        if pin.pending.is_some()
            && store.approve(server, &Target::Item(pin.kind, pin.name.clone()))?
        {
            n += 1;
        }
    }
    println!("approved {n} pending change(s) of {server}");
    Ok(Exit::Ok)
}

/// One word for a pin's state.
pub fn status(pin: &Pin) -> String {
    match &pin.pending {
        None => "approved".into(),
        Some(Pending { reason, state, .. }) => {
            let state = match state {
                PendingState::Pending => "pending review",
                PendingState::Rejected => "rejected",
            };
            format!("{}, {state}", reason.as_str())
        }
    }
}

fn list(store: &dyn Store, only: Option<&str>, as_json: bool) -> anyhow::Result<Exit> {
    let servers: Vec<ServerRecord> = store
        .servers()?
        .into_iter()
        .filter(|s| only.is_none_or(|o| o == s.name))
        .collect();
    if let (Some(o), true) = (only, servers.is_empty()) {
        bail!("no server named {o} is known (servers are recorded the first time `mcpguard wrap --name {o}` runs)");
    }
    if as_json {
        let mut out = Vec::new();
        for s in &servers {
            out.push(json!({ "server": s, "pins": store.pins(&s.name)? }));
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "servers": out }))?
        );
        return Ok(Exit::Ok);
    }
    for s in &servers {
        let launch = match &s.pending_launch {
            Some(new) => format!(
                "launch CHANGED to {new} (was {}) → mcpguard pins diff {} server",
                s.launch, s.name
            ),
            None => format!("launch {}", s.launch),
        };
        println!("{}  {launch}", s.name);
        for pin in store.pins(&s.name)? {
            let name = if pin.kind == ItemKind::Instructions {
                String::new()
            } else {
                format!(" {}", pin.name)
            };
            let hint = match &pin.pending {
                Some(p) if p.state == PendingState::Pending => format!(
                    "  → mcpguard pins diff {} {}{name}",
                    s.name,
                    pin.kind.as_str()
                ),
                _ => String::new(),
            };
            println!("  {}{name}: {}{hint}", pin.kind.as_str(), status(&pin));
        }
    }
    if servers.is_empty() {
        println!("no servers pinned yet");
    }
    Ok(Exit::Ok)
}

fn pretty(content: Option<&str>) -> String {
    match content.and_then(|c| serde_json::from_str::<Value>(c).ok()) {
        Some(v) => serde_json::to_string_pretty(&v).unwrap_or_default() + "\n",
        None => String::new(),
    }
}

fn show(
    store: &dyn Store,
    server: &str,
    target: &Target,
    as_json: bool,
    diff: bool,
) -> anyhow::Result<Exit> {
    let (old, new, status_line) = match target {
        Target::Server => {
            let r = store
                .server(server)?
                .with_context(|| format!("no server named {server} is known"))?;
            let status = if r.pending_launch.is_some() {
                "launch command changed"
            } else {
                "approved"
            };
            (
                Some(r.launch.clone()),
                r.pending_launch.clone(),
                status.to_owned(),
            )
        }
        Target::Item(kind, name) => {
            let pin = store
                .pins(server)?
                .into_iter()
                .find(|p| p.kind == *kind && &p.name == name)
                .with_context(|| format!("{server} has no pin for {}", describe(target)))?;
            let new = pin
                .pending
                .as_ref()
                .and_then(|p| p.item.as_ref())
                .map(|i| i.content.clone());
            let mut line = status(&pin);
            if let Some(note) = pin
                .pending
                .as_ref()
                .map(|p| &p.note)
                .filter(|n| !n.is_empty())
            {
                line.push_str(&format!(" ({note})"));
            }
            (pin.approved.map(|a| a.content), new, line)
        }
    };
    if as_json {
        let parse = |s: &Option<String>| {
            s.as_deref()
                .and_then(|c| serde_json::from_str::<Value>(c).ok())
        };
        println!(
            "{}",
            serde_json::to_string_pretty(
                &json!({ "server": server, "target": describe(target), "status": status_line, "approved": parse(&old), "pending": parse(&new) })
            )?
        );
        return Ok(Exit::Ok);
    }
    println!("{server} {}: {status_line}", describe(target));
    let (a, b) = (pretty(old.as_deref()), pretty(new.as_deref()));
    if diff {
        if new.is_none() {
            println!("(no pending change)");
        } else {
            let text = TextDiff::from_lines(&a, &b);
            print!(
                "{}",
                text.unified_diff()
                    .context_radius(3)
                    .header("approved", "pending")
            );
        }
    } else {
        println!(
            "approved:\n{}",
            if a.is_empty() { "(none)\n".into() } else { a }
        );
        if new.is_some() {
            println!("pending:\n{b}");
        }
    }
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let w = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_target(&w(&["server"])).unwrap(), Target::Server);
        assert_eq!(
            parse_target(&w(&["tool", "read_file"])).unwrap(),
            Target::Item(ItemKind::Tool, "read_file".into())
        );
        assert_eq!(
            parse_target(&w(&["resource-template", "file:///{p}"])).unwrap(),
            Target::Item(ItemKind::ResourceTemplate, "file:///{p}".into())
        );
        assert_eq!(
            parse_target(&w(&["instructions"])).unwrap(),
            Target::Item(ItemKind::Instructions, String::new())
        );
        assert!(parse_target(&w(&["bogus", "x"])).is_err());
        assert!(parse_target(&w(&[])).is_err());
    }
}
