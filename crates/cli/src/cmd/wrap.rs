//! `mcpguard wrap`: run one MCP server behind the gateway over stdio.
//!
//! Two stages: [`WrapArgs`] (what clap parsed) → [`WrapConfig`] (validated, pure, tested) → [`run`].

use std::ffi::OsString;
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use mcpguard_core::judge::{DetectInspector, DetectJudge};
use mcpguard_core::{Gate, GateConfig};
use mcpguard_gateway::stdio::{
    self, ApprovalSetup, AuditSetup, End, PinSetup, StdioConfig, StoreReleased,
};
use mcpguard_gateway::GatewayError;
use mcpguard_proto::Limits;

use crate::config::{self, PinModeName};
use crate::datadir::DataDirArgs;
use crate::exit::Exit;
use mcpguard_core::PinMode;

/// Arguments of `mcpguard wrap`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example (in an MCP client's server entry):\n  \
    \"command\": \"mcpguard\", \"args\": [\"wrap\", \"--name\", \"files\", \"--\", \"npx\", \"-y\", \"@modelcontextprotocol/server-filesystem\", \"/home/me/project\"]")]
pub struct WrapArgs {
    /// A stable name for this server, used in logs (default: derived from the command).
    #[arg(long)]
    pub name: Option<String>,
    /// A TOML configuration file (see docs/configuration.md).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Largest message accepted in either direction, in bytes [default: 16 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_message_bytes: Option<usize>,
    /// Deepest JSON nesting accepted in either direction [default: 64].
    #[arg(long, value_name = "LEVELS")]
    pub max_depth: Option<usize>,
    /// How new tools, prompts and templates are treated [default: tofu].
    #[arg(long, value_enum)]
    pub pin_mode: Option<PinModeName>,
    /// A least-privilege policy (mcpguard.toml with [servers.NAME] tables, see docs/policy.md);
    /// NAME is this server's `--name`. The policy then decides which calls need approval.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// A signed capability manifest the server must match (see `mcpguard manifest`).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Seconds a call held for approval waits before it is denied [default: 120].
    #[arg(long, value_name = "SECS")]
    pub approval_timeout: Option<u64>,
    /// Do not record decisions in the audit log. For debugging only.
    #[arg(long)]
    pub danger_no_audit: bool,
    /// Turn pinning off: rug pulls are no longer blocked. For debugging only.
    #[arg(long)]
    pub danger_no_pins: bool,
    /// Do not inspect results and arguments: secrets, hidden characters and injected instructions
    /// pass through, and tool flows are not tracked. For debugging only.
    #[arg(long)]
    pub danger_no_inspect: bool,
    #[command(flatten)]
    pub data: DataDirArgs,
    /// The server command and its arguments, after `--`.
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<OsString>,
}

/// Everything `wrap` needs, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct WrapConfig {
    pub name: String,
    pub command: Vec<OsString>,
    pub limits: Limits,
    pub shutdown_grace: Duration,
    pub kill_grace: Duration,
    /// `None`: pinning is off (`--danger-no-pins`).
    pub pin_mode: Option<PinMode>,
    /// Hold calls of destructive tools for approval.
    pub approve_destructive: bool,
    /// How long a held call waits.
    pub approval_timeout: Duration,
    /// Commit durability of audit records.
    pub audit_sync: mcpguard_store::Sync,
    /// Record calls' arguments (credentials redacted) in the audit log.
    pub audit_arguments: bool,
    /// The launch spec recorded with the server's pins: the command words as JSON.
    pub launch: String,
}

/// Arguments (and the optional file's contents) → configuration. Flags override the file.
pub fn resolve(args: &WrapArgs, file: config::FileConfig) -> anyhow::Result<WrapConfig> {
    let mut limits = file.limits.unwrap_or_default();
    if let Some(b) = args.max_message_bytes {
        limits.max_message_bytes = b;
    }
    if let Some(d) = args.max_depth {
        limits.max_depth = d;
    }
    if limits.max_message_bytes < 1024 {
        anyhow::bail!(
            "max_message_bytes must be at least 1024 (got {})",
            limits.max_message_bytes
        );
    }
    if args.manifest.is_some() && args.danger_no_pins {
        anyhow::bail!("--manifest needs pinning: drop --danger-no-pins");
    }
    if !(2..=128).contains(&limits.max_depth) {
        anyhow::bail!(
            "max_depth must be between 2 and 128 (got {})",
            limits.max_depth
        );
    }
    let wrap = file.wrap.unwrap_or_default();
    let name = match &args.name {
        Some(n) if n.trim().is_empty() => anyhow::bail!("--name must not be empty"),
        Some(n) => n.clone(),
        None => derive_name(&args.command),
    };
    let mode = args
        .pin_mode
        .or(file.pins.and_then(|p| p.mode))
        .unwrap_or(PinModeName::Tofu);
    let pin_mode = (!args.danger_no_pins).then_some(match mode {
        PinModeName::Tofu => PinMode::Tofu,
        PinModeName::Strict => PinMode::Strict,
    });
    let approvals = file.approvals.unwrap_or_default();
    let words: Vec<String> = args
        .command
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    Ok(WrapConfig {
        name,
        command: args.command.clone(),
        limits,
        shutdown_grace: Duration::from_millis(wrap.shutdown_grace_ms.unwrap_or(2000)),
        kill_grace: Duration::from_millis(wrap.kill_grace_ms.unwrap_or(2000)),
        pin_mode,
        approve_destructive: approvals.destructive.unwrap_or(true),
        audit_arguments: file
            .audit
            .as_ref()
            .and_then(|a| a.arguments)
            .unwrap_or(false),
        audit_sync: match file.audit.and_then(|a| a.sync) {
            Some(config::AuditSync::Full) => mcpguard_store::Sync::Full,
            _ => mcpguard_store::Sync::Normal,
        },
        approval_timeout: Duration::from_secs(
            args.approval_timeout
                .or(approvals.timeout_secs)
                .unwrap_or(120),
        ),
        launch: serde_json::to_string(&words)?,
    })
}

/// Launchers whose first non-flag argument names the real server.
const LAUNCHERS: [&str; 12] = [
    "npx", "uvx", "uv", "node", "python", "python3", "pipx", "bunx", "bun", "deno", "pnpm", "run",
];

/// A readable server name from its command: `npx -y @scope/server-x@1.2 /dir` → `server-x`.
pub fn derive_name(command: &[OsString]) -> String {
    let words: Vec<String> = command
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let base = |w: &str| w.rsplit('/').next().unwrap_or(w).to_owned();
    let mut chosen = words
        .first()
        .map(|w| base(w))
        .unwrap_or_else(|| "server".into());
    if LAUNCHERS.contains(&chosen.as_str()) || chosen.starts_with("python") {
        if let Some(w) = words
            .iter()
            .skip(1)
            .find(|w| !w.starts_with('-') && !LAUNCHERS.contains(&w.as_str()))
        {
            chosen = base(w);
        }
    }
    let without_version = match chosen.rfind('@') {
        Some(at) if at > 0 => chosen[..at].to_owned(),
        _ => chosen,
    };
    without_version
        .trim_end_matches(".py")
        .trim_end_matches(".js")
        .to_owned()
}

pub fn run(args: WrapArgs) -> anyhow::Result<Exit> {
    crate::heap::keep_large_buffers_mapped();
    let file = match &args.config {
        Some(path) => config::load(path)?,
        None => config::FileConfig::default(),
    };
    let cfg = resolve(&args, file)?;
    // one store (one SQLite connection) for pins, approvals, quarantine and the audit log
    let store = args.data.open_with(cfg.audit_sync)?;
    let judge = DetectJudge::lazy();
    let policy = match &args.policy {
        Some(path) => Some(Arc::new(
            mcpguard_policy::Engine::load(Some(path), &[], Arc::new(mcpguard_policy::FsResolver))
                .map_err(|e| anyhow::anyhow!("{e}"))?,
        )),
        None => None,
    };
    let gate = Arc::new(Gate::new(GateConfig {
        limits: cfg.limits,
        pin_mode: cfg.pin_mode.unwrap_or_default(),
        judge: Some(Arc::new(judge)),
        approve_destructive: cfg.approve_destructive,
        audit: !args.danger_no_audit,
        audit_arguments: cfg.audit_arguments,
        policy,
        inspector: (!args.danger_no_inspect).then(|| {
            Arc::new(DetectInspector::lazy()) as Arc<dyn mcpguard_core::results::Inspector>
        }),
        released: Some(Arc::new(StoreReleased(Arc::clone(&store)))),
        ..GateConfig::default()
    }));
    let session = format!(
        "{}-{}",
        std::process::id(),
        time::OffsetDateTime::now_utc().unix_timestamp()
    );
    if args.danger_no_inspect {
        eprintln!(
            "mcpguard[{}]: warning: --danger-no-inspect: results and arguments pass uninspected",
            cfg.name
        );
    }
    if args.danger_no_audit {
        eprintln!(
            "mcpguard[{}]: warning: --danger-no-audit: decisions are not recorded",
            cfg.name
        );
    }
    let pins = match cfg.pin_mode {
        Some(_) => {
            let store = Arc::clone(&store);
            let manifest = match &args.manifest {
                Some(path) => {
                    let state = crate::cmd::manifest::state_for(
                        crate::cmd::manifest::load(path)?,
                        store.as_ref(),
                    )?;
                    if let Some(why) = state.blocked() {
                        eprintln!(
                            "mcpguard[{}]: error: the server is blocked: {why}",
                            cfg.name
                        );
                    }
                    Some(state)
                }
                None => None,
            };
            Some(PinSetup {
                store,
                launch: cfg.launch.clone(),
                manifest,
            })
        }
        None => {
            eprintln!(
                "mcpguard[{}]: warning: --danger-no-pins: rug pulls are not blocked",
                cfg.name
            );
            None
        }
    };
    let stdio_cfg = StdioConfig {
        command: cfg.command.clone(),
        name: cfg.name.clone(),
        shutdown_grace: cfg.shutdown_grace,
        kill_grace: cfg.kill_grace,
        pins,
        approvals: Some(ApprovalSetup {
            store: Arc::clone(&store),
            timeout: cfg.approval_timeout,
            session: session.clone(),
        }),
        audit: match args.danger_no_audit {
            true => None,
            false => Some(AuditSetup {
                store: Arc::clone(&store),
                session,
            }),
        },
    };
    // Our own handles on fds 0 and 1: std's Stdin/Stdout would add a second buffer (and a line
    // writer) under the gateway's own.
    let stdin = std::fs::File::from(std::io::stdin().as_fd().try_clone_to_owned()?);
    let stdout = std::fs::File::from(std::io::stdout().as_fd().try_clone_to_owned()?);
    let end = stdio::run(&stdio_cfg, gate, Box::new(stdin), Box::new(stdout));
    match end {
        Ok(End::ClientClosed { .. }) => Ok(Exit::Ok),
        Ok(End::ServerExited { .. }) => Ok(Exit::ServerExited),
        Ok(End::Signalled { .. }) => Ok(Exit::ServerExited),
        Err(e @ GatewayError::Spawn { .. }) => {
            eprintln!("mcpguard[{}]: {e}", cfg.name);
            Ok(Exit::ServerStartFailed)
        }
        Err(e) => Err(e).context("wrap failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(cmd: &[&str]) -> WrapArgs {
        WrapArgs {
            name: None,
            config: None,
            max_message_bytes: None,
            max_depth: None,
            pin_mode: None,
            approval_timeout: None,
            policy: None,
            danger_no_audit: false,
            manifest: None,
            danger_no_pins: false,
            danger_no_inspect: false,
            data: DataDirArgs { data_dir: None },
            command: cmd.iter().map(OsString::from).collect(),
        }
    }

    #[test]
    fn names_are_derived_from_the_real_server() {
        let n = |c: &[&str]| derive_name(&args(c).command);
        assert_eq!(
            n(&[
                "npx",
                "-y",
                "@modelcontextprotocol/server-filesystem@1.2.0",
                "/d"
            ]),
            "server-filesystem"
        );
        assert_eq!(n(&["uvx", "mcp-server-time"]), "mcp-server-time");
        assert_eq!(
            n(&["/usr/bin/python3", "-u", "srv/my_server.py"]),
            "my_server"
        );
        assert_eq!(
            n(&["/opt/bin/mcp-server-git", "--repository", "."]),
            "mcp-server-git"
        );
    }

    #[test]
    fn flags_override_the_file_and_bad_values_are_refused() {
        let file = config::parse(
            "[limits]\nmax_depth = 10\nmax_message_bytes = 4096\n[wrap]\nshutdown_grace_ms = 5\n",
            "f",
        )
        .unwrap();
        let mut a = args(&["srv"]);
        a.max_depth = Some(20);
        let c = resolve(&a, file).unwrap();
        assert_eq!((c.limits.max_depth, c.limits.max_message_bytes), (20, 4096));
        assert_eq!(c.shutdown_grace, Duration::from_millis(5));
        a.max_depth = Some(500);
        assert!(resolve(&a, config::FileConfig::default()).is_err());
        a.max_depth = None;
        a.max_message_bytes = Some(10);
        assert!(resolve(&a, config::FileConfig::default()).is_err());
    }
}
