//! `mcpguard manifest`: create a capability manifest from a live server, sign it, verify it.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use mcpguard_core::canonical::{item_name, pinned};
use mcpguard_core::manifest::{
    self, Capabilities, KeyStatus, Manifest, ManifestState, ServerId, SignedManifest, FORMAT,
};
use mcpguard_gateway::client::{list_stdio, ListOptions, StdioTarget};
use mcpguard_store::{ItemKind, Store};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::datadir::DataDirArgs;
use crate::exit::Exit;

#[derive(Debug, clap::Args)]
pub struct ManifestArgs {
    #[command(subcommand)]
    pub action: ManifestAction,
    #[command(flatten)]
    pub data: DataDirArgs,
}

/// What a server may ask of the client, for `--allow`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Allow {
    Sampling,
    Elicitation,
    Roots,
}

#[derive(Debug, clap::Subcommand)]
pub enum ManifestAction {
    /// Describe a live server: launch it, list it, and print an unsigned manifest.
    Create {
        /// What the server may ask of the client (repeatable).
        #[arg(long, value_enum)]
        allow: Vec<Allow>,
        /// How long the manifest is valid.
        #[arg(long, default_value_t = 365)]
        valid_days: u32,
        /// Seconds the server has to start and answer.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The server command, after `--`.
        #[arg(last = true, required = true)]
        command: Vec<OsString>,
    },
    /// Sign a manifest with a private key from `mcpguard keys generate`.
    Sign {
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        manifest: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check a signed manifest against the trusted keys (exit 1 if it does not hold).
    Verify { manifest: PathBuf },
}

fn hashes(kind: ItemKind, items: &[Value]) -> BTreeMap<String, String> {
    items
        .iter()
        .filter_map(|def| Some((item_name(kind, def)?, pinned(kind, def).hash)))
        .collect()
}

fn lists_changed(caps: &Value) -> Vec<String> {
    ["tools", "prompts", "resources"]
        .into_iter()
        .filter(|k| {
            caps.pointer(&format!("/{k}/listChanged"))
                .and_then(Value::as_bool)
                == Some(true)
        })
        .map(str::to_owned)
        .collect()
}

fn write_out(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            println!("{text}");
            Ok(())
        }
    }
}

/// Reads a manifest file (signed or not).
pub fn load(path: &Path) -> anyhow::Result<SignedManifest> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the manifest {}", path.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{}: not a manifest (see docs/manifests.md)", path.display()))
}

/// Verifies a manifest against the store's keys now: the state `wrap` enforces.
pub fn state_for(signed: SignedManifest, store: &dyn Store) -> anyhow::Result<ManifestState> {
    let keys: Vec<KeyStatus> = store
        .keys()?
        .into_iter()
        .map(|k| KeyStatus {
            id: k.id,
            public_key: k.public_key,
            revoked: k.revoked_at.is_some(),
        })
        .collect();
    Ok(
        match manifest::verify(&signed, &keys, OffsetDateTime::now_utc()) {
            Ok(()) => ManifestState::Valid(Box::new(signed.manifest)),
            Err(e) => ManifestState::Invalid(format!("its manifest {e}")),
        },
    )
}

pub fn run(args: ManifestArgs) -> anyhow::Result<Exit> {
    match args.action {
        ManifestAction::Create {
            allow,
            valid_days,
            timeout,
            out,
            command,
        } => {
            let (program, rest) = command.split_first().context("no server command")?;
            let target = StdioTarget {
                program: program.clone(),
                args: rest.to_vec(),
                ..StdioTarget::default()
            };
            let opts = ListOptions {
                timeout: Duration::from_secs(timeout),
                ..ListOptions::default()
            };
            let inv = list_stdio(&target, &opts).context("could not list the server")?;
            let info = inv.server_info.clone().unwrap_or(Value::Null);
            let name = info
                .get("name")
                .and_then(Value::as_str)
                .context("the server gave no serverInfo.name")?;
            let now = OffsetDateTime::now_utc().replace_nanosecond(0)?;
            let m = Manifest {
                format: FORMAT.into(),
                server: ServerId {
                    name: name.to_owned(),
                    version: info
                        .get("version")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                },
                issued_at: now.format(&Rfc3339)?,
                expires_at: (now + time::Duration::days(valid_days.into())).format(&Rfc3339)?,
                key_id: String::new(),
                capabilities: Capabilities {
                    sampling: allow.contains(&Allow::Sampling),
                    elicitation: allow.contains(&Allow::Elicitation),
                    roots: allow.contains(&Allow::Roots),
                    resources_subscribe: inv
                        .capabilities
                        .pointer("/resources/subscribe")
                        .and_then(Value::as_bool)
                        == Some(true),
                    list_changed: lists_changed(&inv.capabilities),
                },
                tools: hashes(ItemKind::Tool, &inv.tools),
                prompts: hashes(ItemKind::Prompt, &inv.prompts),
                resource_templates: hashes(ItemKind::ResourceTemplate, &inv.resource_templates),
                instructions: inv.instructions.as_ref().map(|t| {
                    pinned(
                        ItemKind::Instructions,
                        &serde_json::json!({ "instructions": t }),
                    )
                    .hash
                }),
            };
            let doc = SignedManifest {
                manifest: m,
                signature: None,
            };
            write_out(out.as_deref(), &serde_json::to_string_pretty(&doc)?)?;
            Ok(Exit::Ok)
        }
        ManifestAction::Sign {
            key,
            manifest: path,
            out,
        } => {
            let text = std::fs::read_to_string(&key)
                .with_context(|| format!("cannot read the key {}", key.display()))?;
            let signing = manifest::signing_key_from_b64(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", key.display()))?;
            let doc = load(&path)?;
            let signed = manifest::sign(doc.manifest, &signing).map_err(anyhow::Error::msg)?;
            write_out(out.as_deref(), &serde_json::to_string_pretty(&signed)?)?;
            Ok(Exit::Ok)
        }
        ManifestAction::Verify { manifest: path } => {
            let doc = load(&path)?;
            let store = args.data.open()?;
            match state_for(doc, store.as_ref())? {
                ManifestState::Valid(m) => {
                    println!(
                        "valid: server {} {}, signed by key {}, {} tools, {} prompts, {} resource templates, expires {}",
                        m.server.name,
                        m.server.version.as_deref().unwrap_or(""),
                        m.key_id,
                        m.tools.len(),
                        m.prompts.len(),
                        m.resource_templates.len(),
                        m.expires_at
                    );
                    Ok(Exit::Ok)
                }
                ManifestState::Invalid(why) => {
                    eprintln!("mcpguard: {}: {why}", path.display());
                    Ok(Exit::Findings)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_list_changes_come_from_the_server_capabilities() {
        let caps = serde_json::json!({"tools": {"listChanged": true}, "prompts": {}, "resources": {"listChanged": false, "subscribe": true}});
        assert_eq!(lists_changed(&caps), ["tools"]);
    }

    #[test]
    fn a_bad_manifest_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.json");
        std::fs::write(&p, "{\"manifest\":{\"format\":1}}").unwrap();
        let err = format!("{:#}", load(&p).unwrap_err());
        assert!(err.contains("not a manifest"), "{err}");
    }
}
