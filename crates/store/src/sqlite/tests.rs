use super::*;

fn store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open_dir(dir.path()).unwrap();
    (dir, s)
}

fn it(hash: &str) -> PinnedItem {
    PinnedItem {
        hash: hash.into(),
        content: format!("{{\"h\":\"{hash}\"}}"),
    }
}

fn tool(name: &str) -> Target {
    Target::Item(ItemKind::Tool, name.into())
}

#[test]
fn trust_on_first_use_then_a_change_is_held_until_approved() {
    let (_d, s) = store();
    s.apply(
        "srv",
        &[PinChange::Trust {
            kind: ItemKind::Tool,
            name: "t".into(),
            item: it("a"),
        }],
    )
    .unwrap();
    let pin = &s.pins("srv").unwrap()[0];
    assert!(pin.trusts("a") && pin.pending.is_none());
    let hold = PinChange::Hold {
        kind: ItemKind::Tool,
        name: "t".into(),
        reason: PendingReason::Changed,
        item: Some(it("b")),
        note: "n".into(),
    };
    s.apply("srv", std::slice::from_ref(&hold)).unwrap();
    let pin = &s.pins("srv").unwrap()[0];
    assert!(pin.trusts("a") && !pin.trusts("b"));
    assert_eq!(pin.pending.as_ref().unwrap().state, PendingState::Pending);
    // rejection sticks even when the same change is seen again
    assert!(s.reject("srv", &tool("t")).unwrap());
    s.apply("srv", &[hold]).unwrap();
    assert_eq!(
        s.pins("srv").unwrap()[0].pending.as_ref().unwrap().state,
        PendingState::Rejected
    );
    // approval re-pins
    assert!(s.approve("srv", &tool("t")).unwrap());
    let pin = &s.pins("srv").unwrap()[0];
    assert!(pin.trusts("b") && pin.pending.is_none());
    assert!(!s.approve("srv", &tool("t")).unwrap());
}

#[test]
fn approving_a_removal_unpins_and_forget_removes() {
    let (_d, s) = store();
    s.apply(
        "srv",
        &[PinChange::Trust {
            kind: ItemKind::Prompt,
            name: "p".into(),
            item: it("a"),
        }],
    )
    .unwrap();
    s.apply(
        "srv",
        &[PinChange::Hold {
            kind: ItemKind::Prompt,
            name: "p".into(),
            reason: PendingReason::Removed,
            item: None,
            note: String::new(),
        }],
    )
    .unwrap();
    assert!(s
        .approve("srv", &Target::Item(ItemKind::Prompt, "p".into()))
        .unwrap());
    assert!(s.pins("srv").unwrap().is_empty());
    s.record_server("srv", "[\"a\"]").unwrap();
    s.apply(
        "srv",
        &[PinChange::Trust {
            kind: ItemKind::Tool,
            name: "t".into(),
            item: it("a"),
        }],
    )
    .unwrap();
    assert_eq!(s.forget("srv", &Target::Server).unwrap(), 2);
    assert!(s.server("srv").unwrap().is_none());
}

#[test]
fn a_changed_launch_spec_is_pending_until_approved() {
    let (_d, s) = store();
    let r = s.record_server("srv", "[\"npx\",\"good\"]").unwrap();
    assert_eq!(r.pending_launch, None);
    let r = s.record_server("srv", "[\"npx\",\"evil\"]").unwrap();
    assert_eq!(r.launch, "[\"npx\",\"good\"]");
    assert_eq!(r.pending_launch.as_deref(), Some("[\"npx\",\"evil\"]"));
    assert!(s.approve("srv", &Target::Server).unwrap());
    assert_eq!(
        s.server("srv").unwrap().unwrap().launch,
        "[\"npx\",\"evil\"]"
    );
}

#[test]
fn the_generation_moves_on_every_write_and_is_shared_between_handles() {
    let (d, s) = store();
    let other = SqliteStore::open_dir(d.path()).unwrap();
    let g0 = other.generation().unwrap();
    s.apply(
        "srv",
        &[PinChange::Trust {
            kind: ItemKind::Tool,
            name: "t".into(),
            item: it("a"),
        }],
    )
    .unwrap();
    assert!(other.generation().unwrap() > g0);
    assert_eq!(other.pins("srv").unwrap().len(), 1);
}

#[test]
fn keys_can_be_revoked_and_not_re_trusted() {
    let (_d, s) = store();
    let k = TrustedKey {
        id: "abcd".into(),
        public_key: "pk".into(),
        label: "ci".into(),
        trusted_at: 1,
        revoked_at: None,
    };
    s.trust_key(&k).unwrap();
    assert!(s.revoke_key("abcd").unwrap());
    assert!(s.keys().unwrap()[0].revoked_at.is_some());
    assert!(s.trust_key(&k).is_err());
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let _ = SqliteStore::open_dir(dir.path()).unwrap();
    }
    let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    match SqliteStore::open_dir(dir.path()) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("opened a newer schema"),
    }
}

#[test]
fn approvals_are_decided_once() {
    use crate::approvals::{ApprovalStatus, NewApproval, Remember};
    let (_d, s) = store();
    let a = s
        .create_approval(&NewApproval {
            server: "fs".into(),
            session: "s1".into(),
            tool: "write_file".into(),
            arguments: "{}".into(),
            reason: "destructive".into(),
        })
        .unwrap();
    assert_eq!(a.status, ApprovalStatus::Pending);
    assert_eq!(s.approvals(true).unwrap().len(), 1);
    assert!(s
        .decide_approval(a.id, ApprovalStatus::Approved, Remember::Session, "cli")
        .unwrap());
    assert!(!s
        .decide_approval(a.id, ApprovalStatus::Denied, Remember::Once, "cli")
        .unwrap());
    let a = s.approval(a.id).unwrap().unwrap();
    assert_eq!(
        (a.status, a.remember, a.decided_by.as_deref()),
        (ApprovalStatus::Approved, Remember::Session, Some("cli"))
    );
    assert!(s.approvals(true).unwrap().is_empty());
}

/// One connection, two durabilities: audit appends commit at the audit level, every other write
/// at the store's own, whatever came before.
#[test]
fn audit_appends_and_other_writes_keep_their_own_sync_level() {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open_dir(dir.path())
        .unwrap()
        .with_audit_sync(Sync::Normal);
    let level = |s: &SqliteStore| -> i64 {
        s.conn()
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap()
    };
    let (full, normal) = (2, 1);
    assert_eq!(level(&s), full);
    let rec = crate::NewAuditRecord {
        session: "s".into(),
        principal: None,
        server: "srv".into(),
        direction: crate::audit::Direction::Client,
        method: "tools/call".into(),
        tool: None,
        request_id: None,
        args_digest: None,
        args: None,
        findings: Vec::new(),
        rules: Vec::new(),
        verdict: crate::audit::Verdict::Allow,
        reason: "r".into(),
        latency_us: 1,
    };
    s.append_audit(rec.clone()).unwrap();
    assert_eq!(level(&s), normal);
    s.record_server("srv", "cmd").unwrap();
    assert_eq!(level(&s), full);
    s.append_audit(rec).unwrap();
    assert_eq!(level(&s), normal);
    assert_eq!(s.audit_last().unwrap().unwrap().seq, 2);
}

/// A failed append leaves nothing behind: no half-open transaction, no record, no gap.
#[test]
fn a_failed_append_rolls_back_and_the_next_one_continues_the_chain() {
    let (_d, s) = store();
    s.conn()
        .execute_batch(
            "CREATE TRIGGER boom BEFORE INSERT ON audit WHEN NEW.reason = 'boom'
             BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END;",
        )
        .unwrap();
    let rec = |reason: &str| crate::NewAuditRecord {
        session: "s".into(),
        principal: None,
        server: "srv".into(),
        direction: crate::audit::Direction::Client,
        method: "tools/call".into(),
        tool: None,
        request_id: None,
        args_digest: None,
        args: None,
        findings: Vec::new(),
        rules: Vec::new(),
        verdict: crate::audit::Verdict::Allow,
        reason: reason.into(),
        latency_us: 1,
    };
    s.append_audit(rec("one")).unwrap();
    assert!(s.append_audit(rec("boom")).is_err());
    assert!(s.conn().is_autocommit(), "the transaction was rolled back");
    let two = s.append_audit(rec("two")).unwrap();
    assert_eq!(two.seq, 2);
    let all = s.audit_range(1, 10).unwrap();
    assert_eq!(all.len(), 2);
    crate::audit::verify_chain(&all, crate::audit::ChainStart::Genesis).unwrap();
}
