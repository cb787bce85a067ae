//! Output of tail, show and export against a real store, without the binary.

use mcpguard_store::audit::{Direction, Verdict};
use mcpguard_store::{NewAuditRecord, SqliteStore, Store};

use super::*;

fn new(i: u64, reason: &str) -> NewAuditRecord {
    NewAuditRecord {
        session: "s".into(),
        principal: None,
        server: "fs".into(),
        direction: Direction::Client,
        method: "tools/call".into(),
        tool: Some("read_file".into()),
        request_id: Some(i.to_string()),
        args_digest: None,
        args: None,
        findings: Vec::new(),
        rules: vec!["fs.roots".into()],
        verdict: Verdict::Deny,
        reason: reason.into(),
        latency_us: 5,
    }
}

fn store(n: u64) -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open_dir(dir.path()).unwrap();
    for i in 1..=n {
        s.append_audit(new(i, &format!("reason {i}"))).unwrap();
    }
    (dir, s)
}

fn text(buf: Vec<u8>) -> String {
    String::from_utf8(buf).unwrap()
}

#[test]
fn tail_prints_the_last_n_lines_in_order() {
    let (_d, s) = store(5);
    let mut buf = Vec::new();
    tail(&s, 2, false, false, &mut buf).unwrap();
    let out = text(buf);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].trim_start().starts_with("4 ") && lines[1].trim_start().starts_with("5 "),
        "{out}"
    );
    assert!(
        lines[1].contains("fs client tools/call read_file deny: reason 5 [fs.roots]"),
        "{out}"
    );
    let mut buf = Vec::new();
    tail(&s, 50, false, true, &mut buf).unwrap();
    assert_eq!(text(buf).lines().count(), 5);
    let (_e, empty) = store(0);
    let mut buf = Vec::new();
    tail(&empty, 3, false, false, &mut buf).unwrap();
    assert!(buf.is_empty());
}

#[test]
fn terminal_control_characters_from_servers_are_neutralised() {
    let (_d, s) = store(0);
    s.append_audit(new(1, "bad \u{1b}[2J\u{202e}txt")).unwrap();
    let mut buf = Vec::new();
    tail(&s, 1, false, false, &mut buf).unwrap();
    let out = text(buf);
    assert!(out.contains("bad ?[2J?txt"), "{out}");
    let mut buf = Vec::new();
    show(&s, 1, false, &mut buf).unwrap();
    assert!(!text(buf).contains('\u{1b}'));
}

#[test]
fn show_prints_every_field_and_json_is_the_record() {
    let (_d, s) = store(2);
    let mut buf = Vec::new();
    show(&s, 2, false, &mut buf).unwrap();
    let out = text(buf);
    for key in [
        "seq",
        "time",
        "principal",
        "verdict",
        "reason",
        "prev hash",
        "hash",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(key)),
            "{key} missing: {out}"
        );
    }
    let mut buf = Vec::new();
    show(&s, 2, true, &mut buf).unwrap();
    let r: AuditRecord = serde_json::from_slice(&buf).unwrap();
    assert_eq!(Some(r), s.audit_get(2).unwrap());
    assert!(show(&s, 9, false, &mut Vec::new()).is_err());
}

#[test]
fn export_writes_one_record_per_line_from_a_seq() {
    let (d, s) = store(3);
    let path = d.path().join("out.jsonl");
    export(&s, 2, Some(&path)).unwrap();
    let body = std::fs::read_to_string(&path).unwrap();
    let seqs: Vec<u64> = body
        .lines()
        .map(|l| serde_json::from_str::<AuditRecord>(l).unwrap().seq)
        .collect();
    assert_eq!(seqs, [2, 3]);
}
