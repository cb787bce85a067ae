//! `mcpguard scan`: find the MCP servers configured on this machine, list what each offers, and
//! judge it before a model does.
//!
//! Stages: arguments → validated [`ScanConfig`] (pure, tested) → discovery of client config files
//! (`crate::clients`) → a launch plan per entry (`launch`) → listing, concurrently and with a
//! deadline per server (`runner`) → per-item judgement (`judge`), config hygiene (`hygiene`) and
//! cross-server checks (`cross`) → one [`model::ScanReport`] → table, JSON or SARIF (`output`).
//! A server that fails is part of the report, never the end of the scan.

mod cross;
mod hygiene;
mod judge;
mod launch;
pub mod model;
mod output;
mod report;
mod runner;
mod secrets;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use mcpguard_gateway::client::ListOptions;

use crate::clients::{self, Discovery, FileStatus, HostEnv};
use crate::exit::Exit;
use model::Verdict;

pub use crate::cmd::report_opts::{FailOn, Format};

/// Arguments of `mcpguard scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Scan only this client configuration file (any client's shape: `mcpServers`, `servers`,
    /// `mcp.servers`, `projects.*.mcpServers`); repeatable. Without it, the configuration files
    /// of Claude Desktop, Claude Code, Cursor, VS Code, Windsurf and Gemini CLI are discovered.
    #[arg(long = "config", value_name = "FILE")]
    pub configs: Vec<PathBuf>,
    /// The project whose workspace files are read (`.mcp.json`, `.vscode/mcp.json`,
    /// `.cursor/mcp.json`, `.gemini/settings.json`) [default: the current directory].
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Exit with 1 when anything reaches this verdict.
    #[arg(long, value_enum, default_value_t = FailOn::Block)]
    pub fail_on: FailOn,
    /// Seconds allowed per server to start, handshake and list (npx/uvx cold starts are slow).
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Servers contacted at the same time.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub jobs: usize,
    /// No progress on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What to do, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanConfig {
    /// `None`: discover; `Some`: exactly these files.
    pub configs: Option<Vec<PathBuf>>,
    pub project: PathBuf,
    pub format: Format,
    pub fail_on: Verdict,
    pub timeout: Duration,
    pub jobs: usize,
    pub quiet: bool,
}

impl ScanConfig {
    /// Validates the arguments; `cwd` is the default project.
    pub fn from_args(args: ScanArgs, cwd: &Path) -> anyhow::Result<ScanConfig> {
        if !(1..=3600).contains(&args.timeout) {
            bail!(
                "--timeout must be between 1 and 3600 seconds, not {}",
                args.timeout
            );
        }
        if !(1..=64).contains(&args.jobs) {
            bail!("--jobs must be between 1 and 64, not {}", args.jobs);
        }
        Ok(ScanConfig {
            configs: (!args.configs.is_empty()).then_some(args.configs),
            project: args.project.unwrap_or_else(|| cwd.to_path_buf()),
            format: args.format,
            fail_on: match args.fail_on {
                FailOn::Block => Verdict::Block,
                FailOn::Warn => Verdict::Warn,
            },
            timeout: Duration::from_secs(args.timeout),
            jobs: args.jobs,
            quiet: args.quiet,
        })
    }
}

pub fn run(args: ScanArgs) -> anyhow::Result<Exit> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let config = ScanConfig::from_args(args, &cwd)?;
    let host = HostEnv::from_process(Some(config.project.clone()))
        .context("cannot find the home directory (HOME is not set)")?;
    let files = match &config.configs {
        Some(paths) => paths.iter().map(|p| clients::custom(p)).collect(),
        None => clients::candidates(&host),
    };
    let discovery = Discovery::read(files);
    if config.configs.is_some() {
        for f in &discovery.files {
            match &f.status {
                FileStatus::Missing => bail!("{}: no such file", f.file.path.display()),
                FileStatus::Error(e) => bail!("{}: {e}", f.file.path.display()),
                FileStatus::Loaded { .. } => {}
            }
        }
    }
    let opts = ListOptions {
        timeout: config.timeout,
        ..ListOptions::default()
    };
    let report = report::build(&discovery, &host.home, &opts, &config)?;
    output::print(&report, config.format, &cwd, &host.home)?;
    Ok(if report.summary.verdict >= config.fail_on {
        Exit::Findings
    } else {
        Exit::Ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrap {
        #[command(flatten)]
        args: ScanArgs,
    }

    fn config(argv: &[&str]) -> anyhow::Result<ScanConfig> {
        let w = Wrap::try_parse_from(std::iter::once("scan").chain(argv.iter().copied()))?;
        ScanConfig::from_args(w.args, Path::new("/cwd"))
    }

    #[test]
    fn defaults_discover_in_the_current_directory() {
        let c = config(&[]).unwrap();
        assert_eq!(c.configs, None);
        assert_eq!(c.project, Path::new("/cwd"));
        assert_eq!(c.fail_on, Verdict::Block);
        assert_eq!(c.timeout, Duration::from_secs(30));
        assert_eq!(c.format, Format::Table);
    }

    #[test]
    fn explicit_files_and_options() {
        let c = config(&[
            "--config",
            "a.json",
            "--config",
            "b.json",
            "--fail-on",
            "warn",
            "--format",
            "sarif",
            "--timeout",
            "5",
            "--jobs",
            "2",
            "-q",
        ])
        .unwrap();
        assert_eq!(
            c.configs,
            Some(vec![PathBuf::from("a.json"), PathBuf::from("b.json")])
        );
        assert_eq!(c.fail_on, Verdict::Warn);
        assert_eq!(c.format, Format::Sarif);
        assert_eq!((c.timeout.as_secs(), c.jobs, c.quiet), (5, 2, true));
    }

    #[test]
    fn out_of_range_values_are_refused_with_the_flag_named() {
        assert!(config(&["--timeout", "0"])
            .unwrap_err()
            .to_string()
            .contains("--timeout"));
        assert!(config(&["--jobs", "0"])
            .unwrap_err()
            .to_string()
            .contains("--jobs"));
        assert!(config(&["--fail-on", "pass"]).is_err());
    }
}
