//! Throughput of `SecretScanner` on a 1 MiB tool result mixing prose, code, JSON and logs, with
//! a few secrets (a GitHub token, an AWS key id, a PEM key, a database URL, a JWT).
//!
//! Run: `cargo bench -p mcpguard-detect --bench secrets`. The goal is `find` on 1 MiB in ≤ 3 ms
//! on one core (the whole results pipeline has 10 ms); the figure is also printed as bytes/s.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use mcpguard_detect::secrets::SecretScanner;

const PROSE: &str = "The gateway forwards each request after the policy engine approves it. \
Tokens are counted per session, and the password policy requires twelve characters. \
See the configuration guide for the list of keys; the secret store is optional. \
Authentication happens upstream; pass the token through an environment variable. ";

const CODE: &str = r#"fn connect(cfg: &Config) -> Result<Client, Error> {
    let token = std::env::var("API_TOKEN")?;
    let password: &str = &cfg.password;
    let url = format!("https://{}/v1/items?page_token={}", cfg.host, cursor);
    let key = cache.get(&id).ok_or(Error::Missing)?;
    client.auth(token).timeout(Duration::from_secs(30)).build()
}
def handler(event, context):
    secret = os.environ["SECRET_NAME"]
    max_tokens = 4096
    return {"statusCode": 200, "body": json.dumps({"ok": True})}
"#;

const JSON: &str = r#"{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"Found 3 files: src/main.rs, README.md, Cargo.toml"}],"structuredContent":{"files":[{"path":"src/main.rs","size":1843,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},{"path":"README.md","size":5120,"id":"550e8400-e29b-41d4-a716-446655440000"}],"nextPageToken":"CAoQAA","usage":{"input_tokens":1532,"output_tokens":211}}}}
"#;

const LOG: &str = "2025-06-18T10:22:31.512Z INFO request_id=7f3c2a1e method=tools/call tool=read_file duration_ms=12 status=ok user=alice@example.com\n";

fn secrets() -> Vec<String> {
    let body = "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ";
    vec![
        format!("GITHUB_TOKEN=ghp_{body}0mLq17\n"),
        format!("aws_access_key_id = {}{}\n", "AKIA", "Z7VQXLPMR4T2WQ5N"),
        format!(
            "DATABASE_URL=postgres://app:{}@db.internal:5432/main\n",
            "Zq8vL2mT9pR4xW7k"
        ),
        format!(
            "-----BEGIN {0}-----\n{1}\n-----END {0}-----\n",
            "RSA PRIVATE KEY",
            ["MIIEowIBAAKCAQEAv1ZKp9x3Q8n2Lr7sT4wUe6YhJm0cBdFgHiKlNoPqRsTuVwXyZaBc"; 20].join("\n")
        ),
        format!(
            "Cookie: session={}.{}.{}\n",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
            "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9",
            "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        ),
    ]
}

/// About 1 MiB: blocks of prose, code, JSON and logs, with the secrets spread through it.
fn text() -> String {
    let mut out = String::with_capacity(1 << 20);
    let secrets = secrets();
    let mut i = 0;
    while out.len() < (1 << 20) {
        out.push_str(PROSE);
        out.push_str(CODE);
        out.push_str(JSON);
        for _ in 0..4 {
            out.push_str(LOG);
        }
        if i % 100 == 50 {
            out.push_str(&secrets[(i / 100) % secrets.len()]);
        }
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let scanner = SecretScanner::new();
    let text = text();
    let found = scanner.find(&text);
    eprintln!(
        "input {} bytes, {} secrets: {:?}",
        text.len(),
        found.len(),
        found.iter().map(|m| m.rule).collect::<Vec<_>>()
    );
    let mut g = c.benchmark_group("secrets");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find_1mib_mixed", |b| {
        b.iter(|| black_box(scanner.find(black_box(&text))))
    });
    g.bench_function("redact_1mib_mixed", |b| {
        b.iter(|| black_box(scanner.redact(black_box(&text))))
    });
    let prose = PROSE.repeat((1 << 20) / PROSE.len());
    g.throughput(Throughput::Bytes(prose.len() as u64));
    g.bench_function("find_1mib_prose", |b| {
        b.iter(|| black_box(scanner.find(black_box(&prose))))
    });
    g.finish();
    c.bench_function("secrets/build", |b| b.iter(SecretScanner::new));
}

criterion_group!(benches, bench);
criterion_main!(benches);
