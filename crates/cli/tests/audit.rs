//! `mcpguard audit` through the built binary: the store and exported files are tampered with
//! directly (SQL, text edits) and `verify` must name the seq and the kind of the break.

use std::path::Path;
use std::process::{Command, Output};

use mcpguard_store::audit::{args_digest, Direction, Verdict};
use mcpguard_store::{NewAuditRecord, SqliteStore, Store};
use rusqlite::Connection;
use serde_json::{json, Value};

fn mcpguard(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mcpguard"))
        .arg("audit")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("MCPGUARD_HOME")
        .output()
        .expect("run mcpguard")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A data dir whose log holds `n` records from two servers.
fn log(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_dir(dir.path()).unwrap();
    for i in 0..n {
        let args = json!({ "path": format!("/work/{i}") });
        store
            .append_audit(NewAuditRecord {
                session: "sess-1".into(),
                principal: Some("test".into()),
                server: if i % 2 == 0 { "filesystem" } else { "git" }.into(),
                direction: Direction::Client,
                method: "tools/call".into(),
                tool: Some("read_file".into()),
                request_id: Some(i.to_string()),
                args_digest: args_digest(&args),
                args: None,
                findings: Vec::new(),
                rules: vec!["filesystem.roots".into()],
                verdict: if i == 2 {
                    Verdict::Deny
                } else {
                    Verdict::Allow
                },
                reason: format!("decision {i}"),
                latency_us: 20,
            })
            .unwrap();
    }
    dir
}

fn sql(dir: &Path, statement: &str) {
    Connection::open(dir.join("mcpguard.db"))
        .unwrap()
        .execute_batch(statement)
        .unwrap();
}

/// Runs `verify --json` (with extra args) and returns (exit code, the JSON report).
fn verify(dir: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["verify", "--json"];
    args.extend_from_slice(extra);
    let o = mcpguard(dir, &args);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {} / {}",
            stdout(&o),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o.status.code(), v)
}

fn assert_broken(dir: &Path, extra: &[&str], seq: u64, kind: &str) {
    let (code, v) = verify(dir, extra);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v["ok"], false, "{v}");
    assert_eq!(v["break"]["seq"], seq, "{v}");
    assert_eq!(v["break"]["kind"], kind, "{v}");
}

#[test]
fn an_intact_log_verifies_and_prints_its_head() {
    let d = log(5);
    let o = mcpguard(d.path(), &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("chain intact (5 records, seq 1 to 5)"),
        "{}",
        stdout(&o)
    );
    let (code, v) = verify(d.path(), &[]);
    assert_eq!((code, v["records"].as_u64()), (Some(0), Some(5)));
    let head = v["head"].as_str().unwrap().to_owned();
    assert_eq!(verify(d.path(), &["--expect-head", &head]).0, Some(0));
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(verify(empty.path(), &[]).0, Some(0));
}

#[test]
fn sql_update_is_reported_as_edited() {
    let d = log(5);
    sql(d.path(), "UPDATE audit SET verdict = 'allow' WHERE seq = 3");
    assert_broken(d.path(), &[], 3, "edited");
    let o = mcpguard(d.path(), &["verify"]);
    assert!(
        stdout(&o).contains("chain BROKEN at seq 3: edited"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn sql_delete_is_reported_as_deleted() {
    let d = log(5);
    sql(d.path(), "DELETE FROM audit WHERE seq = 4");
    assert_broken(d.path(), &[], 4, "deleted");
}

#[test]
fn sql_insert_of_a_forged_row_is_reported_as_inserted() {
    let d = log(5);
    sql(
        d.path(),
        "UPDATE audit SET seq = -seq WHERE seq >= 2;
         UPDATE audit SET seq = -seq + 1 WHERE seq < 0;
         INSERT INTO audit SELECT 2, v, time, session, principal, server, direction, method, tool,
             request_id, args_digest, args, findings, rules, 'allow', 'forged', latency_us,
             (SELECT hash FROM audit WHERE seq = 1), lower(hex(randomblob(32)))
             FROM audit WHERE seq = 3;",
    );
    assert_broken(d.path(), &[], 2, "inserted");
}

#[test]
fn sql_swap_of_two_rows_is_reported_as_reordered() {
    let d = log(5);
    sql(
        d.path(),
        "UPDATE audit SET seq = 100 WHERE seq = 3;
         UPDATE audit SET seq = 3 WHERE seq = 4;
         UPDATE audit SET seq = 4 WHERE seq = 100;",
    );
    assert_broken(d.path(), &[], 3, "reordered");
}

#[test]
fn an_unreadable_row_is_reported_as_malformed() {
    let d = log(3);
    sql(d.path(), "UPDATE audit SET rules = '[' WHERE seq = 2");
    assert_broken(d.path(), &[], 2, "malformed");
}

#[test]
fn a_cut_tail_is_caught_only_with_the_noted_head() {
    let d = log(5);
    let (_, v) = verify(d.path(), &[]);
    let head = v["head"].as_str().unwrap().to_owned();
    sql(d.path(), "DELETE FROM audit WHERE seq >= 4");
    assert_eq!(
        verify(d.path(), &[]).0,
        Some(0),
        "undetectable without an anchor"
    );
    assert_broken(d.path(), &["--expect-head", &head], 4, "truncated");
}

/// Exports the log to a file and returns its lines.
fn exported(d: &Path, extra: &[&str]) -> (std::path::PathBuf, Vec<String>) {
    let path = d.join("export.jsonl");
    let mut args = vec!["export", "--format", "jsonl", "-o", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = mcpguard(d, &args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text.lines().map(str::to_owned).collect())
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn an_exported_file_verifies_and_each_tampering_is_named() {
    let d = log(6);
    let (path, lines) = exported(d.path(), &[]);
    assert_eq!(lines.len(), 6);
    let file = path.to_str().unwrap();
    assert_eq!(verify(d.path(), &["--file", file]).0, Some(0));

    let mut edited = lines.clone();
    edited[2] = edited[2].replace("decision 2", "decision X");
    write_lines(&path, &edited);
    assert_broken(d.path(), &["--file", file], 3, "edited");
    let (_, v) = verify(d.path(), &["--file", file]);
    assert_eq!(v["break"]["line"], 3);

    let mut deleted = lines.clone();
    deleted.remove(1);
    write_lines(&path, &deleted);
    assert_broken(d.path(), &["--file", file], 2, "deleted");

    let mut inserted = lines.clone();
    inserted.insert(4, lines[1].clone());
    write_lines(&path, &inserted);
    assert_broken(d.path(), &["--file", file], 5, "inserted");

    let mut reordered = lines.clone();
    reordered.swap(3, 4);
    write_lines(&path, &reordered);
    assert_broken(d.path(), &["--file", file], 4, "reordered");

    let mut garbage = lines.clone();
    garbage[3] = "{not json".into();
    write_lines(&path, &garbage);
    assert_broken(d.path(), &["--file", file], 4, "malformed");

    let mut extra_key = lines.clone();
    extra_key[0] = extra_key[0].replacen('{', "{\"note\":\"x\",", 1);
    write_lines(&path, &extra_key);
    assert_broken(d.path(), &["--file", file], 1, "malformed");
}

#[test]
fn a_partial_export_verifies_with_partial() {
    let d = log(6);
    let (path, lines) = exported(d.path(), &["--from", "4"]);
    assert_eq!(lines.len(), 3);
    let file = path.to_str().unwrap();
    assert_broken(d.path(), &["--file", file], 1, "deleted");
    let (code, v) = verify(d.path(), &["--file", file, "--partial"]);
    assert_eq!((code, v["first_seq"].as_u64()), (Some(0), Some(4)), "{v}");
}

#[test]
fn tail_and_show() {
    let d = log(4);
    let o = mcpguard(d.path(), &["tail", "-n", "2"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("git client tools/call read_file allow: decision 3"),
        "{out}"
    );
    let o = mcpguard(d.path(), &["show", "3", "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["seq"].as_u64(), v["verdict"].as_str()),
        (Some(3), Some("deny"))
    );
    let o = mcpguard(d.path(), &["show", "42"]);
    assert_eq!(o.status.code(), Some(2));
}
