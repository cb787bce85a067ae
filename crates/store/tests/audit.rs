//! The audit chain in SQLite: concurrent appenders sharing one file, durability, and tampering
//! with the table directly.

use std::path::Path;
use std::sync::Arc;
use std::thread;

use mcpguard_store::audit::{
    args_digest, verify_chain, AuditFinding, BreakKind, ChainStart, Direction, Verdict,
    GENESIS_HASH,
};
use mcpguard_store::{AuditRecord, NewAuditRecord, SqliteStore, Store, StoreError};
use rusqlite::Connection;
use serde_json::json;

fn rec(server: &str, i: usize) -> NewAuditRecord {
    let args = json!({ "path": format!("/tmp/{i}") });
    NewAuditRecord {
        session: format!("{server}-session"),
        principal: Some("test-client".into()),
        server: server.into(),
        direction: Direction::Client,
        method: "tools/call".into(),
        tool: Some("read_file".into()),
        request_id: Some(i.to_string()),
        args_digest: args_digest(&args),
        args: Some(args),
        findings: vec![AuditFinding {
            rule: "inject.ignore-previous".into(),
            severity: "medium".into(),
        }],
        rules: vec!["fs.roots".into()],
        verdict: Verdict::Allow,
        reason: "inside the allowed root".into(),
        latency_us: 12,
    }
}

fn all(store: &dyn Store) -> Vec<AuditRecord> {
    store.audit_range(0, usize::MAX).unwrap()
}

fn filled(n: usize) -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_dir(dir.path()).unwrap();
    for i in 0..n {
        store.append_audit(rec("fs", i)).unwrap();
    }
    (dir, store)
}

fn sql(dir: &Path, statement: &str) {
    let conn = Connection::open(dir.join("mcpguard.db")).unwrap();
    conn.execute_batch(statement).unwrap();
}

fn break_of(store: &dyn Store) -> (u64, BreakKind) {
    let b = verify_chain(&all(store), ChainStart::Genesis).unwrap_err();
    (b.seq, b.kind)
}

#[test]
fn append_assigns_seq_time_and_links() {
    let (_d, store) = filled(3);
    let records = all(&store);
    assert_eq!(records.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(records[0].prev_hash, GENESIS_HASH);
    assert_eq!(records[1].prev_hash, records[0].hash);
    let t = &records[0].time;
    assert_eq!(t.len(), "2026-01-01T00:00:00.000Z".len(), "{t}");
    assert!(t.ends_with('Z') && t.as_bytes()[19] == b'.', "{t}");
    assert_eq!(store.audit_last().unwrap().as_ref(), records.last());
    assert_eq!(store.audit_get(2).unwrap().as_ref(), Some(&records[1]));
    assert_eq!(store.audit_get(9).unwrap(), None);
    assert_eq!(store.audit_range(2, 1).unwrap(), records[1..2]);
    verify_chain(&records, ChainStart::Genesis).unwrap();
}

#[test]
fn what_append_returns_is_what_is_read_back() {
    let (_d, store) = filled(0);
    let mut r = rec("fs", 1);
    r.args = Some(json!({"z": 1, "a": [1.5, null, {"k": "v"}], "big": 123456789012_u64}));
    r.principal = None;
    r.verdict = Verdict::Other("quarantine".into());
    let appended = store.append_audit(r).unwrap();
    assert_eq!(store.audit_get(1).unwrap(), Some(appended));
    verify_chain(&all(&store), ChainStart::Genesis).unwrap();
}

#[test]
fn a_record_is_durable_when_append_returns() {
    let dir = tempfile::tempdir().unwrap();
    let appended = {
        let store = SqliteStore::open_dir(dir.path()).unwrap();
        store.append_audit(rec("fs", 1)).unwrap()
        // dropped without any explicit flush
    };
    let reopened = SqliteStore::open_dir(dir.path()).unwrap();
    assert_eq!(reopened.audit_last().unwrap(), Some(appended));
    // A reader on a separate connection sees it too (it was committed, not buffered).
    let conn = Connection::open(dir.path().join("mcpguard.db")).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn concurrent_appenders_sharing_the_file_form_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    const THREADS: usize = 4;
    const EACH: usize = 50;
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            // One store (one connection) per thread, as separate gateway processes would have.
            let store = Arc::new(SqliteStore::open_dir(dir.path()).unwrap());
            thread::spawn(move || {
                for i in 0..EACH {
                    store.append_audit(rec(&format!("srv{t}"), i)).unwrap();
                }
            })
        })
        .collect();
    // And one handle shared by two threads.
    let shared = Arc::new(SqliteStore::open_dir(dir.path()).unwrap());
    let more: Vec<_> = (0..2)
        .map(|t| {
            let store = Arc::clone(&shared);
            thread::spawn(move || {
                for i in 0..EACH {
                    store.append_audit(rec(&format!("shared{t}"), i)).unwrap();
                }
            })
        })
        .collect();
    for h in handles.into_iter().chain(more) {
        h.join().unwrap();
    }
    let records = all(shared.as_ref());
    let total = (THREADS + 2) * EACH;
    assert_eq!(records.len(), total);
    let seqs: Vec<u64> = records.iter().map(|r| r.seq).collect();
    assert_eq!(
        seqs,
        (1..=total as u64).collect::<Vec<_>>(),
        "gap-free, no duplicates"
    );
    let s = verify_chain(&records, ChainStart::Genesis).unwrap();
    assert_eq!(s.records, total);
}

#[test]
fn sql_update_of_a_field_is_an_edit() {
    let (d, store) = filled(5);
    sql(
        d.path(),
        "UPDATE audit SET verdict = 'allow', reason = 'ok' WHERE seq = 3",
    );
    assert_eq!(break_of(&store), (3, BreakKind::Edited));
}

#[test]
fn sql_delete_of_a_row_is_a_deletion() {
    let (d, store) = filled(5);
    sql(d.path(), "DELETE FROM audit WHERE seq = 2");
    assert_eq!(break_of(&store), (2, BreakKind::Deleted));
}

#[test]
fn sql_insert_of_a_forged_row_is_an_insertion() {
    let (d, store) = filled(5);
    // Make room at seq 3 and put a made-up record there, linked to seq 2.
    sql(
        d.path(),
        "UPDATE audit SET seq = -seq WHERE seq >= 3;
         UPDATE audit SET seq = -seq + 1 WHERE seq < 0;
         INSERT INTO audit SELECT 3, v, time, session, principal, server, direction, method, tool,
             request_id, args_digest, args, findings, rules, 'allow', reason, latency_us,
             (SELECT hash FROM audit WHERE seq = 2), lower(hex(randomblob(32)))
             FROM audit WHERE seq = 5;",
    );
    assert_eq!(break_of(&store), (3, BreakKind::Inserted));
}

#[test]
fn sql_swap_of_two_seqs_is_a_reordering() {
    let (d, store) = filled(5);
    sql(
        d.path(),
        "UPDATE audit SET seq = 100 WHERE seq = 2;
         UPDATE audit SET seq = 2 WHERE seq = 4;
         UPDATE audit SET seq = 4 WHERE seq = 100;",
    );
    assert_eq!(break_of(&store), (2, BreakKind::Reordered));
}

#[test]
fn an_unreadable_row_names_its_seq() {
    let (d, store) = filled(3);
    sql(
        d.path(),
        "UPDATE audit SET findings = 'not json' WHERE seq = 2",
    );
    match store.audit_range(0, 10) {
        Err(StoreError::CorruptAudit { seq: 2, .. }) => {}
        other => panic!("expected CorruptAudit at 2, got {other:?}"),
    }
}

#[test]
fn appends_after_a_tail_cut_continue_from_the_new_last_record() {
    // Documented limit: without an anchor a cut tail leaves a valid chain.
    let (d, store) = filled(4);
    sql(d.path(), "DELETE FROM audit WHERE seq > 2");
    let r = store.append_audit(rec("fs", 9)).unwrap();
    assert_eq!(r.seq, 3);
    verify_chain(&all(&store), ChainStart::Genesis).unwrap();
}
