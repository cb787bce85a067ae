//! `mcpguard policy`: validate policy files and explain decisions, without running a server.
//!
//! `check` loads `mcpguard.toml` and Cedar files exactly as the gateway will, so an error shows up
//! here (as FILE:LINE:COLUMN) before it can stop a session. `explain` runs one request through the
//! engine and prints the verdict with every contributing rule — the same answer the gate gives.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context};
use mcpguard_policy::{
    read_policy, Annotations, Decision, Engine, FsResolver, LexicalResolver, PathResolver, Request,
};
use serde_json::{json, Value};

use crate::exit::Exit;

/// Arguments of `mcpguard policy`.
#[derive(Debug, clap::Args)]
pub struct PolicyArgs {
    #[command(subcommand)]
    pub action: PolicyAction,
}

/// `mcpguard policy` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum PolicyAction {
    /// Validate mcpguard.toml and Cedar policies; errors name FILE:LINE:COLUMN (exit 2).
    Check(CheckArgs),
    /// Show the decision for one tool call and every rule that contributed.
    Explain(ExplainArgs),
    /// Print the JSON Schema of mcpguard.toml.
    Schema,
}

/// Arguments of `mcpguard policy check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The policy file (default: ./mcpguard.toml when it exists).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Cedar policy files, in addition to those the config lists.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub cedar: Vec<PathBuf>,
}

/// Arguments of `mcpguard policy explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The policy file.
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// Cedar policy files, in addition to those the config lists.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub cedar: Vec<PathBuf>,
    /// The server's name (a `[servers.NAME]` key).
    #[arg(long)]
    pub server: String,
    /// The tool's name.
    #[arg(long)]
    pub tool: String,
    /// The call's arguments as a JSON object.
    #[arg(long, value_name = "JSON", default_value = "{}")]
    pub args: String,
    /// The tool's annotations as JSON (`{"readOnlyHint":true}`), or a whole tool definition.
    #[arg(long, value_name = "JSON")]
    pub annotations: Option<String>,
    /// The client or agent identity (Cedar's principal).
    #[arg(long, default_value = "")]
    pub principal: String,
    /// Session taint labels (repeatable).
    #[arg(long, value_name = "LABEL")]
    pub taint: Vec<String>,
    /// Treat the call as covered by a remembered approval.
    #[arg(long)]
    pub approved: bool,
    /// Ask about listing (`tools/list`) instead of calling.
    #[arg(long)]
    pub list: bool,
    /// Do not consult the filesystem for symlinks (lexical path checks only).
    #[arg(long)]
    pub lexical: bool,
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

/// `explain`'s request, validated.
#[derive(Debug, PartialEq)]
struct Explain {
    args: Value,
    annotations: Annotations,
}

fn parse_explain(a: &ExplainArgs) -> anyhow::Result<Explain> {
    let args: Value =
        serde_json::from_str(&a.args).context("--args: not valid JSON (expected an object)")?;
    if !args.is_object() {
        bail!("--args: expected a JSON object, got {args}");
    }
    let annotations = match &a.annotations {
        None => Annotations::default(),
        Some(text) => {
            let v: Value = serde_json::from_str(text).context("--annotations: not valid JSON")?;
            if !v.is_object() {
                bail!("--annotations: expected a JSON object, got {v}");
            }
            Annotations::from_tool(&v)
        }
    };
    Ok(Explain { args, annotations })
}

/// Run `mcpguard policy`.
pub fn run(args: PolicyArgs) -> anyhow::Result<Exit> {
    match args.action {
        PolicyAction::Check(a) => check(&a),
        PolicyAction::Explain(a) => explain(&a),
        PolicyAction::Schema => {
            print!("{}", mcpguard_policy::json_schema());
            Ok(Exit::Ok)
        }
    }
}

fn check(a: &CheckArgs) -> anyhow::Result<Exit> {
    let default = Path::new("mcpguard.toml");
    let config = match &a.config {
        Some(p) => Some(p.as_path()),
        None if default.exists() => Some(default),
        None if a.cedar.is_empty() => {
            bail!("nothing to check: give --config FILE or --cedar FILE (no ./mcpguard.toml here)")
        }
        None => None,
    };
    let loaded = read_policy(config, &a.cedar)?;
    let engine = Engine::compile(&loaded.config, &loaded.cedar, Arc::new(LexicalResolver))?;
    if let Some(file) = &loaded.config_file {
        println!(
            "ok: {}: {} server table(s)",
            file.display(),
            loaded.config.servers.len()
        );
    }
    for source in &loaded.cedar {
        println!("ok: {}", source.file);
    }
    println!("Cedar policies in force: {}", engine.cedar_policies());
    Ok(Exit::Ok)
}

fn explain(a: &ExplainArgs) -> anyhow::Result<Exit> {
    let request = parse_explain(a)?;
    let resolver: Arc<dyn PathResolver> = if a.lexical {
        Arc::new(LexicalResolver)
    } else {
        Arc::new(FsResolver)
    };
    let engine = Engine::load(Some(&a.config), &a.cedar, resolver)?;
    let base = if a.list {
        Request::list_tool(&a.server, &a.tool)
    } else {
        Request::call_tool(&a.server, &a.tool, Some(&request.args))
    };
    let req = base
        .with_annotations(request.annotations)
        .with_principal(&a.principal)
        .with_taint(&a.taint)
        .with_approved(a.approved);
    let decision = engine.evaluate(&req);
    if a.json {
        let out = json!({
            "server": a.server,
            "tool": a.tool,
            "action": req.action.name(),
            "decision": decision,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print!("{}", render(&decision));
    }
    Ok(Exit::Ok)
}

/// The decision for people: verdict, reason, then every rule (`*` marks those that decided).
fn render(d: &Decision) -> String {
    let mut out = format!("verdict: {}\nreason:  {}\n", d.verdict, d.reason);
    if d.contributions.is_empty() {
        out.push_str("rules:   none matched\n");
        return out;
    }
    out.push_str("rules:\n");
    let width = d
        .contributions
        .iter()
        .map(|c| c.rule.as_str().len())
        .max()
        .unwrap_or(0);
    for c in &d.contributions {
        let mark = if d.rules.contains(&c.rule) { '*' } else { ' ' };
        out.push_str(&format!(
            "  {mark} {:<7} {:<width$}  {}\n",
            c.verdict.as_str(),
            c.rule.as_str(),
            c.reason
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use clap::Parser;
    use mcpguard_policy::Annotations;
    use serde_json::json;

    use super::{parse_explain, PolicyAction, PolicyArgs};

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: PolicyArgs,
    }

    fn explain_args(extra: &[&str]) -> super::ExplainArgs {
        let mut argv = vec![
            "x", "explain", "--config", "c.toml", "--server", "s", "--tool", "t",
        ];
        argv.extend_from_slice(extra);
        match Cli::parse_from(argv).args.action {
            PolicyAction::Explain(a) => a,
            other => panic!("parsed {other:?}"),
        }
    }

    #[test]
    fn explain_parses_arguments_and_annotations() {
        let a = explain_args(&[
            "--args",
            r#"{"path":"a"}"#,
            "--annotations",
            r#"{"readOnlyHint":true}"#,
        ]);
        let e = parse_explain(&a).unwrap();
        assert_eq!(e.args, json!({"path": "a"}));
        assert_eq!(e.annotations.read_only, Some(true));
        let a = explain_args(&[
            "--annotations",
            r#"{"name":"t","annotations":{"destructiveHint":true}}"#,
        ]);
        assert_eq!(
            parse_explain(&a).unwrap().annotations.destructive,
            Some(true)
        );
        let e = parse_explain(&explain_args(&[])).unwrap();
        assert_eq!((e.args, e.annotations), (json!({}), Annotations::default()));
    }

    #[test]
    fn explain_rejects_bad_json() {
        for (extra, fragment) in [
            (vec!["--args", "{"], "--args: not valid JSON"),
            (vec!["--args", "[1]"], "--args: expected a JSON object"),
            (
                vec!["--annotations", "true"],
                "--annotations: expected a JSON object",
            ),
        ] {
            let err = parse_explain(&explain_args(&extra)).unwrap_err();
            assert!(format!("{err:#}").contains(fragment), "{err:#}");
        }
    }
}
