//! `mcpguard scan-tools`: judge a file of tool definitions, each on its own.
//!
//! Input is a tools/list result (`{"tools": [...]}`, also inside a JSON-RPC `result`), a JSON
//! array of tools, or JSON Lines with one tool object per line; a `{"server": ..., "tool": {...}}`
//! record stands for its tool. Output is a table, the stable JSON
//! format documented in docs/detection.md, or SARIF 2.1.0 for code-scanning. Cross-server checks
//! belong to `mcpguard scan`, which knows where each tool came from.

use std::io::Read;

use anyhow::{bail, Context};
use mcpguard_detect::{Config, Engine, Report, Verdict, RULES};
use serde_json::{json, Value};

use crate::exit::Exit;

pub use crate::cmd::report_opts::{FailOn, Format};

/// Arguments of `mcpguard scan-tools`.
#[derive(Debug, clap::Args)]
pub struct ScanToolsArgs {
    /// A tools/list result, a JSON array of tools, or JSON Lines; `-` reads standard input.
    pub file: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Exit with 1 when a tool reaches this verdict.
    #[arg(long, value_enum, default_value_t = FailOn::Block)]
    pub fail_on: FailOn,
    /// Score (0-100) at or above which a tool is blocked [default: 60].
    #[arg(long, value_name = "SCORE")]
    pub block_threshold: Option<u32>,
    /// Score (0-100) at or above which a tool is warned [default: 25].
    #[arg(long, value_name = "SCORE")]
    pub warn_threshold: Option<u32>,
    /// Judge with the rule catalog alone, without the learned model's second opinion
    /// (`learned.poisoning`): to see which verdicts the model moves.
    #[arg(long)]
    pub rules_only: bool,
}

/// One tool read from the input, with the line it starts on when known.
struct Item {
    tool: Value,
    line: Option<usize>,
}

/// Validated settings (stage two of the CLI: raw args → config).
struct Settings {
    source: String,
    format: Format,
    fail_on: Verdict,
    config: Config,
}

fn settings(args: &ScanToolsArgs) -> anyhow::Result<Settings> {
    let mut config = Config {
        learned: !args.rules_only,
        ..Config::default()
    };
    if let Some(b) = args.block_threshold {
        config.block_threshold = b;
    }
    if let Some(w) = args.warn_threshold {
        config.warn_threshold = w;
    }
    config
        .validate()
        .context("--block-threshold/--warn-threshold")?;
    let fail_on = match args.fail_on {
        FailOn::Block => Verdict::Block,
        FailOn::Warn => Verdict::Warn,
    };
    Ok(Settings {
        source: args.file.clone(),
        format: args.format,
        fail_on,
        config,
    })
}

pub fn run(args: ScanToolsArgs) -> anyhow::Result<Exit> {
    let s = settings(&args)?;
    let text = read_input(&s.source)?;
    let items = parse(&s.source, &text)?;
    let engine = Engine::new(s.config.clone()).context("building the detection engine")?;
    let reports: Vec<Report> = items.iter().map(|i| engine.scan_tool(&i.tool)).collect();
    let out = match s.format {
        Format::Table => table(&items, &reports, s.fail_on),
        Format::Json => {
            serde_json::to_string_pretty(&json_report(&items, &reports, s.fail_on))? + "\n"
        }
        Format::Sarif => serde_json::to_string_pretty(&sarif(&s.source, &items, &reports))? + "\n",
    };
    print!("{out}");
    let failed = reports.iter().any(|r| r.verdict >= s.fail_on);
    Ok(if failed { Exit::Findings } else { Exit::Ok })
}

fn read_input(source: &str) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if source == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(source).with_context(|| format!("reading {source}"))?;
    }
    String::from_utf8(bytes).with_context(|| format!("{source}: not UTF-8 text"))
}

fn display(source: &str) -> &str {
    if source == "-" {
        "<stdin>"
    } else {
        source
    }
}

/// Accepts the three input forms; errors name the file and line.
fn parse(source: &str, text: &str) -> anyhow::Result<Vec<Item>> {
    let name = display(source);
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        bail!("{name}: empty input (expected a tools/list result, a JSON array of tools, or JSON Lines)");
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(v) => from_document(name, v),
        Err(whole) => {
            let first = trimmed.lines().next().unwrap_or("");
            if serde_json::from_str::<Value>(first).is_ok_and(|v| v.is_object()) {
                from_lines(name, text)
            } else {
                bail!(
                    "{name}: invalid JSON at line {}, column {}: {whole}",
                    whole.line(),
                    whole.column()
                )
            }
        }
    }
}

fn from_document(name: &str, v: Value) -> anyhow::Result<Vec<Item>> {
    let tools = match v {
        Value::Array(a) => a,
        Value::Object(mut o) => {
            let inner = o
                .remove("result")
                .and_then(|mut r| r.get_mut("tools").map(Value::take));
            match o.remove("tools").or(inner) {
                Some(Value::Array(a)) => a,
                Some(_) => bail!("{name}: `tools` is not an array"),
                None if o.contains_key("name") || o.get("tool").is_some_and(Value::is_object) => {
                    vec![Value::Object(o)]
                }
                None => bail!(
                    "{name}: expected `{{\"tools\": [...]}}`, an array of tools, or JSON Lines"
                ),
            }
        }
        _ => bail!("{name}: expected `{{\"tools\": [...]}}`, an array of tools, or JSON Lines"),
    };
    tools
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            if t.is_object() {
                Ok(Item {
                    tool: unwrap_tool(t),
                    line: None,
                })
            } else {
                bail!("{name}: tool #{} is not a JSON object", i + 1)
            }
        })
        .collect()
}

fn from_lines(name: &str, text: &str) -> anyhow::Result<Vec<Item>> {
    let mut items = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(l)
            .with_context(|| format!("{name}: line {}: invalid JSON", i + 1))?;
        if !v.is_object() {
            bail!("{name}: line {}: expected one tool object per line", i + 1);
        }
        items.push(Item {
            tool: unwrap_tool(v),
            line: Some(i + 1),
        });
    }
    Ok(items)
}

/// Accepts `{"server": ..., "tool": {...}}` records (inventory dumps) as their tool.
fn unwrap_tool(v: Value) -> Value {
    match v {
        Value::Object(mut o)
            if !o.contains_key("name") && o.get("tool").is_some_and(Value::is_object) =>
        {
            o.remove("tool").unwrap_or(Value::Null)
        }
        other => other,
    }
}

fn tool_name(item: &Item) -> Option<&str> {
    item.tool.get("name").and_then(Value::as_str)
}

fn counts(reports: &[Report]) -> (usize, usize, usize) {
    let n = |v| reports.iter().filter(|r| r.verdict == v).count();
    (n(Verdict::Block), n(Verdict::Warn), n(Verdict::Pass))
}

fn json_report(items: &[Item], reports: &[Report], fail_on: Verdict) -> Value {
    let tools: Vec<Value> = items
        .iter()
        .zip(reports)
        .map(|(item, r)| {
            let findings: Vec<Value> = r
                .findings
                .iter()
                .map(|f| {
                    json!({
                        "rule_id": f.rule_id,
                        "severity": f.severity.as_str(),
                        "field": f.field,
                        "message": f.message,
                        "evidence": f.evidence,
                    })
                })
                .collect();
            json!({"name": tool_name(item), "verdict": r.verdict.as_str(), "score": r.score, "findings": findings})
        })
        .collect();
    let (block, warn, pass) = counts(reports);
    json!({
        "tools": tools,
        "summary": {
            "total": reports.len(),
            "block": block,
            "warn": warn,
            "pass": pass,
            "fail_on": fail_on.as_str(),
            "failed": reports.iter().any(|r| r.verdict >= fail_on),
        }
    })
}

fn table(items: &[Item], reports: &[Report], fail_on: Verdict) -> String {
    let mut out = String::new();
    for (i, (item, r)) in items.iter().zip(reports).enumerate() {
        let name = tool_name(item).map_or_else(|| format!("<tool #{}>", i + 1), str::to_owned);
        out.push_str(&format!(
            "{:<5} {:>3}  {name}\n",
            r.verdict.as_str().to_uppercase(),
            r.score
        ));
        for f in &r.findings {
            out.push_str(&format!(
                "        {:<8} {}  [{}]  {}\n",
                f.severity.as_str(),
                f.rule_id,
                f.field_label(),
                f.message,
            ));
            // (a note without evidence, such as the learned model's honest reading, has no
            // evidence line)
            if !f.evidence.is_empty() {
                out.push_str(&format!("                 evidence: {}\n", f.evidence));
            }
        }
    }
    let (block, warn, pass) = counts(reports);
    out.push_str(&format!(
        "\n{} tools: {block} block, {warn} warn, {pass} pass (failing on {})\n",
        reports.len(),
        fail_on.as_str()
    ));
    out
}

fn sarif_level(sev: mcpguard_detect::Severity) -> &'static str {
    use mcpguard_detect::Severity::*;
    match sev {
        Critical | High => "error",
        Medium => "warning",
        Low | Info => "note",
    }
}

fn sarif(source: &str, items: &[Item], reports: &[Report]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id.replace('.', "/"),
                "shortDescription": {"text": r.summary},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
                "properties": {"family": r.family, "weight": r.weight, "severity": r.severity.as_str()},
            })
        })
        .collect();
    let uri = if source == "-" {
        "stdin".to_owned()
    } else {
        source.replace('\\', "/")
    };
    let mut results = Vec::new();
    for (i, (item, r)) in items.iter().zip(reports).enumerate() {
        let name = tool_name(item).unwrap_or("");
        for f in &r.findings {
            let rule_index = RULES.iter().position(|x| x.id == f.rule_id).unwrap_or(0);
            let mut physical = json!({"artifactLocation": {"uri": uri}});
            if let Some(line) = item.line {
                physical["region"] = json!({"startLine": line});
            }
            results.push(json!({
                "ruleId": f.rule_id,
                "ruleIndex": rule_index,
                "level": sarif_level(f.severity),
                "message": {"text": if f.evidence.is_empty() {
                    format!("tool `{name}` ({}): {}", r.verdict.as_str(), f.message)
                } else {
                    format!("tool `{name}` ({}): {} — evidence: {}", r.verdict.as_str(), f.message, f.evidence)
                }},
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{
                        "name": name,
                        "fullyQualifiedName": if f.field.is_empty() { format!("tools[{i}]") } else { format!("tools[{i}].{}", f.field) },
                        "kind": "member",
                    }],
                }],
                "properties": {"tool": name, "verdict": r.verdict.as_str(), "score": r.score, "field": f.field, "evidence": f.evidence},
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mcpguard",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/mcpguard",
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_forms() {
        let a = parse("f", r#"{"tools":[{"name":"a"},{"name":"b"}]}"#)
            .map(|v| v.len())
            .ok();
        assert_eq!(a, Some(2));
        let b = parse("f", r#"[{"name":"a"}]"#).map(|v| v.len()).ok();
        assert_eq!(b, Some(1));
        let c = parse("f", "{\"name\":\"a\"}\n\n{\"name\":\"b\"}\n")
            .map(|v| v.len())
            .ok();
        assert_eq!(c, Some(2));
        let rpc = parse(
            "f",
            r#"{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"a"}]}}"#,
        )
        .map(|v| v.len())
        .ok();
        assert_eq!(rpc, Some(1));
    }

    #[test]
    fn inventory_records_stand_for_their_tool() {
        let items = parse("f", r#"{"server":"s","tool":{"name":"a"}}"#).unwrap_or_default();
        assert_eq!(items.first().and_then(tool_name), Some("a"));
    }

    #[test]
    fn bad_json_names_the_line() {
        let e = parse("f.jsonl", "{\"name\":\"a\"}\n{\"name\": oops}\n")
            .err()
            .map(|e| format!("{e:#}"));
        assert!(e.is_some_and(|m| m.contains("line 2")));
        let e = parse("f.json", "{\n \"tools\": [\n  {\"name\": }\n ]\n}")
            .err()
            .map(|e| format!("{e:#}"));
        assert!(e.is_some_and(|m| m.contains("line 3")));
    }

    #[test]
    fn a_note_without_evidence_has_no_evidence_line() {
        let finding = |rule_id: &'static str, evidence: &str| mcpguard_detect::Finding {
            rule_id,
            severity: mcpguard_detect::Severity::Info,
            field: String::new(),
            message: "m".into(),
            evidence: evidence.into(),
            span: None,
            weight: 0,
        };
        let report = Report {
            verdict: Verdict::Warn,
            score: 59,
            findings: vec![finding("a.rule", "the words"), finding("b.note", "")],
        };
        let items = [Item {
            tool: serde_json::json!({"name": "t"}),
            line: None,
        }];
        let out = table(&items, &[report], Verdict::Block);
        assert_eq!(out.matches("evidence:").count(), 1, "{out}");
        assert!(out.contains("evidence: the words"));
    }

    #[test]
    fn thresholds_are_validated() {
        let args = ScanToolsArgs {
            file: "-".into(),
            format: Format::Json,
            fail_on: FailOn::Block,
            block_threshold: Some(10),
            warn_threshold: Some(20),
            rules_only: false,
        };
        assert!(settings(&args).is_err());
    }
}
