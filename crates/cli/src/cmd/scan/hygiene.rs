//! Configuration hygiene: risks visible in a server's entry before it is ever started.
//!
//! - `hygiene.plaintext_secret`: a credential written literally in `env`, `headers`, `args` or the
//!   URL, where anyone who can read the file (backups, dotfile repositories, other tools) gets it.
//!   A key that names a secret (TOKEN, SECRET, KEY, PASSWORD, …) with a literal high-entropy
//!   value, or any value in a known token format. References (`${VAR}`, `${input:…}`) are fine.
//! - `hygiene.unpinned_package`: `npx -y pkg`, `uvx pkg`, `pipx run pkg`, `bunx pkg` without a
//!   version run whatever the registry serves at each start: a rug pull needs only a publish.
//! - `hygiene.world_writable_path`: the program, a script it runs, or its working directory is
//!   writable by every user (or sits in such a directory): any local user can swap the code.
//! - `hygiene.insecure_transport`: a remote server over plain `http://` to a non-loopback host.

use std::path::Path;

use crate::clients::{ServerEntry, Transport};

use super::launch::{which, Plan};
use super::model::{Issue, Severity, Verdict};
use super::secrets::{redact, secret_kind, SecretKind};

/// Every hygiene issue of one entry; `plan` is what it resolves to (for the file checks).
pub fn check(entry: &ServerEntry, plan: &Plan) -> Vec<Issue> {
    let mut out = Vec::new();
    match &entry.transport {
        Transport::Stdio {
            command, args, env, ..
        } => {
            for (k, v) in env {
                secret(&mut out, &format!("env.{k}"), Some(k), v);
            }
            for (i, a) in args.iter().enumerate() {
                // `--api-key=sk-…` names its key; a bare argument only counts in a known format.
                let (key, value) = match a.split_once('=') {
                    Some((k, v)) if k.starts_with('-') => (Some(k.trim_start_matches('-')), v),
                    _ => (None, a.as_str()),
                };
                secret(&mut out, &format!("args[{i}]"), key, value);
            }
            unpinned(&mut out, command, args);
        }
        Transport::Remote { url, headers, .. } => {
            for (k, v) in headers {
                secret(&mut out, &format!("headers.{k}"), Some(k), v);
            }
            if let Some((_, query)) = url.split_once('?') {
                for pair in query.split('&') {
                    if let Some((k, v)) = pair.split_once('=') {
                        secret(&mut out, "url", Some(k), v);
                    }
                }
            }
            insecure(&mut out, url);
        }
        Transport::Invalid(_) => {}
    }
    if let Plan::Stdio(target) = plan {
        world_writable(&mut out, target);
    }
    out
}

fn secret(out: &mut Vec<Issue>, field: &str, key: Option<&str>, value: &str) {
    let Some(kind) = secret_kind(key, value) else {
        return;
    };
    let (severity, what) = match kind {
        SecretKind::Known(name) => (Severity::High, format!("a {name}")),
        SecretKind::Named => (Severity::Medium, "a literal secret".to_owned()),
    };
    out.push(Issue {
        rule_id: "hygiene.plaintext_secret".into(),
        verdict: Verdict::Warn,
        severity,
        field: Some(field.to_owned()),
        message: format!(
            "`{field}` holds {what} in plain text; reference it instead (e.g. `${{VAR}}` from the \
             environment or the client's secret input)"
        ),
        evidence: redact(value),
        locations: Vec::new(),
    });
}

/// Package runners and the flags of theirs that take a value.
fn runner(
    command: &str,
    args: &[String],
) -> Option<(&'static str, usize, &'static [&'static str])> {
    let base = Path::new(command)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(command)
        .trim_end_matches(".cmd")
        .trim_end_matches(".exe");
    const NPX: &[&str] = &["-p", "--package", "-c", "--call", "--registry", "--cache"];
    const UVX: &[&str] = &[
        "--from",
        "--with",
        "-p",
        "--python",
        "--index",
        "--index-url",
        "--extra-index-url",
        "--default-index",
        "--with-requirements",
        "--directory",
        "--cache-dir",
    ];
    const PIPX: &[&str] = &["--spec", "--python", "--index-url", "--pip-args"];
    let first = args.first().map(String::as_str);
    match (base, first) {
        ("npx" | "bunx" | "pnpx", _) => Some(("npm", 0, NPX)),
        ("pnpm" | "yarn", Some("dlx")) => Some(("npm", 1, NPX)),
        ("uvx", _) => Some(("pypi", 0, UVX)),
        ("uv", Some("tool")) if args.get(1).map(String::as_str) == Some("run") => {
            Some(("pypi", 2, UVX))
        }
        ("pipx", Some("run")) => Some(("pypi", 1, PIPX)),
        _ => None,
    }
}

fn unpinned(out: &mut Vec<Issue>, command: &str, args: &[String]) {
    let Some((registry, skip, valued)) = runner(command, args) else {
        return;
    };
    // The package: the value of --package/--from/--spec if given, else the first positional.
    let mut spec = None;
    let mut i = skip;
    while i < args.len() {
        let a = args[i].as_str();
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if a.starts_with('-') => (f, Some(v)),
            _ => (a, None),
        };
        if ["-p", "--package", "--from", "--spec"].contains(&flag)
            && !(registry == "pypi" && flag == "-p")
        {
            spec = inline
                .map(|v| (i, v.to_owned()))
                .or_else(|| args.get(i + 1).map(|v| (i + 1, v.clone())));
            break;
        }
        if a.starts_with('-') {
            i += if valued.contains(&flag) && inline.is_none() {
                2
            } else {
                1
            };
            continue;
        }
        spec = Some((i, a.to_owned()));
        break;
    }
    let Some((index, spec)) = spec else { return };
    if is_pinned(registry, &spec) {
        return;
    }
    let runner_name = Path::new(command)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| command.to_owned());
    let how = if registry == "npm" {
        "`pkg@1.2.3`"
    } else {
        "`pkg==1.2.3`"
    };
    out.push(Issue {
        rule_id: "hygiene.unpinned_package".into(),
        verdict: Verdict::Warn,
        severity: Severity::Medium,
        field: Some(format!("args[{index}]")),
        message: format!(
            "`{runner_name} {spec}` runs whatever version the registry serves at each start; \
             pin a version ({how}) so an update cannot change the server under you"
        ),
        evidence: spec,
        locations: Vec::new(),
    });
}

/// Whether a package spec names an exact version (paths, URLs and git specs are not registry
/// packages and are left alone).
fn is_pinned(registry: &str, spec: &str) -> bool {
    if spec.starts_with('.')
        || spec.starts_with('/')
        || spec.contains("://")
        || spec.starts_with("git+")
    {
        return true;
    }
    let version = if registry == "npm" {
        // `@scope/name@1.2.3` or `name@1.2.3`; the scope's `@` is not a version separator.
        spec.get(1..)
            .and_then(|s| s.split_once('@'))
            .map(|(_, v)| v)
    } else if let Some((_, v)) = spec.split_once("==") {
        Some(v)
    } else {
        spec.split_once('@').map(|(_, v)| v.trim())
    };
    match version {
        Some(v) => {
            let v = v.trim();
            !v.is_empty()
                && v != "latest"
                && v != "next"
                && v.chars().next().is_some_and(|c| c.is_ascii_digit())
                && !v.contains(['^', '~', '*', 'x', '>', '<', '|', ' '])
        }
        None => false,
    }
}

fn insecure(out: &mut Vec<Issue>, url: &str) {
    let Some(rest) = url.strip_prefix("http://") else {
        return;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = if host.starts_with('[') {
        host.split(']')
            .next()
            .unwrap_or(host)
            .trim_start_matches('[')
    } else {
        host.split(':').next().unwrap_or(host)
    };
    let loopback = host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if loopback {
        return;
    }
    out.push(Issue {
        rule_id: "hygiene.insecure_transport".into(),
        verdict: Verdict::Warn,
        severity: Severity::Medium,
        field: Some("url".into()),
        message: format!(
            "the server at `{host}` is reached over plain HTTP: tool metadata, results and any \
             credentials can be read and changed on the way; use https"
        ),
        evidence: redact_url(url),
        locations: Vec::new(),
    });
}

/// The URL without its query and fragment (which may hold keys) and without user info.
pub fn redact_url(url: &str) -> String {
    let base = url.split(['?', '#']).next().unwrap_or(url);
    let Some((scheme, rest)) = base.split_once("://") else {
        return base.to_owned();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://…@{host}{path}"),
        None => base.to_owned(),
    }
}

fn world_writable(out: &mut Vec<Issue>, target: &mcpguard_gateway::client::StdioTarget) {
    let mut paths = Vec::new();
    if let Some(p) = which(target) {
        paths.push(("command", p));
    }
    let cwd = target.cwd.clone().unwrap_or_default();
    for (i, a) in target.args.iter().enumerate() {
        let p = cwd.join(a);
        if !a.is_empty() && !a.to_string_lossy().starts_with('-') && p.is_file() {
            paths.push((if i == 0 { "args[0]" } else { "args" }, p));
        }
    }
    if !cwd.as_os_str().is_empty() {
        paths.push(("cwd", cwd.clone()));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (field, path) in paths {
        let Some(bad) = first_world_writable(&path) else {
            continue;
        };
        if !seen.insert(bad.clone()) {
            continue;
        }
        out.push(Issue {
            rule_id: "hygiene.world_writable_path".into(),
            verdict: Verdict::Warn,
            severity: Severity::High,
            field: Some(field.to_owned()),
            message: format!(
                "`{}` is started from `{}`, which every local user can write: anyone on this \
                 machine can replace the server's code",
                path.display(),
                bad.display()
            ),
            evidence: bad.display().to_string(),
            locations: Vec::new(),
        });
    }
}

/// The path itself or its nearest ancestor that other users can write (after resolving
/// symlinks): world-writable without the sticky bit, or a sticky shared directory (`/tmp`) whose
/// entry on our path belongs to someone else (who could have planted it).
#[cfg(unix)]
fn first_world_writable(path: &Path) -> Option<std::path::PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let real = std::fs::canonicalize(path).ok()?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    let mut below: Option<&Path> = None;
    for p in real.ancestors() {
        let Ok(meta) = std::fs::metadata(p) else {
            below = Some(p);
            continue;
        };
        if meta.mode() & 0o002 != 0 {
            let sticky = meta.mode() & 0o1000 != 0;
            let child_is_ours = below
                .and_then(|c| std::fs::metadata(c).ok())
                .is_some_and(|m| m.uid() == me || m.uid() == 0);
            if !sticky || !child_is_ours {
                return Some(p.to_path_buf());
            }
        }
        below = Some(p);
    }
    None
}

#[cfg(not(unix))]
fn first_world_writable(_: &Path) -> Option<std::path::PathBuf> {
    None
}

#[cfg(test)]
mod tests;
