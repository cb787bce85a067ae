//! The human-readable report: what was found where, what is wrong, and a one-line summary.

use std::fmt::Write;

use super::super::model::{Issue, ItemKind, ItemReport, ScanReport, ServerReport, Status, Verdict};
use super::Paths;

pub fn render(r: &ScanReport, paths: &Paths<'_>) -> String {
    let mut out = String::new();
    configs(&mut out, r, paths);
    if r.servers.is_empty() {
        out.push_str("\nNo MCP servers configured.\n");
    } else {
        servers(&mut out, r);
        findings(&mut out, r);
        labels(&mut out, r);
    }
    if !r.cross_server.is_empty() {
        out.push_str("\nAcross servers\n");
        for i in &r.cross_server {
            issue(&mut out, i, "  ");
        }
    }
    let hygiene: Vec<_> = r
        .servers
        .iter()
        .filter(|s| !s.hygiene.is_empty() && s.same_as.is_none())
        .collect();
    if !hygiene.is_empty() {
        out.push_str("\nConfiguration hygiene\n");
        for s in hygiene {
            let _ = writeln!(
                out,
                "  {} ({}, {})",
                s.name,
                s.client,
                paths.show(&s.config)
            );
            for i in &s.hygiene {
                issue(&mut out, i, "    ");
            }
        }
    }
    summary(&mut out, r);
    out
}

fn configs(out: &mut String, r: &ScanReport, paths: &Paths<'_>) {
    if r.configs.is_empty() {
        out.push_str("No MCP client configuration found.\n");
        return;
    }
    out.push_str("Configurations\n");
    let w = r
        .configs
        .iter()
        .map(|c| c.client_name.len())
        .max()
        .unwrap_or(0);
    for c in &r.configs {
        let what = match &c.error {
            Some(e) => format!("ERROR {e}"),
            None => plural(c.servers, "server"),
        };
        let _ = writeln!(
            out,
            "  {:w$}  {}  {}",
            c.client_name,
            paths.show(&c.path),
            what
        );
    }
}

fn servers(out: &mut String, r: &ScanReport) {
    out.push_str("\nServers\n");
    let name_w = r
        .servers
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let client_w = r
        .servers
        .iter()
        .map(|s| s.client.len())
        .max()
        .unwrap_or(0)
        .max(6);
    let _ = writeln!(
        out,
        "  {:name_w$}  {:client_w$}  {:9}  {:>5} {:>7} {:>9}  VERDICT",
        "SERVER", "CLIENT", "TRANSPORT", "TOOLS", "PROMPTS", "RESOURCES"
    );
    for s in &r.servers {
        let c = &s.counts;
        let (counts, verdict) = match s.status {
            Status::Ok => (
                format!(
                    "{:>5} {:>7} {:>9}",
                    c.tools,
                    c.prompts,
                    c.resources + c.resource_templates
                ),
                verdict_word(s.verdict).to_owned(),
            ),
            Status::Failed => (
                format!("{:>5} {:>7} {:>9}", "-", "-", "-"),
                "FAILED".to_owned(),
            ),
            Status::Skipped => (
                format!("{:>5} {:>7} {:>9}", "-", "-", "-"),
                "skipped".to_owned(),
            ),
        };
        let _ = writeln!(
            out,
            "  {:name_w$}  {:client_w$}  {:9}  {counts}  {verdict}",
            s.name, s.client, s.transport
        );
        if let Some(first) = &s.same_as {
            let _ = writeln!(out, "      same server as `{first}`: listed once");
        }
        if let Some(e) = &s.error {
            let _ = writeln!(out, "      {}", clean(e));
        }
        for n in &s.notes {
            let _ = writeln!(out, "      note: {}", clean(n));
        }
    }
}

/// The flow labels of every tool that has one: what `wrap`'s flow rules will track.
fn labels(out: &mut String, r: &ScanReport) {
    let labelled: Vec<(&ServerReport, &ItemReport)> = r
        .servers
        .iter()
        .filter(|s| s.same_as.is_none())
        .flat_map(|s| {
            s.items
                .iter()
                .filter(|i| !i.labels.is_empty())
                .map(move |i| (s, i))
        })
        .collect();
    if labelled.is_empty() {
        return;
    }
    out.push_str(
        "
Tool labels (flow control: untrusted content or private data, then a sink)
",
    );
    for (s, item) in labelled {
        let _ = writeln!(
            out,
            "  {} › {}: {}",
            s.name,
            clean(&item.name),
            item.labels.join(", ")
        );
    }
}

fn findings(out: &mut String, r: &ScanReport) {
    let flagged: Vec<(&ServerReport, _)> = r
        .servers
        .iter()
        .filter(|s| s.same_as.is_none())
        .flat_map(|s| {
            s.items
                .iter()
                .filter(|i| i.verdict > Verdict::Pass)
                .map(move |i| (s, i))
        })
        .collect();
    if flagged.is_empty() {
        return;
    }
    out.push_str("\nFindings\n");
    for (s, item) in flagged {
        let what = match item.kind {
            ItemKind::Instructions => "instructions".to_owned(),
            k => format!("{} `{}`", k.as_str().replace('_', " "), clean(&item.name)),
        };
        let _ = writeln!(
            out,
            "  {}  {} › {what}  (score {})",
            verdict_word(item.verdict),
            s.name,
            item.score
        );
        for f in &item.findings {
            let _ = writeln!(
                out,
                "      {:8}  {}  [{}]\n                {}",
                f.severity.as_str(),
                f.rule_id,
                clean(f.field_label()),
                clean(&f.message)
            );
            if !f.evidence.is_empty() {
                let _ = writeln!(out, "                » {}", one_line(&f.evidence, 160));
            }
        }
    }
}

fn issue(out: &mut String, i: &Issue, indent: &str) {
    let field = i
        .field
        .as_deref()
        .map(|f| format!(" [{f}]"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{indent}{}  {}{field}\n{indent}      {}",
        verdict_word(i.verdict),
        i.rule_id,
        clean(&i.message)
    );
    if !i.evidence.is_empty() {
        let _ = writeln!(out, "{indent}      » {}", one_line(&i.evidence, 160));
    }
}

fn summary(out: &mut String, r: &ScanReport) {
    let s = &r.summary;
    let mut servers = format!("{} scanned", plural(s.servers_ok, "server"));
    if s.servers_failed > 0 {
        let _ = write!(servers, ", {} failed", s.servers_failed);
    }
    if s.servers_skipped > 0 {
        let _ = write!(servers, ", {} skipped", s.servers_skipped);
    }
    let _ = writeln!(
        out,
        "\nSummary: {servers}; {}: {} block, {} warn, {} pass; across servers: {}; hygiene: {} → {}",
        plural(s.items, "item"),
        s.block,
        s.warn,
        s.pass,
        plural(s.cross_server, "issue"),
        plural(s.hygiene, "issue"),
        verdict_word(s.verdict)
    );
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Block => "BLOCK",
        Verdict::Warn => "WARN",
        Verdict::Pass => "pass",
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Control characters made visible, newlines folded, at most `max` characters: evidence is
/// attacker text and must not drive the terminal.
fn one_line(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n >= max {
            out.push('…');
            break;
        }
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || invisible(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Format characters that hide or reorder text: zero-width, bidi controls, tag characters.
fn invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xE0000..=0xE007F)
}

/// Untrusted text (from a server) made safe for a terminal, on one line.
fn clean(s: &str) -> String {
    one_line(s, 400)
}
