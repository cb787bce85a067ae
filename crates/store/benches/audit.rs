//! Audit appends per second, durable (WAL, synchronous=FULL: each append is one committed,
//! fsynced transaction) and committed to the WAL (synchronous=NORMAL, the gateway's default),
//! the record hash alone, and chain verification per record.
//!
//! The store lives under the target directory rather than /tmp, which is often tmpfs where fsync
//! costs nothing. Run: `cargo bench -p mcpguard-store --bench audit`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mcpguard_store::audit::{args_digest, verify_chain, ChainStart, Direction, Verdict};
use mcpguard_store::{NewAuditRecord, SqliteStore, Store, Sync};
use serde_json::json;

fn record(i: u64) -> NewAuditRecord {
    let args = json!({ "path": format!("/home/me/project/src/file{i}.rs"), "head": 40 });
    NewAuditRecord {
        session: "0b7c6a1e".into(),
        principal: Some("claude-code".into()),
        server: "filesystem".into(),
        direction: Direction::Client,
        method: "tools/call".into(),
        tool: Some("read_text_file".into()),
        request_id: Some(i.to_string()),
        args_digest: args_digest(&args),
        args: Some(args),
        findings: Vec::new(),
        rules: vec!["filesystem.roots".into()],
        verdict: Verdict::Allow,
        reason: "path inside the allowed root".into(),
        latency_us: 18,
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let store = SqliteStore::open_dir(dir.path()).expect("store");
    let mut g = c.benchmark_group("audit");
    g.throughput(Throughput::Elements(1));
    let mut i = 0;
    g.bench_function("append_durable", |b| {
        b.iter(|| {
            i += 1;
            store.append_audit(record(i)).expect("append")
        })
    });
    let wal_dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let wal = SqliteStore::open_dir_with(wal_dir.path(), Sync::Normal).expect("store");
    g.bench_function("append_wal", |b| {
        b.iter(|| {
            i += 1;
            wal.append_audit(record(i)).expect("append")
        })
    });
    let last = wal.audit_last().expect("read").expect("a record");
    g.bench_function("record_hash", |b| {
        b.iter(|| mcpguard_store::audit::record_hash(&last))
    });
    let records = store.audit_range(0, 10_000).expect("read");
    g.throughput(Throughput::Elements(records.len() as u64));
    g.bench_function("verify_chain", |b| {
        b.iter(|| verify_chain(&records, ChainStart::Genesis).expect("valid"))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
