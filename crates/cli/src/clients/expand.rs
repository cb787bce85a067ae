//! Variable references in client configs, expanded the way the clients do before launching.
//!
//! Claude Code expands `${VAR}` and `${VAR:-default}`; VS Code `${env:VAR}`, `${workspaceFolder}`
//! and `${userHome}`; `${input:…}` prompts the user in VS Code and cannot be answered here, so it
//! is left as written (and reported by the caller). Hygiene checks look at the unexpanded text:
//! a reference is not a secret written in the file.

use std::path::Path;

/// What a reference can resolve to.
pub struct Vars<'a> {
    /// Looks up an environment variable.
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub workspace: &'a Path,
    pub home: &'a Path,
}

/// Expands the references in `s`; the names of references that could not be resolved are
/// pushed to `unresolved`.
pub fn expand(s: &str, vars: &Vars<'_>, unresolved: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &after[..end];
        match resolve(inner, vars) {
            Some(v) => out.push_str(&v),
            None => {
                unresolved.push(inner.to_owned());
                out.push_str(&rest[start..start + 2 + end + 1]);
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

fn resolve(inner: &str, vars: &Vars<'_>) -> Option<String> {
    match inner {
        "workspaceFolder" | "workspaceRoot" => return Some(vars.workspace.display().to_string()),
        "userHome" => return Some(vars.home.display().to_string()),
        _ => {}
    }
    if let Some(name) = inner.strip_prefix("env:") {
        return Some((vars.env)(name).unwrap_or_default());
    }
    if inner.contains(':') && !inner.contains(":-") {
        return None; // ${input:…}, ${command:…}, ${config:…}
    }
    let (name, default) = match inner.split_once(":-") {
        Some((n, d)) => (n, Some(d)),
        None => (inner, None),
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    match ((vars.env)(name), default) {
        (Some(v), _) if !v.is_empty() || default.is_none() => Some(v),
        (_, Some(d)) => Some(d.to_owned()),
        (None, None) => None,
        (Some(v), None) => Some(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_the_forms_clients_use() {
        let env = |k: &str| (k == "TOKEN").then(|| "t0k".to_owned());
        let vars = Vars {
            env: &env,
            workspace: Path::new("/w"),
            home: Path::new("/h"),
        };
        let mut un = Vec::new();
        assert_eq!(expand("Bearer ${TOKEN}", &vars, &mut un), "Bearer t0k");
        assert_eq!(expand("${env:TOKEN}/${env:NOPE}", &vars, &mut un), "t0k/");
        assert_eq!(
            expand("${MISSING:-x}${workspaceFolder}", &vars, &mut un),
            "x/w"
        );
        assert_eq!(expand("${userHome}/a ${", &vars, &mut un), "/h/a ${");
        assert!(un.is_empty());
        assert_eq!(
            expand("${input:key} ${MISSING}", &vars, &mut un),
            "${input:key} ${MISSING}"
        );
        assert_eq!(un, ["input:key", "MISSING"]);
    }
}
