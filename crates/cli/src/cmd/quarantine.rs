//! `mcpguard quarantine list|show|release`: review what the gate withheld from the client.
//!
//! A quarantined item is a tool result (or `resources/read` contents, `prompts/get` messages)
//! whose scan found something, kept in the store instead of reaching the model. Everything shown
//! here came from a server that may be hostile: text is printed through [`clean`], so control,
//! bidi and tag characters appear as `?` and cannot drive the terminal.

use std::fmt::Write as _;

use anyhow::bail;
use mcpguard_store::audit::{Direction, Verdict};
use mcpguard_store::quarantine::MIN_ID_PREFIX;
use mcpguard_store::{NewAuditRecord, QuarantineStatus, Quarantined, Store};
use serde_json::{json, Value};
use time::macros::format_description;
use time::OffsetDateTime;

use crate::cmd::audit::clean;
use crate::datadir::DataDirArgs;
use crate::exit::Exit;

/// Arguments of `mcpguard quarantine`.
#[derive(Debug, clap::Args)]
pub struct QuarantineArgs {
    #[command(subcommand)]
    pub action: QuarantineAction,
    #[command(flatten)]
    pub data: DataDirArgs,
    /// Machine-readable output.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum QuarantineAction {
    /// Withheld items, newest first (`--all`: released ones too).
    List {
        #[arg(long)]
        all: bool,
        /// At most this many items.
        #[arg(long, default_value_t = 200, value_name = "N")]
        limit: usize,
    },
    /// One item: why it was withheld, the findings, and the original content.
    Show {
        /// The id from the client's notice or `quarantine list` (a prefix of 6+ characters will do).
        id: String,
        /// The server, when the same id was withheld from several.
        #[arg(long, value_name = "NAME")]
        server: Option<String>,
    },
    /// Let this content from this server through from now on (spotlighted as untrusted).
    Release {
        id: String,
        /// The server, when the same id was withheld from several.
        #[arg(long, value_name = "NAME")]
        server: Option<String>,
    },
}

/// What the audit record of a release says.
const RELEASE_REASON: &str = "released from the command line";

pub fn run(args: QuarantineArgs) -> anyhow::Result<Exit> {
    let store = args.data.open()?;
    let store = store.as_ref();
    match &args.action {
        QuarantineAction::List { all, limit } => list(store, *all, *limit, args.json),
        QuarantineAction::Show { id, server } => {
            let item = find(store, id, server.as_deref())?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&item)?);
            } else {
                print!("{}", render(&item));
            }
            Ok(Exit::Ok)
        }
        QuarantineAction::Release { id, server } => {
            release(store, &find(store, id, server.as_deref())?, args.json)
        }
    }
}

fn list(store: &dyn Store, all: bool, limit: usize, as_json: bool) -> anyhow::Result<Exit> {
    let items = store.quarantine_list(all, limit)?;
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "quarantine": items }))?
        );
        return Ok(Exit::Ok);
    }
    if items.is_empty() {
        println!(
            "{}",
            if all {
                "nothing was ever quarantined"
            } else {
                "nothing is held in quarantine"
            }
        );
        return Ok(Exit::Ok);
    }
    println!(
        "{:<16}  {:<16}  {:<24}  {:<20}  {:<8}  {:>4}  reason",
        "id", "server", "tool", "when", "status", "hits"
    );
    for q in items {
        println!(
            "{:<16}  {:<16}  {:<24}  {:<20}  {:<8}  {:>4}  {}",
            clean(&q.id),
            short(&q.server, 16),
            short(q.tool.as_deref().unwrap_or("-"), 24),
            when(q.created_at),
            q.status.as_str(),
            q.hits,
            clean(&q.reason)
        );
    }
    Ok(Exit::Ok)
}

/// The one item `id` names (with `server`, if given), or an error that says why not.
fn find(store: &dyn Store, id: &str, server: Option<&str>) -> anyhow::Result<Quarantined> {
    let id = id.trim();
    let mut items = store.quarantined(id)?;
    if items.is_empty() && id != id.to_ascii_lowercase() {
        items = store.quarantined(&id.to_ascii_lowercase())?;
    }
    if let Some(server) = server {
        items.retain(|q| q.server == server);
    }
    let shown = clean(id);
    match items.len() {
        0 if id.chars().count() < MIN_ID_PREFIX => bail!(
            "no quarantined item has id {shown} (a prefix needs at least {MIN_ID_PREFIX} characters)"
        ),
        0 => {
            let from = server.map_or(String::new(), |s| format!(" from server {}", clean(s)));
            bail!("no quarantined item has id {shown}{from} (see `mcpguard quarantine list --all`)")
        }
        1 => Ok(items.remove(0)),
        _ => {
            let mut msg = format!("{shown} matches {} quarantined items:", items.len());
            for q in &items {
                let _ = write!(
                    msg,
                    "\n  {}  server {}  {}  {}",
                    clean(&q.id),
                    clean(&q.server),
                    when(q.created_at),
                    q.status.as_str()
                );
            }
            msg.push_str("\ngive more of the id, or --server NAME");
            bail!(msg)
        }
    }
}

fn release(store: &dyn Store, q: &Quarantined, as_json: bool) -> anyhow::Result<Exit> {
    let server = clean(&q.server);
    let changed = q.status == QuarantineStatus::Held && {
        let by = user();
        // recorded before it takes effect, like every decision
        store.append_audit(NewAuditRecord {
            session: "cli".into(),
            principal: Some(by.clone()),
            server: q.server.clone(),
            direction: Direction::Local,
            method: "quarantine/release".into(),
            tool: q.tool.clone(),
            request_id: None,
            args_digest: None,
            args: Some(json!({ "quarantine_id": q.id })),
            findings: q.findings.clone(),
            rules: Vec::new(),
            verdict: Verdict::Allow,
            reason: RELEASE_REASON.into(),
            latency_us: 0,
        })?;
        store.release_quarantine(&q.server, &q.id, &by)?
    };
    if as_json {
        let now = store.quarantined(&q.id)?;
        let item = now.iter().find(|n| n.server == q.server).unwrap_or(q);
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "released": changed, "item": item }))?
        );
        return Ok(Exit::Ok);
    }
    if changed {
        println!("released {} from server {server}", clean(&q.id));
        println!(
            "the same content from server {server} now passes through, spotlighted as untrusted; \
             other servers and other content stay quarantined"
        );
    } else {
        let current = store.quarantined(&q.id)?;
        let by = current
            .iter()
            .find(|n| n.server == q.server)
            .and_then(|n| Some((n.released_by.clone()?, n.released_at?)))
            .map_or(String::new(), |(by, at)| {
                format!(" by {} at {}", clean(&by), when(at))
            });
        println!(
            "{} from server {server} was already released{by}: nothing changed",
            clean(&q.id)
        );
    }
    Ok(Exit::Ok)
}

/// Who releases: the OS user name, else `cli`.
fn user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "cli".into())
}

/// Unix seconds as `2026-01-31 12:00:00Z`.
fn when(t: i64) -> String {
    OffsetDateTime::from_unix_timestamp(t)
        .ok()
        .and_then(|d| {
            d.format(format_description!(
                "[year]-[month]-[day] [hour]:[minute]:[second]Z"
            ))
            .ok()
        })
        .unwrap_or_else(|| t.to_string())
}

/// Cleaned and cut to `max` characters.
fn short(s: &str, max: usize) -> String {
    let s = clean(s);
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Like [`clean`], but keeps line breaks and tabs: for text a person reads as a page.
fn clean_page(s: &str) -> String {
    s.split('\n')
        .map(|line| {
            line.split('\t')
                .map(|part| clean(part.strip_suffix('\r').unwrap_or(part)))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `show` for people: metadata, findings, the content as JSON, then its text items plainly.
fn render(q: &Quarantined) -> String {
    let mut out = String::new();
    let opt = |v: &Option<String>| v.as_deref().map_or("-".to_owned(), clean);
    let rows = [
        ("id", clean(&q.id)),
        ("server", clean(&q.server)),
        ("method", clean(&q.method)),
        ("tool", opt(&q.tool)),
        ("session", clean(&q.session)),
        ("first seen", when(q.created_at)),
        ("hits", q.hits.to_string()),
        ("status", q.status.as_str().to_owned()),
        ("released by", opt(&q.released_by)),
        ("released at", q.released_at.map_or("-".into(), when)),
        ("reason", clean(&q.reason)),
        ("size", format!("{} bytes", q.content_bytes)),
    ];
    for (k, v) in rows {
        let _ = writeln!(out, "{k:<12} {v}");
    }
    let _ = writeln!(out, "\nfindings:");
    if q.findings.is_empty() {
        let _ = writeln!(out, "  (none recorded)");
    }
    for f in &q.findings {
        let _ = writeln!(out, "  {} ({})", clean(&f.rule), clean(&f.severity));
    }
    let content = q.content.as_deref().unwrap_or("");
    let parsed: Option<Value> = serde_json::from_str(content).ok();
    let _ = writeln!(out, "\ncontent (the original result):");
    match &parsed {
        Some(v) => {
            let pretty = serde_json::to_string_pretty(v).unwrap_or_else(|_| content.to_owned());
            let _ = writeln!(out, "{}", clean_page(&pretty));
        }
        None => {
            let _ = writeln!(
                out,
                "(not valid JSON, shown as stored)\n{}",
                clean_page(content)
            );
        }
    }
    let texts = parsed.as_ref().map(texts).unwrap_or_default();
    for (i, (place, text)) in texts.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n--- text {} of {} ({place}) ---\n{}",
            i + 1,
            texts.len(),
            clean_page(text)
        );
    }
    out
}

/// The text items of a result, with where each is: `content[]` of a tool result, `contents[]` of
/// `resources/read`, `messages[].content` of `prompts/get`.
fn texts(result: &Value) -> Vec<(String, String)> {
    let result = result.get("result").unwrap_or(result);
    let mut out = Vec::new();
    let mut take = |place: String, item: &Value| {
        if let Some(t) = item.get("text").and_then(Value::as_str) {
            out.push((place, t.to_owned()));
        }
    };
    for key in ["content", "contents"] {
        if let Some(items) = result.get(key).and_then(Value::as_array) {
            for (i, item) in items.iter().enumerate() {
                take(format!("{key}[{i}]"), item);
            }
        }
    }
    if let Some(messages) = result.get("messages").and_then(Value::as_array) {
        for (i, m) in messages.iter().enumerate() {
            match m.get("content") {
                Some(Value::Array(items)) => {
                    for (j, item) in items.iter().enumerate() {
                        take(format!("messages[{i}].content[{j}]"), item);
                    }
                }
                Some(item) => take(format!("messages[{i}].content"), item),
                None => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_items_of_each_kind_of_result_are_found() {
        let tool =
            json!({"content": [{"type": "text", "text": "a"}, {"type": "image", "data": "x"}]});
        assert_eq!(texts(&tool), [("content[0]".to_owned(), "a".to_owned())]);
        let res = json!({"contents": [{"uri": "file:///x", "text": "b"}]});
        assert_eq!(texts(&res)[0].1, "b");
        let prompt =
            json!({"messages": [{"role": "user", "content": {"type": "text", "text": "c"}}]});
        assert_eq!(texts(&prompt)[0].0, "messages[0].content");
        assert!(texts(&json!("plain")).is_empty());
    }

    #[test]
    fn a_page_keeps_its_lines_but_not_its_escapes() {
        assert_eq!(clean_page("a\r\nb\t\u{1b}[2J\u{202e}"), "a\nb\t?[2J?");
    }
}
