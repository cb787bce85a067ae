//! `mcpguard keys`: manifest-signing keys — generate a pair, trust a public key, list, revoke.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{SigningKey, VerifyingKey};
use mcpguard_core::manifest::{key_id, public_key_b64};
use mcpguard_store::TrustedKey;

use crate::datadir::DataDirArgs;
use crate::exit::Exit;

#[derive(Debug, clap::Args)]
pub struct KeysArgs {
    #[command(subcommand)]
    pub action: KeysAction,
    #[command(flatten)]
    pub data: DataDirArgs,
    /// Machine-readable output.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum KeysAction {
    /// Create a signing key pair: FILE (private, mode 0600) and FILE.pub.
    Generate {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
    /// Trust a public key (a .pub file or its base64) to sign manifests.
    Trust {
        key: String,
        /// A name to recognise it by.
        #[arg(long, default_value = "")]
        label: String,
    },
    /// List trusted and revoked keys.
    List,
    /// Revoke a key: manifests it signed stop being accepted.
    Revoke { id: String },
}

fn write_new(path: &Path, text: &str, mode: u32, force: bool) -> anyhow::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).mode(mode);
    if force {
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    let mut f = opts.open(path).with_context(|| {
        format!(
            "cannot create {} (use --force to overwrite)",
            path.display()
        )
    })?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    Ok(())
}

/// Reads a public key from a file or takes it literally; returns (id, base64).
pub fn read_public(key: &str) -> anyhow::Result<(String, String)> {
    let text = match std::fs::read_to_string(key) {
        Ok(t) => t,
        Err(_) if !Path::new(key).exists() => key.to_owned(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {key}")),
    };
    let bytes: [u8; 32] = B64
        .decode(text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .context("not an Ed25519 public key: expected the base64 of 32 bytes (a .pub file from `mcpguard keys generate`)")?;
    let public = VerifyingKey::from_bytes(&bytes).context("not a valid Ed25519 public key")?;
    Ok((key_id(&public), public_key_b64(&public)))
}

pub fn run(args: KeysArgs) -> anyhow::Result<Exit> {
    match &args.action {
        KeysAction::Generate { out, force } => {
            let mut seed = [0u8; 32];
            getrandom::getrandom(&mut seed)
                .map_err(|e| anyhow::anyhow!("no randomness available: {e}"))?;
            let key = SigningKey::from_bytes(&seed);
            let public = key.verifying_key();
            write_new(out, &format!("{}\n", B64.encode(seed)), 0o600, *force)?;
            let pub_path = PathBuf::from(format!("{}.pub", out.display()));
            write_new(
                &pub_path,
                &format!("{}\n", public_key_b64(&public)),
                0o644,
                *force,
            )?;
            println!(
                "key id {}\nprivate key {} (keep it secret)\npublic key {}",
                key_id(&public),
                out.display(),
                pub_path.display()
            );
            println!("trust it with: mcpguard keys trust {}", pub_path.display());
            Ok(Exit::Ok)
        }
        KeysAction::Trust { key, label } => {
            let (id, public_key) = read_public(key)?;
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            args.data.open()?.trust_key(&TrustedKey {
                id: id.clone(),
                public_key,
                label: label.clone(),
                trusted_at: now,
                revoked_at: None,
            })?;
            println!("trusted key {id}");
            Ok(Exit::Ok)
        }
        KeysAction::List => {
            let keys = args.data.open()?.keys()?;
            if args.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({ "keys": keys }))?
                );
            } else if keys.is_empty() {
                println!("no keys trusted yet");
            } else {
                for k in keys {
                    let state = if k.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "trusted"
                    };
                    println!("{}  {state}  {}  {}", k.id, k.public_key, k.label);
                }
            }
            Ok(Exit::Ok)
        }
        KeysAction::Revoke { id } => {
            if !args.data.open()?.revoke_key(id)? {
                bail!("no trusted key with id {id} (see `mcpguard keys list`)");
            }
            println!("revoked key {id}");
            Ok(Exit::Ok)
        }
    }
}
