//! Path confinement: is this argument inside one of the allowed roots?
//!
//! A string prefix test is not a path check: `/srv/project/../../etc/passwd`, `/srv//project`,
//! `/srv/project2` and a symlink inside the root that points outside all defeat it. So a path is
//! checked twice. First lexically: `.`, `..` and duplicate separators are resolved on the text and
//! the result must lie under a root (component-wise, so `/srv/project2` is not under `/srv/project`).
//! Then through a [`PathResolver`], which follows symlinks as the kernel would; the resolved path
//! must lie under a resolved root. The engine never touches the disk: the gateway passes
//! [`crate::FsResolver`], tests inject their own.

use std::path::{Component, Path, PathBuf};

/// Follows symlinks in an absolute path, as the filesystem the server sees would.
///
/// `resolve` receives the path as the caller wrote it (joined onto its base if it was relative, with
/// `..` still in it: after a symlink, `..` leaves the link's target, not the link's directory). For a
/// path that does not exist yet (a file about to be written) it resolves the longest existing
/// ancestor and appends the rest. An error denies the call.
pub trait PathResolver: Send + Sync {
    /// The real path `path` designates.
    fn resolve(&self, path: &Path) -> std::io::Result<PathBuf>;
}

/// A resolver for engines that have no filesystem to ask: lexical normalisation only, no symlinks.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexicalResolver;

impl PathResolver for LexicalResolver {
    fn resolve(&self, path: &Path) -> std::io::Result<PathBuf> {
        Ok(normalize(path))
    }
}

/// Resolve `.`, `..` and duplicate separators on the text of an absolute path. `..` at the root
/// stays at the root, as in the kernel.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::ParentDir => {
                out.pop();
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    out
}

/// An allowed root, in both forms the check needs.
#[derive(Debug, Clone)]
pub struct Root {
    /// As configured, normalised lexically.
    pub lexical: PathBuf,
    /// Through the engine's resolver (equal to `lexical` when it cannot be resolved).
    pub resolved: PathBuf,
}

impl Root {
    /// A root whose resolved form is found by `resolver`.
    pub fn new(configured: &Path, resolver: &dyn PathResolver) -> Root {
        let lexical = normalize(configured);
        let resolved = resolver
            .resolve(&lexical)
            .map(|p| normalize(&p))
            .unwrap_or_else(|_| lexical.clone());
        Root { lexical, resolved }
    }
}

/// Where relative paths are taken from and which roots they must stay in.
#[derive(Debug, Clone)]
pub struct Confinement {
    /// The allowed roots.
    pub roots: Vec<Root>,
    /// The base for relative paths; `None` makes a relative path a violation.
    pub relative_to: Option<PathBuf>,
}

impl Confinement {
    /// Check `raw`; on success return the resolved path, on failure the reason.
    pub fn check(&self, raw: &str, resolver: &dyn PathResolver) -> Result<PathBuf, String> {
        if raw.is_empty() {
            return Err("empty path".to_string());
        }
        if raw.contains('\0') {
            return Err(format!("path {raw:?} contains a NUL byte"));
        }
        if raw.starts_with('~') {
            return Err(format!(
                "path {raw:?} is relative to a home directory, which the policy cannot see; use an absolute path"
            ));
        }
        let given = Path::new(raw);
        let joined = if given.is_absolute() {
            given.to_path_buf()
        } else if let Some(base) = &self.relative_to {
            base.join(given)
        } else {
            return Err(format!(
                "path {raw:?} is relative and the rule sets no `relative_to`"
            ));
        };
        let lexical = normalize(&joined);
        if !self.roots.iter().any(|r| lexical.starts_with(&r.lexical)) {
            return Err(format!(
                "path {raw:?} is {}, outside the allowed roots ({})",
                lexical.display(),
                self.list_roots()
            ));
        }
        let resolved = match resolver.resolve(&joined) {
            Ok(p) => normalize(&p),
            Err(e) => return Err(format!("path {raw:?} cannot be resolved: {e}")),
        };
        if !self.roots.iter().any(|r| resolved.starts_with(&r.resolved)) {
            return Err(format!(
                "path {raw:?} leads through a symlink to {}, outside the allowed roots ({})",
                resolved.display(),
                self.list_roots()
            ));
        }
        Ok(resolved)
    }

    fn list_roots(&self) -> String {
        let roots: Vec<String> = self
            .roots
            .iter()
            .map(|r| r.lexical.display().to_string())
            .collect();
        roots.join(", ")
    }
}

#[cfg(test)]
mod tests;
