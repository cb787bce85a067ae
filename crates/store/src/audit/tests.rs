//! The chain check against each kind of tampering, on records built in memory.

use serde_json::json;

use super::*;

fn new(i: u64) -> NewAuditRecord {
    NewAuditRecord {
        session: "s1".into(),
        principal: Some("claude-code".into()),
        server: if i % 2 == 0 { "fs" } else { "git" }.into(),
        direction: Direction::Client,
        method: "tools/call".into(),
        tool: Some(format!("tool{i}")),
        request_id: Some(i.to_string()),
        args_digest: args_digest(&json!({"path": format!("/p/{i}")})),
        args: Some(json!({"path": format!("/p/{i}"), "n": 1.5})),
        findings: vec![AuditFinding {
            rule: "dlp.aws-key".into(),
            severity: "high".into(),
        }],
        rules: vec!["fs.roots".into()],
        verdict: if i % 3 == 0 {
            Verdict::Deny
        } else {
            Verdict::Allow
        },
        reason: format!("reason {i}"),
        latency_us: 40 + i,
    }
}

fn sealed(n: u64, seq: u64, prev: &str) -> AuditRecord {
    let mut r = AuditRecord::unsealed(new(n), seq, "2026-01-01T00:00:00.000Z".into(), prev.into());
    seal(&mut r).unwrap();
    r
}

/// A valid chain of `n` records, seq 1..=n.
fn chain(n: u64) -> Vec<AuditRecord> {
    let mut out: Vec<AuditRecord> = Vec::new();
    for i in 1..=n {
        let prev = out
            .last()
            .map_or(GENESIS_HASH.to_owned(), |r| r.hash.clone());
        out.push(sealed(i, i, &prev));
    }
    out
}

fn broken(records: &[AuditRecord]) -> ChainBreak {
    verify_chain(records, ChainStart::Genesis).expect_err("the chain should be broken")
}

fn assert_break(records: &[AuditRecord], seq: u64, kind: BreakKind) {
    let b = broken(records);
    assert_eq!((b.seq, b.kind), (seq, kind), "{b}");
}

#[test]
fn a_valid_chain_verifies_and_reports_its_head() {
    let c = chain(6);
    let s = verify_chain(&c, ChainStart::Genesis).unwrap();
    assert_eq!((s.records, s.first_seq, s.last_seq), (6, Some(1), Some(6)));
    assert_eq!(s.head, c[5].hash);
    let empty = verify_chain(&[], ChainStart::Genesis).unwrap();
    assert_eq!((empty.records, empty.head.as_str()), (0, GENESIS_HASH));
}

#[test]
fn the_hash_is_stable_and_independent_of_key_order() {
    let a = sealed(1, 1, GENESIS_HASH);
    let text = serde_json::to_string(&a).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Rebuild the object in reverse key order: the canonical form must not change.
    let reversed: serde_json::Map<_, _> = v
        .as_object_mut()
        .unwrap()
        .clone()
        .into_iter()
        .rev()
        .collect();
    let b: AuditRecord = serde_json::from_value(serde_json::Value::Object(reversed)).unwrap();
    assert_eq!(record_hash(&b).unwrap(), a.hash);
    assert_eq!(a.hash.len(), 64);
}

#[test]
fn every_edited_field_is_detected_at_its_seq() {
    type Edit = fn(&mut AuditRecord);
    let edits: Vec<(&str, Edit)> = vec![
        ("time", |r| r.time = "2026-01-01T00:00:01.000Z".into()),
        ("session", |r| r.session.push('x')),
        ("principal", |r| r.principal = None),
        ("server", |r| r.server = "evil".into()),
        ("direction", |r| r.direction = Direction::Server),
        ("method", |r| r.method = "tools/list".into()),
        ("tool", |r| r.tool = None),
        ("request_id", |r| r.request_id = Some("99".into())),
        ("args_digest", |r| r.args_digest = None),
        ("args", |r| {
            r.args = Some(json!({"path": "/etc/passwd", "n": 1.5}))
        }),
        ("findings", |r| r.findings.clear()),
        ("rules", |r| r.rules.push("x".into())),
        ("verdict", |r| r.verdict = Verdict::Allow),
        ("verdict other", |r| {
            r.verdict = Verdict::Other("allowed".into())
        }),
        ("reason", |r| r.reason = "fine".into()),
        ("latency", |r| r.latency_us += 1),
        ("v", |r| r.v = 2),
    ];
    for (what, edit) in edits {
        let mut c = chain(5);
        edit(&mut c[2]);
        let b = broken(&c);
        assert_eq!(
            (b.seq, b.kind, b.index),
            (3, BreakKind::Edited, 2),
            "{what}: {b}"
        );
    }
}

#[test]
fn an_edit_that_recomputes_the_hash_is_caught_by_the_next_link() {
    let mut c = chain(5);
    c[1].reason = "nothing to see".into();
    seal(&mut c[1]).unwrap();
    assert_break(&c, 2, BreakKind::Edited);
}

#[test]
fn an_edited_prev_hash_is_detected() {
    let mut c = chain(4);
    c[2].prev_hash = "ab".repeat(32);
    assert_break(&c, 3, BreakKind::Edited);
}

#[test]
fn deleted_records_are_detected_where_they_were() {
    let mut c = chain(6);
    c.remove(3); // seq 4
    assert_break(&c, 4, BreakKind::Deleted);
    let mut c = chain(6);
    c.drain(1..4); // seq 2, 3, 4
    let b = broken(&c);
    assert_eq!((b.seq, b.kind), (2, BreakKind::Deleted));
    assert!(b.detail.contains("2 to 4"), "{b}");
    let mut c = chain(3);
    c.remove(0);
    assert_break(&c, 1, BreakKind::Deleted);
}

#[test]
fn a_deletion_followed_by_renumbering_is_still_detected() {
    let mut c = chain(5);
    c.remove(1);
    for r in &mut c[1..] {
        r.seq -= 1;
    }
    let b = broken(&c);
    assert_eq!(b.seq, 2, "{b}");
}

#[test]
fn an_inserted_record_is_detected_even_when_forged_carefully() {
    // A forger who knows the algorithm links the new record to seq 2 and seals it.
    let mut c = chain(5);
    let forged = sealed(77, 3, &c[1].hash);
    c.insert(2, forged);
    for r in &mut c[3..] {
        r.seq += 1;
    }
    assert_break(&c, 3, BreakKind::Inserted);
    // A careless forger: random link and hash.
    let mut c = chain(5);
    let mut junk = sealed(78, 3, &"cd".repeat(32));
    junk.hash = "ef".repeat(32);
    c.insert(2, junk);
    assert_break(&c, 3, BreakKind::Inserted);
    // Two forged records in a row.
    let mut c = chain(4);
    let a = sealed(80, 3, &c[1].hash);
    let b = sealed(81, 4, &a.hash);
    c.splice(2..2, [a, b]);
    assert_break(&c, 3, BreakKind::Inserted);
}

#[test]
fn a_repeated_record_is_an_insertion() {
    let mut c = chain(4);
    let dup = c[1].clone();
    c.insert(3, dup);
    let b = broken(&c);
    assert_eq!(b.kind, BreakKind::Inserted, "{b}");
    assert_eq!(b.index, 3, "{b}");
}

#[test]
fn reordered_records_are_detected() {
    // Lines swapped in a file: seq fields unchanged.
    let mut c = chain(6);
    c.swap(2, 3);
    assert_break(&c, 3, BreakKind::Reordered);
    // Rows swapped in a table: the seq values swapped too.
    let mut c = chain(6);
    c.swap(2, 3);
    c[2].seq = 3;
    c[3].seq = 4;
    assert_break(&c, 3, BreakKind::Reordered);
    // Far apart.
    let mut c = chain(8);
    c.swap(1, 6);
    assert_break(&c, 2, BreakKind::Reordered);
}

#[test]
fn a_partial_export_verifies_from_its_first_record_only_when_asked() {
    let c = chain(6);
    let tail = &c[3..];
    let s = verify_chain(tail, ChainStart::Trusted).unwrap();
    assert_eq!((s.first_seq, s.last_seq), (Some(4), Some(6)));
    assert_break(tail, 1, BreakKind::Deleted);
    let mut t = tail.to_vec();
    t[1].reason = "x".into();
    let b = verify_chain(&t, ChainStart::Trusted).unwrap_err();
    assert_eq!((b.seq, b.kind), (5, BreakKind::Edited));
}

#[test]
fn truncation_needs_an_anchor() {
    let c = chain(5);
    let head = c[4].hash.clone();
    let cut = &c[..3];
    // Without an anchor a cut tail is a valid chain: that is the honest limit.
    assert!(verify_chain(cut, ChainStart::Genesis).is_ok());
    let b = check_anchor(cut, &head).unwrap_err();
    assert_eq!((b.kind, b.seq), (BreakKind::Truncated, 4));
    assert!(check_anchor(&c, &head).is_ok());
    assert!(
        check_anchor(&c, &c[2].hash.to_uppercase()).is_ok(),
        "later appends are fine"
    );
    assert!(check_anchor(&[], GENESIS_HASH).is_ok());
}

#[test]
fn open_enums_keep_unknown_values() {
    let v: Verdict = serde_json::from_str("\"quarantine\"").unwrap();
    assert_eq!(v, Verdict::Other("quarantine".into()));
    assert_eq!(serde_json::to_string(&v).unwrap(), "\"quarantine\"");
    assert_eq!(Verdict::parse("pin_change"), Verdict::PinChange);
    assert_eq!(Direction::parse("local"), Direction::Local);
}

#[test]
fn unknown_keys_are_refused() {
    let r = sealed(1, 1, GENESIS_HASH);
    let mut v = serde_json::to_value(&r).unwrap();
    v["extra"] = json!(1);
    assert!(serde_json::from_value::<AuditRecord>(v).is_err());
}

#[test]
fn args_digest_is_canonical() {
    let a = args_digest(&json!({"b": 1, "a": [1.0, "x"]})).unwrap();
    let b = args_digest(&serde_json::from_str(r#"{ "a":[1,"x"], "b":1 }"#).unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_forged_sibling_is_blamed_not_the_genuine_record() {
    // A copy of record 3's link appended at the end: the genuine 3 stays, the copy is foreign.
    let c = chain(3);
    let mut fork = c.clone();
    let mut f = sealed(90, 4, &c[1].hash);
    f.reason = "appended later".into();
    fork.push(f);
    assert_break(&fork, 4, BreakKind::Inserted);
    let b = broken(&fork);
    assert_eq!(b.index, 3, "{b}");
    // The same with a stale hash copied from record 3.
    let mut fork = c.clone();
    let mut f = c[2].clone();
    f.seq = 13;
    fork.push(f);
    let b = broken(&fork);
    assert_eq!((b.kind, b.index), (BreakKind::Inserted, 3), "{b}");
    // Forged records in the middle of a file whose genuine successor is the last line.
    let c = chain(3);
    let a = sealed(80, 3, &c[1].hash);
    let b2 = sealed(81, 4, &a.hash);
    let mut v = c[..2].to_vec();
    v.extend([a, b2, c[2].clone()]);
    assert_break(&v, 3, BreakKind::Inserted);
    assert_eq!(broken(&v).index, 2);
}

/// The direct RFC 8785 writer gives exactly the generic canonicaliser's bytes, on strings with
/// every escape, non-ASCII and astral characters, nulls, empty and full arrays, and large numbers.
#[test]
fn direct_canonical_form_matches_the_generic_one() {
    let nasty: String = (0u8..0x80).map(char::from).collect::<String>()
        + "é€𝄞\u{2028}\u{2029}\u{feff}\u{200b}\"\\/";
    let mut cases = vec![sealed(1, 1, GENESIS_HASH)];
    let mut r = sealed(2, 2, GENESIS_HASH);
    r.session = nasty.clone();
    r.server = nasty.clone();
    r.method = nasty.clone();
    r.reason = nasty.clone();
    r.tool = Some(nasty.clone());
    r.principal = None;
    r.request_id = Some("\"a\\u0000b\"".into());
    r.args = Some(
        json!({"z": [1, 2.5, -0.0, 1e21, 1e-7, null, true], "é": {"b": nasty.clone(), "a": {}}, "\u{10000}": 1, "\u{ffff}": 2}),
    );
    r.findings.push(AuditFinding {
        rule: nasty.clone(),
        severity: String::new(),
    });
    r.rules = vec![nasty.clone(), String::new()];
    r.verdict = Verdict::Other(nasty.clone());
    r.direction = Direction::Other("up\ndown".into());
    cases.push(r);
    let mut r = sealed(3, 3, GENESIS_HASH);
    r.args = None;
    r.args_digest = None;
    r.tool = None;
    r.request_id = None;
    r.findings.clear();
    r.rules.clear();
    r.latency_us = MAX_EXACT_INT;
    r.seq = MAX_EXACT_INT;
    r.v = u32::MAX;
    cases.push(r);
    for rec in &cases {
        let direct = super::canon::body(rec).expect("in shape");
        let generic = super::chain::generic_body(rec).expect("canonical");
        assert_eq!(
            String::from_utf8_lossy(&direct),
            String::from_utf8_lossy(&generic)
        );
    }
    // beyond 2^53 the direct writer steps aside and the generic one decides
    let mut big = sealed(4, 4, GENESIS_HASH);
    big.latency_us = MAX_EXACT_INT + 2;
    assert!(super::canon::body(&big).is_none());
    big.latency_us = 1;
    big.seq = u64::MAX;
    assert!(super::canon::body(&big).is_none());
    assert!(record_hash(&big).is_some());
}
