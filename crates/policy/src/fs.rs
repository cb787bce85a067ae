//! The real-filesystem [`PathResolver`] the gateway hands to the engine.
//!
//! Kept apart from the pure engine: this is the only place the crate asks the disk about paths. It
//! follows symlinks the way the kernel will when the server opens the path, including for paths
//! that do not exist yet, and refuses what it cannot answer safely (a dangling symlink, `..` after a
//! missing directory) — an error denies the call.

use std::io;
use std::path::{Component, Path, PathBuf};

use crate::path::PathResolver;

/// Resolves paths on the real filesystem with `std::fs::canonicalize`.
#[derive(Debug, Clone, Copy, Default)]
pub struct FsResolver;

impl PathResolver for FsResolver {
    fn resolve(&self, path: &Path) -> io::Result<PathBuf> {
        if !path.is_absolute() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not an absolute path",
            ));
        }
        // Drop `.` and empty components (harmless on the text); keep `..`, whose meaning depends
        // on the symlinks before it.
        let mut cleaned = PathBuf::new();
        for component in path.components() {
            if component != Component::CurDir {
                cleaned.push(component.as_os_str());
            }
        }
        resolve_existing_prefix(&cleaned, 0)
    }
}

/// Canonicalise `path`; if it does not exist, resolve its parent and append the last component.
fn resolve_existing_prefix(path: &Path, depth: usize) -> io::Result<PathBuf> {
    if depth > 4096 {
        return Err(io::Error::other("path too deep"));
    }
    match std::fs::canonicalize(path) {
        Ok(real) => Ok(real),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("{} is a dangling symlink", path.display()),
                ));
            }
            let (Some(parent), Some(last)) = (path.parent(), path.components().next_back()) else {
                return Err(e);
            };
            match last {
                Component::Normal(name) => {
                    Ok(resolve_existing_prefix(parent, depth + 1)?.join(name))
                }
                _ => Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("{} does not exist", path.display()),
                )),
            }
        }
        Err(e) => Err(e),
    }
}
