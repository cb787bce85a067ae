//! Shared by `tests/content.rs` and `examples/content_eval.rs`: the case-file parser and the
//! benign-corpus loader.
//!
//! Case files (`injected.txt`, `benign.txt`) hold cases separated by header lines
//! `=== name | category [| holdout]`. Hidden channels are written as directives so the files stay
//! readable: `{TAG:text}` (Unicode tag characters), `{ZWS:text}` (a zero-width space between every
//! character), `{ESC}` (0x1B), `{BEL}` (0x07), `{RLO}`/`{PDF}` (bidi), `{B64:text}`, `{HEX:text}`,
//! `{PCT:text}` (percent-encoding of every byte), `{FW:text}` (fullwidth letters).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use base64::Engine as _;

/// One case.
pub struct Case {
    pub name: String,
    pub category: String,
    pub holdout: bool,
    pub text: String,
}

fn expand(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(p) = rest.find('{') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let simple = [
            ("{ESC}", "\u{1b}"),
            ("{BEL}", "\u{7}"),
            ("{RLO}", "\u{202E}"),
            ("{PDF}", "\u{202C}"),
            ("{ZW}", "\u{200B}"),
        ];
        if let Some((k, v)) = simple.iter().find(|(k, _)| tail.starts_with(k)) {
            out.push_str(v);
            rest = &tail[k.len()..];
            continue;
        }
        let kinds = ["TAG", "ZWS", "B64", "HEX", "PCT", "FW"];
        let found = kinds
            .iter()
            .find(|k| tail[1..].starts_with(&format!("{k}:")));
        let (Some(kind), Some(close)) = (found, tail.find('}')) else {
            out.push('{');
            rest = &tail[1..];
            continue;
        };
        let body = &tail[kind.len() + 2..close];
        match *kind {
            "TAG" => out.extend(
                body.chars()
                    .map(|c| char::from_u32(0xE0000 + c as u32).unwrap_or(c)),
            ),
            "ZWS" => {
                for c in body.chars() {
                    out.push(c);
                    out.push('\u{200B}');
                }
            }
            "B64" => out.push_str(&base64::engine::general_purpose::STANDARD.encode(body)),
            "HEX" => out.extend(body.bytes().map(|b| format!("{b:02x}"))),
            "PCT" => out.extend(body.bytes().map(|b| format!("%{b:02X}"))),
            "FW" => out.extend(body.chars().map(|c| {
                if c.is_ascii_graphic() {
                    char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c)
                } else {
                    c
                }
            })),
            _ => {}
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Parses a case file.
pub fn cases(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out: Vec<Case> = Vec::new();
    let mut body = String::new();
    let mut head: Option<(String, String, bool)> = None;
    let flush =
        |head: &mut Option<(String, String, bool)>, body: &mut String, out: &mut Vec<Case>| {
            if let Some((name, category, holdout)) = head.take() {
                out.push(Case {
                    name,
                    category,
                    holdout,
                    text: expand(body.trim_end_matches('\n')),
                });
            }
            body.clear();
        };
    for line in text.split_inclusive('\n') {
        if let Some(h) = line.strip_prefix("=== ") {
            flush(&mut head, &mut body, &mut out);
            let parts: Vec<&str> = h.trim().split('|').map(str::trim).collect();
            head = Some((
                parts.first().copied().unwrap_or("").to_owned(),
                parts.get(1).copied().unwrap_or("misc").to_owned(),
                parts.get(2) == Some(&"holdout"),
            ));
        } else if head.is_some() {
            body.push_str(line);
        }
    }
    flush(&mut head, &mut body, &mut out);
    out
}

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/content")
}

/// A benign document: where it came from and its text.
pub struct Doc {
    pub source: String,
    pub text: String,
}

fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 12 {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            continue;
        }
        if ft.is_dir() {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name == "target" || name == ".git" || name == "heldout" || name == "__pycache__" {
                continue;
            }
            walk(&p, keep, out, depth + 1);
        } else if keep(&p) {
            out.push(p);
        }
    }
}

fn docs_in(root: &Path, label: &str, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<Doc>) {
    let mut files = Vec::new();
    walk(root, keep, &mut files, 0);
    files.sort();
    for f in files {
        if let Ok(text) = std::fs::read_to_string(&f) {
            if text.len() >= 200 && text.len() <= 4 << 20 {
                let rel = f.strip_prefix(root).unwrap_or(&f).display().to_string();
                out.push(Doc {
                    source: format!("{label}:{rel}"),
                    text,
                });
            }
        }
    }
}

fn is_doc(p: &Path) -> bool {
    let name = p
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".md")
        || name.ends_with(".rst")
        || name.ends_with(".markdown")
        || name == "metadata"
        || name.starts_with("readme")
        || name.starts_with("changelog")
        || name.starts_with("changes")
}

/// Real benign text on this machine: this repository's markdown (minus the content eval set and
/// held-out data), README/docs files of installed Python packages, the peers' npm/Python
/// packages, and `git log -p` of this repository split per commit.
///
/// Left out of this repository: what documents or tests attacks — `docs/` (the threat model and
/// the rule references quote injections on purpose), the detection crate, test folders, and
/// commit messages (which name the attack cases they add). Blocking a quoted attack there is
/// the scanner being right, and every new case would otherwise raise the "benign" rate.
pub fn benign() -> Vec<Doc> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    docs_in(
        &repo,
        "repo",
        &|p: &Path| {
            p.extension().is_some_and(|e| e == "md")
                && !p.components().any(|c| {
                    ["content", "docs", "detect", "tests"]
                        .iter()
                        .any(|d| c.as_os_str() == *d)
                })
        },
        &mut out,
    );
    let py = std::process::Command::new("python3")
        .args([
            "-c",
            "import site; print('\\n'.join(site.getsitepackages()))",
        ])
        .output();
    if let Ok(o) = py {
        for line in String::from_utf8_lossy(&o.stdout).lines() {
            docs_in(Path::new(line.trim()), "site-packages", &is_doc, &mut out);
        }
    }
    // the real peers `scripts/test.sh` installs under this checkout's target directory
    let peers = repo.join("target/peers");
    if peers.exists() {
        docs_in(&peers, "peers", &is_doc, &mut out);
    }
    let log = std::process::Command::new("git")
        .args([
            "log",
            "-p",
            "--no-color",
            "--format=commit %H",
            "-n",
            "400",
            "--",
            ".",
            ":(exclude)docs",
            ":(exclude)crates/detect",
            ":(exclude)tests",
            ":(exclude)**/tests/**",
            // (the red-team batches are attacks, labelled as such, not benign documents)
            ":(exclude)scripts/experiments/redteam",
        ])
        .current_dir(&repo)
        .output();
    if let Ok(o) = log {
        let text = String::from_utf8_lossy(&o.stdout);
        let mut commit = String::new();
        let mut n = 0;
        for line in text.split_inclusive('\n') {
            if line.starts_with("commit ") && !commit.is_empty() {
                out.push(Doc {
                    source: format!("git-log:{n}"),
                    text: std::mem::take(&mut commit),
                });
                n += 1;
            }
            commit.push_str(line);
        }
        if !commit.is_empty() {
            out.push(Doc {
                source: format!("git-log:{n}"),
                text: commit,
            });
        }
    }
    out
}
