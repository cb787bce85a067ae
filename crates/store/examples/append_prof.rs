use mcpguard_store::audit::{args_digest, Direction, Verdict};
use mcpguard_store::{NewAuditRecord, SqliteStore, Store, Sync};
use serde_json::json;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let n: u64 = std::env::args().nth(2).unwrap().parse().unwrap();
    let store = SqliteStore::open_dir_with(&dir, Sync::Normal).unwrap();
    let t = std::time::Instant::now();
    for i in 0..n {
        let args = json!({ "bytes": 1024 });
        store
            .append_audit(NewAuditRecord {
                session: "1234-1767000000".into(),
                principal: None,
                server: "bench".into(),
                direction: Direction::Client,
                method: "tools/call".into(),
                tool: Some("blob".into()),
                request_id: Some(i.to_string()),
                args_digest: args_digest(&args),
                args: None,
                findings: Vec::new(),
                rules: vec![],
                verdict: Verdict::Allow,
                reason: "passed every check".into(),
                latency_us: 18,
            })
            .unwrap();
    }
    eprintln!("{:?}/append", t.elapsed() / n as u32);
}
