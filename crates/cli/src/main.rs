//! The `mcpguard` binary: raw arguments → validated configuration (pure, tested) → run.
//!
//! Each subcommand lives in its own module under `cmd/`; this file only parses the command line,
//! dispatches, and maps failures to the documented exit codes (see `exit.rs`).

mod clients;
mod cmd;
mod config;
mod datadir;
mod exit;

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
    /// Manifest-signing keys: generate, trust, list, revoke.
    Keys(cmd::keys::KeysArgs),
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
