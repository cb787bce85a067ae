//! Runs the data-driven detection cases in `tests/cases/*.json`.
//!
//! Each file holds one rule family's cases: `name`, an input (`tool`, `prompt`, `resource` or
//! `text`), `expect` (`verdict`, or `max_verdict` / `min_verdict` bounds, `rules` that must fire, `absent` rules that must not) and `why`.
//! A case with `skip` is reported with its reason and not run. All failures are listed together.

use std::path::Path;

use mcpguard_detect::{Engine, Report};
use serde_json::Value;

fn run_case(engine: &Engine, case: &Value) -> Result<(), String> {
    let report: Report = if let Some(t) = case.get("tool") {
        engine.scan_tool(t)
    } else if let Some(p) = case.get("prompt") {
        engine.scan_prompt(p)
    } else if let Some(r) = case.get("resource") {
        engine.scan_resource(r)
    } else if let Some(t) = case.get("text").and_then(Value::as_str) {
        engine.scan_text("text", t)
    } else {
        return Err("case has no input (tool, prompt, resource or text)".into());
    };
    let expect = case.get("expect").cloned().unwrap_or(Value::Null);
    let got: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{}@{}", f.rule_id, f.field))
        .collect();
    let mut errors = Vec::new();
    if let Some(v) = expect.get("verdict").and_then(Value::as_str) {
        if report.verdict.as_str() != v {
            errors.push(format!(
                "verdict {} (score {}), expected {v}",
                report.verdict.as_str(),
                report.score
            ));
        }
    }
    let rank = |s: &str| ["pass", "warn", "block"].iter().position(|x| *x == s);
    for (key, at_most) in [("max_verdict", true), ("min_verdict", false)] {
        let Some(v) = expect.get(key).and_then(Value::as_str) else {
            continue;
        };
        match (rank(report.verdict.as_str()), rank(v)) {
            (Some(got), Some(bound)) if (got <= bound) == at_most || got == bound => {}
            (_, None) => errors.push(format!("unknown {key} {v}")),
            _ => errors.push(format!(
                "verdict {} (score {}), expected at {} {v}",
                report.verdict.as_str(),
                report.score,
                if at_most { "most" } else { "least" }
            )),
        }
    }
    for r in expect
        .get("rules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = r.as_str().unwrap_or("");
        if !report.has(id) {
            errors.push(format!("missing rule {id}"));
        }
    }
    for r in expect
        .get("absent")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = r.as_str().unwrap_or("");
        if report.has(id) {
            errors.push(format!("unexpected rule {id}"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{}; findings: {got:?}", errors.join(", ")))
    }
}

#[test]
fn detection_cases() {
    let engine = Engine::default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let (mut run, mut skipped, mut failures) = (0, 0, Vec::new());
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let family = doc.get("family").and_then(Value::as_str).unwrap_or("?");
        for case in doc
            .get("cases")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
            if let Some(reason) = case.get("skip").and_then(Value::as_str) {
                println!("skip {family}/{name}: {reason}");
                skipped += 1;
                continue;
            }
            run += 1;
            if let Err(e) = run_case(&engine, case) {
                failures.push(format!("{family}/{name}: {e}"));
            }
        }
    }
    println!("{run} cases run, {skipped} skipped");
    assert!(run > 0, "no cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
