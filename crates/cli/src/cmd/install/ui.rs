//! What `install` and `uninstall` show before they write, and the confirmation.
//!
//! The plan is printed as a list of entries per file followed by a unified diff per changed file,
//! so what will happen to each file is visible byte for byte before anything is written. Writing
//! needs a "yes": typed on a terminal, or `--yes`; without a terminal and without `--yes` nothing
//! is written (a script must say what it means).

use std::io::{BufRead, IsTerminal, Write};

use similar::TextDiff;

/// What to do after the plan is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Go {
    /// `--dry-run`: stop here.
    DryRun,
    /// `--yes`: write.
    Apply,
    /// Ask on the terminal.
    Ask,
    /// No terminal and no `--yes`: refuse.
    Refuse,
}

/// Pure: the flags and whether stdin is a terminal → what to do.
pub fn decide(dry_run: bool, yes: bool, terminal: bool) -> Go {
    match (dry_run, yes, terminal) {
        (true, _, _) => Go::DryRun,
        (false, true, _) => Go::Apply,
        (false, false, true) => Go::Ask,
        (false, false, false) => Go::Refuse,
    }
}

pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// Asks `question [y/N]` on stderr and reads the answer from stdin.
pub fn confirm(question: &str) -> bool {
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

/// A unified diff of one file, `label` naming it.
pub fn diff(out: &mut dyn Write, label: &str, old: &str, new: &str) -> std::io::Result<()> {
    let d = TextDiff::from_lines(old, new);
    let mut unified = d.unified_diff();
    let text = unified
        .context_radius(3)
        .header(label, label)
        .missing_newline_hint(true)
        .to_string();
    out.write_all(text.as_bytes())
}

/// Left-aligned columns: every row padded to the widest cell of each column but the last.
pub fn columns(out: &mut dyn Write, indent: &str, rows: &[Vec<String>]) -> std::io::Result<()> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::from(indent);
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                let pad = widths[c].saturating_sub(cell.chars().count()) + 2;
                line.push_str(&" ".repeat(pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A command line for people: words with spaces or quotes are JSON-quoted.
pub fn command_line(command: &str, args: &[String]) -> String {
    std::iter::once(command)
        .chain(args.iter().map(String::as_str))
        .map(|w| {
            if w.is_empty()
                || w.chars()
                    .any(|c| c.is_whitespace() || c == '"' || c == '\'')
            {
                serde_json::Value::String(w.to_owned()).to_string()
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_needs_a_yes_from_a_flag_or_a_person() {
        assert_eq!(decide(true, true, true), Go::DryRun);
        assert_eq!(decide(false, true, false), Go::Apply);
        assert_eq!(decide(false, false, true), Go::Ask);
        assert_eq!(decide(false, false, false), Go::Refuse);
    }

    #[test]
    fn diffs_and_columns() {
        let mut out = Vec::new();
        diff(&mut out, "f.json", "{\n\"a\": 1\n}\n", "{\n\"a\": 2\n}\n").unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("--- f.json\n+++ f.json\n@@"), "{s}");
        assert!(s.contains("-\"a\": 1\n+\"a\": 2\n"), "{s}");
        let mut out = Vec::new();
        columns(
            &mut out,
            "  ",
            &[
                vec!["a".into(), "bb".into(), "c".into()],
                vec!["aaa".into(), "b".into()],
            ],
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "  a    bb  c\n  aaa  b\n");
        assert_eq!(
            command_line("npx", &["-y".into(), "a b".into()]),
            "npx -y \"a b\""
        );
    }
}
