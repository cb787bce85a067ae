//! Reading policy files from disk: the only file I/O of the engine, kept out of the pure parts.
//!
//! `mcpguard.toml` may list Cedar files under `[cedar] files`, relative to its own directory; more
//! can be given by the caller (`--cedar`). Errors name the file as the user wrote it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cedar::CedarSource;
use crate::config::PolicyFile;
use crate::engine::Engine;
use crate::error::PolicyError;
use crate::path::PathResolver;

/// Everything read from disk, parsed but not compiled.
#[derive(Debug, Clone, Default)]
pub struct LoadedPolicy {
    /// The parsed `mcpguard.toml` (the default when none was given).
    pub config: PolicyFile,
    /// The TOML file, when one was given.
    pub config_file: Option<PathBuf>,
    /// The Cedar sources: those the TOML lists, then the extra ones.
    pub cedar: Vec<CedarSource>,
}

fn read(path: &Path) -> Result<String, PolicyError> {
    std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
        file: path.to_path_buf(),
        source,
    })
}

/// Read `config` (optional) and the Cedar files it lists plus `extra_cedar`.
pub fn read_policy(
    config: Option<&Path>,
    extra_cedar: &[PathBuf],
) -> Result<LoadedPolicy, PolicyError> {
    let mut loaded = LoadedPolicy::default();
    if let Some(path) = config {
        let text = read(path)?;
        loaded.config = PolicyFile::parse(&path.display().to_string(), &text)?;
        loaded.config_file = Some(path.to_path_buf());
        let dir = path.parent().unwrap_or(Path::new(""));
        for file in &loaded.config.cedar.files {
            let cedar_path = dir.join(file);
            loaded.cedar.push(CedarSource {
                text: read(&cedar_path)?,
                file: cedar_path.display().to_string(),
            });
        }
    }
    for path in extra_cedar {
        loaded.cedar.push(CedarSource {
            text: read(path)?,
            file: path.display().to_string(),
        });
    }
    Ok(loaded)
}

impl Engine {
    /// Read and compile: `config` (optional `mcpguard.toml`), the Cedar files it lists and
    /// `extra_cedar`. The gateway passes [`crate::FsResolver`] as `resolver`.
    pub fn load(
        config: Option<&Path>,
        extra_cedar: &[PathBuf],
        resolver: Arc<dyn PathResolver>,
    ) -> Result<Engine, PolicyError> {
        let loaded = read_policy(config, extra_cedar)?;
        Engine::compile(&loaded.config, &loaded.cedar, resolver)
    }
}
