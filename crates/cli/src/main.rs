//! The `mcpguard` binary: raw arguments → validated configuration (pure, tested) → run.
//!
//! Each subcommand lives in its own module under `cmd/`; this file only parses the command line,
//! dispatches, and maps failures to the documented exit codes (see `exit.rs`).

mod clients;
mod cmd;
mod config;
mod datadir;
mod exit;
mod heap;

use clap::{Parser, Subcommand};

/// A security gateway for the Model Context Protocol.
///
/// mcpguard stands between an MCP client and its servers and decides in code what passes:
/// it relays MCP transparently, tracks every session and request, and judges tool metadata
/// for poisoning, hidden content and shadowing.
#[derive(Debug, Parser)]
#[command(name = "mcpguard", version, about, long_about = None, after_help = exit::EXIT_CODES_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run an MCP server behind the gateway: a drop-in stdio proxy for one server.
    ///
    /// Put `mcpguard wrap --` in front of the server command in your client's configuration.
    /// mcpguard starts the server as a child process and relays every message in both
    /// directions through the gate.
    Wrap(cmd::wrap::WrapArgs),
    /// Find the MCP servers configured on this machine, list what each offers, and judge it.
    ///
    /// Reads the configuration files of Claude Desktop, Claude Code, Cursor, VS Code, Windsurf
    /// and Gemini CLI (or only the `--config` files), starts or contacts every server with a
    /// timeout, and reports poisoned metadata, cross-server shadowing and config hygiene.
    Scan(cmd::scan::ScanArgs),
    /// Judge a file of tool definitions for poisoning and hidden content (no server needed).
    ScanTools(cmd::scan_tools::ScanToolsArgs),
    /// Review what `wrap` pinned: list, show, diff, approve, reject, forget.
    ///
    /// `wrap` trusts each tool, prompt, resource template and the server instructions on first
    /// use and withholds anything that changes later (a rug pull) until you approve it here.
    Pins(cmd::pins::PinsArgs),
    /// Signed capability manifests: create one from a live server, sign it, verify it.
    ///
    /// `wrap --manifest FILE` then holds the server to it: tools, prompts and templates must match
    /// their signed hashes, and sampling, elicitation and roots requests need a declared capability.
    Manifest(cmd::manifest::ManifestArgs),
    /// Approve a call that `wrap` holds for a human decision (e.g. a destructive tool).
    Approve(cmd::approvals::ApproveArgs),
    /// Deny a call that `wrap` holds.
    Deny(cmd::approvals::DenyArgs),
    /// List calls waiting for approval (`--all`: decided ones too).
    Approvals(cmd::approvals::ListArgs),
    /// Results the gate withheld from the client: list, show, release.
    ///
    /// A tool result, resource or prompt whose scan found an injection is kept here instead of
    /// reaching the model; the client gets a notice naming its id. `release` lets the same content
    /// from the same server through from then on. Reference: docs/quarantine.md.
    Quarantine(cmd::quarantine::QuarantineArgs),
    /// Manifest-signing keys: generate, trust, list, revoke.
    Keys(cmd::keys::KeysArgs),
    /// Put the gateway in front of every MCP server configured on this machine.
    ///
    /// Finds the client configuration files (like `scan`) and rewrites each stdio server entry so
    /// the client launches `mcpguard wrap --name <client>/<server> -- <original command>`, keeping
    /// env, cwd and every other key. Shows a diff per file first and asks (or needs --yes); keeps a
    /// backup of each file and a record of each change for `uninstall`. Remote (URL) servers are
    /// listed as not wrapped yet.
    Install(cmd::install::run::InstallArgs),
    /// Undo `install`: give each wrapped server entry its original command back.
    ///
    /// A file nobody else changed since install is restored from its backup, byte for byte;
    /// otherwise only the entries install wrapped are restored and later edits stay. An entry that
    /// was removed or changed since is reported and left alone.
    Uninstall(cmd::install::run::UninstallArgs),
    /// Show which configured servers of which clients run behind the gateway, and why the others
    /// do not (not installed yet, remote, disabled, invalid).
    Status(cmd::install::status::StatusArgs),
    /// The tamper-evident audit log: tail, show, verify the hash chain, export.
    ///
    /// Every decision of the gateway is appended to one hash chain in the store; `verify` says
    /// whether a record was edited, deleted, inserted or reordered, and where.
    Audit(cmd::audit::AuditArgs),
    /// Least-privilege policy: validate mcpguard.toml and Cedar files, explain a decision.
    ///
    /// `check` reports every load error as FILE:LINE:COLUMN; `explain` shows the verdict for one
    /// tool call and every rule that contributed. Reference: docs/policy.md.
    Policy(cmd::policy::PolicyArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Wrap(args) => cmd::wrap::run(args),
        Command::Scan(args) => cmd::scan::run(args),
        Command::ScanTools(args) => cmd::scan_tools::run(args),
        Command::Pins(args) => cmd::pins::run(args),
        Command::Manifest(args) => cmd::manifest::run(args),
        Command::Keys(args) => cmd::keys::run(args),
        Command::Approve(args) => cmd::approvals::approve(args),
        Command::Deny(args) => cmd::approvals::deny(args),
        Command::Approvals(args) => cmd::approvals::list(args),
        Command::Quarantine(args) => cmd::quarantine::run(args),
        Command::Install(args) => cmd::install::run_install(args),
        Command::Uninstall(args) => cmd::install::run_uninstall(args),
        Command::Status(args) => cmd::install::run_status(args),
        Command::Audit(args) => cmd::audit::run(args),
        Command::Policy(args) => cmd::policy::run(args),
    };
    match result {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("mcpguard: error: {err:#}");
            exit::Exit::Error.into()
        }
    }
}
