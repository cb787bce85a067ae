//! SECRET-FIXTURE: synthetic credentials for tests (excluded from the false-positive scan).
//!
//! Case tests for `mcpguard_detect::secrets`: for every rule, true positives built here from a
//! seeded generator (checksummed formats get valid checksums computed by an implementation
//! independent of the crate's, and a one-character change must fail verification) and near-miss
//! negatives that must not match. Tokens are generated at run time so that no credential-shaped
//! literal sits in the source.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use mcpguard_detect::secrets::{rules, SecretMatch, SecretScanner};
use serde_json::json;

const ALNUM: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HEX: &str = "0123456789abcdef";
const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B32: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn s(&mut self, alphabet: &str, n: usize) -> String {
        let a = alphabet.as_bytes();
        (0..n)
            .map(|_| a[(self.next() % a.len() as u64) as usize] as char)
            .collect()
    }
}

/// Bitwise CRC-32 (deliberately not the crate's table-driven one).
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn base62_6(mut n: u32) -> String {
    let a = ALNUM.as_bytes();
    let mut out = vec![b'0'; 6];
    for i in (0..6).rev() {
        out[i] = a[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8(out).unwrap()
}

/// `prefix` + 30 random base62 + base62(CRC32(random)) — the GitHub / npm token layout.
fn checksummed(rng: &mut Rng, prefix: &str) -> String {
    let body = rng.s(ALNUM, 30);
    format!("{prefix}{body}{}", base62_6(crc32(body.as_bytes())))
}

/// Changes one character of the random part (keeps the shape).
fn mutate(token: &str, at: usize) -> String {
    let mut b = token.as_bytes().to_vec();
    b[at] = if b[at] == b'a' { b'b' } else { b'a' };
    String::from_utf8(b).unwrap()
}

fn bech32_polymod(values: &[u8]) -> u32 {
    let gen = [
        0x3b6a57b2u32,
        0x26508e6d,
        0x1ea119fa,
        0x3d4233dd,
        0x2a1462b3,
    ];
    let mut chk = 1u32;
    for &v in values {
        let b = chk >> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v as u32;
        for (i, g) in gen.iter().enumerate() {
            if (b >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

fn age_key(rng: &mut Rng) -> String {
    const CS: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let hrp = "age-secret-key-";
    let data: Vec<u8> = (0..52).map(|_| (rng.next() % 32) as u8).collect();
    let mut v: Vec<u8> = hrp.bytes().map(|c| c >> 5).collect();
    v.push(0);
    v.extend(hrp.bytes().map(|c| c & 31));
    v.extend(&data);
    v.extend([0u8; 6]);
    let pm = bech32_polymod(&v) ^ 1;
    let mut all = data.clone();
    all.extend((0..6).map(|i| ((pm >> (5 * (5 - i))) & 31) as u8));
    let s: String = all.iter().map(|&d| CS[d as usize] as char).collect();
    format!("{hrp}1{s}").to_uppercase()
}

fn jwt(rng: &mut Rng) -> String {
    let h = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let p = URL_SAFE_NO_PAD.encode(br#"{"sub":"1234567890","name":"Ada","iat":1516239022}"#);
    format!("{h}.{p}.{}", rng.s(B64URL, 43))
}

fn pem(rng: &mut Rng, label: &str, nl: &str) -> String {
    let lines: Vec<String> = (0..12).map(|_| rng.s(B64, 64)).collect();
    format!(
        "-----BEGIN {label}-----{nl}{}{nl}-----END {label}-----",
        lines.join(nl)
    )
}

fn find(text: &str) -> Vec<SecretMatch> {
    let found = SecretScanner::shared().find(text);
    // MCPGUARD_SECRETS_DUMP=1: every match, to compare two builds (`--test-threads 1`).
    if std::env::var_os("MCPGUARD_SECRETS_DUMP").is_some() {
        for m in &found {
            println!(
                "DUMP {} {}..{} {} {:?}",
                m.rule,
                m.start,
                m.end,
                m.verified,
                &text[m.start..m.end]
            );
        }
    }
    found
}

/// `text` must yield a match of `rule` covering exactly `secret`.
fn expect(
    errors: &mut Vec<String>,
    name: &str,
    text: &str,
    rule: &str,
    secret: &str,
) -> Option<SecretMatch> {
    let found = find(text);
    let hit = found
        .iter()
        .find(|m| m.rule == rule && &text[m.start..m.end] == secret)
        .copied();
    if hit.is_none() {
        let got: Vec<String> = found
            .iter()
            .map(|m| format!("{}={:?}", m.rule, &text[m.start..m.end]))
            .collect();
        errors.push(format!(
            "{name}: expected {rule} {secret:?} in {text:?}, got {got:?}"
        ));
    }
    hit
}

#[test]
fn positives_per_rule() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let r = &mut rng;
    let mut errors = Vec::new();
    let e = &mut errors;
    let mut covered = std::collections::BTreeSet::new();
    let mut case =
        |e: &mut Vec<String>, name: &str, text: String, rule: &'static str, secret: String| {
            covered.insert(rule);
            expect(e, name, &text, rule, &secret)
        };

    let k = format!("AKIA{}", r.s(B32, 16));
    case(
        e,
        "aws key id in env",
        format!("export AWS_ACCESS_KEY_ID={k}\n"),
        "aws-access-key",
        k.clone(),
    );
    let k = format!("ASIA{}", r.s(B32, 16));
    case(
        e,
        "aws temp key in JSON text",
        format!(r#"{{"AccessKeyId":"{k}"}}"#),
        "aws-access-key",
        k.clone(),
    );
    let s = r.s(B64, 40);
    case(
        e,
        "aws secret in credentials file",
        format!("[default]\naws_secret_access_key = {s}\n"),
        "aws-secret-key",
        s.clone(),
    );
    case(
        e,
        "aws secret in JSON",
        format!(r#"{{"SecretAccessKey": "{s}"}}"#),
        "aws-secret-key",
        s.clone(),
    );
    let t = format!("IQoJb3JpZ2luX2Vj{}", r.s(B64, 300));
    case(
        e,
        "aws session token",
        format!("AWS_SESSION_TOKEN={t}"),
        "aws-session-token",
        t.clone(),
    );
    let k = format!("AIza{}", r.s(B64URL, 35));
    case(
        e,
        "google api key in URL",
        format!("https://maps.googleapis.com/maps/api/geocode/json?key={k}&address=x"),
        "google-api-key",
        k.clone(),
    );
    let k = format!("GOCSPX-{}", r.s(B64URL, 28));
    case(
        e,
        "google oauth client secret",
        format!("client_secret: {k}"),
        "google-oauth-client-secret",
        k.clone(),
    );
    let k = format!("ya29.{}", r.s(B64URL, 120));
    case(
        e,
        "google access token",
        format!("Bearer {k}"),
        "google-oauth-token",
        k.clone(),
    );

    let key = STANDARD.encode((0..64).map(|_| r.next() as u8).collect::<Vec<u8>>());
    let conn = format!("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={key};EndpointSuffix=core.windows.net");
    if let Some(m) = case(
        e,
        "azure connection string",
        conn,
        "azure-account-key",
        key.clone(),
    ) {
        assert!(m.verified, "64-byte account key verifies");
    }
    let key = STANDARD.encode((0..32).map(|_| r.next() as u8).collect::<Vec<u8>>());
    case(e, "azure service bus", format!("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={key}"), "azure-shared-access-key", key.clone());
    let sig = r.s(ALNUM, 43) + "%3D";
    case(e, "azure sas", format!("https://acme.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig={sig}"), "azure-sas-signature", sig.clone());
    let k = format!("{}8Q~{}", r.s(ALNUM, 3), r.s(ALNUM, 34));
    case(
        e,
        "entra client secret",
        format!("AZURE_CLIENT_SECRET={k}"),
        "azure-ad-client-secret",
        k.clone(),
    );

    for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] {
        let t = checksummed(r, prefix);
        let text =
            format!("git remote set-url origin https://x-access-token:{t}@github.com/o/r.git");
        if let Some(m) = case(e, prefix, text.clone(), "github-token", t.clone()) {
            assert!(m.verified, "{prefix} checksum verifies");
        }
        let bad = mutate(&t, 10);
        let found = find(&format!("token {bad}"));
        assert!(
            found
                .iter()
                .any(|m| m.rule == "github-token" && !m.verified),
            "a one-character change must fail verification: {found:?}"
        );
    }
    let t = format!("github_pat_{}_{}", r.s(ALNUM, 22), r.s(ALNUM, 59));
    case(
        e,
        "github fine-grained",
        format!("GH_TOKEN={t}"),
        "github-token",
        t.clone(),
    );
    let t = format!("glpat-{}", r.s(B64URL, 20));
    case(
        e,
        "gitlab pat",
        format!("PRIVATE-TOKEN: {t}"),
        "gitlab-token",
        t.clone(),
    );
    let t = format!(
        "xoxb-{}-{}-{}",
        r.s("0123456789", 12),
        r.s("0123456789", 13),
        r.s(ALNUM, 24)
    );
    case(
        e,
        "slack bot",
        format!("SLACK_BOT_TOKEN={t}"),
        "slack-token",
        t.clone(),
    );
    let t = format!(
        "xapp-1-A{}-{}-{}",
        r.s("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10),
        r.s("0123456789", 13),
        r.s(HEX, 64)
    );
    case(
        e,
        "slack app",
        format!("app_token: {t}"),
        "slack-token",
        t.clone(),
    );
    let u = format!(
        "https://hooks.slack.com/services/T{}/B{}/{}",
        r.s("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8),
        r.s("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10),
        r.s(ALNUM, 24)
    );
    case(
        e,
        "slack webhook",
        format!("curl -X POST {u} -d '{{}}'"),
        "slack-webhook",
        u.clone(),
    );
    let k = format!("sk_live_{}", r.s(ALNUM, 99));
    case(
        e,
        "stripe live",
        format!("Stripe.api_key = \"{k}\""),
        "stripe-key",
        k.clone(),
    );
    let k = format!("rk_test_{}", r.s(ALNUM, 24));
    case(
        e,
        "stripe test",
        format!("STRIPE_KEY={k}"),
        "stripe-test-key",
        k.clone(),
    );
    let k = format!("whsec_{}", r.s(ALNUM, 32));
    case(
        e,
        "stripe webhook",
        format!("endpoint_secret = '{k}'"),
        "stripe-webhook-secret",
        k.clone(),
    );
    let k = format!("sk-proj-{}T3BlbkFJ{}", r.s(B64URL, 74), r.s(B64URL, 74));
    if let Some(m) = case(
        e,
        "openai project key",
        format!("OPENAI_API_KEY={k}"),
        "openai-api-key",
        k.clone(),
    ) {
        assert!(m.verified);
    }
    let k = format!("sk-{}T3BlbkFJ{}", r.s(ALNUM, 20), r.s(ALNUM, 20));
    case(
        e,
        "openai legacy key",
        format!("openai.api_key = \"{k}\""),
        "openai-api-key",
        k.clone(),
    );
    let k = format!("sk-ant-api03-{}AA", r.s(B64URL, 93));
    case(
        e,
        "anthropic",
        format!("x-api-key: {k}"),
        "anthropic-api-key",
        k.clone(),
    );
    let t = checksummed(r, "npm_");
    if let Some(m) = case(
        e,
        "npm",
        format!("//registry.npmjs.org/:_authToken={t}"),
        "npm-token",
        t.clone(),
    ) {
        assert!(m.verified);
    }
    assert!(find(&mutate(&t, 8))
        .iter()
        .any(|m| m.rule == "npm-token" && !m.verified));
    let mut macaroon = b"\x02\x01\x08pypi.org\x02".to_vec();
    macaroon.extend((0..110).map(|_| r.next() as u8));
    let t = format!("pypi-{}", URL_SAFE_NO_PAD.encode(&macaroon));
    if let Some(m) = case(
        e,
        "pypi",
        format!("[pypi]\n  username = __token__\n  password = {t}\n"),
        "pypi-token",
        t.clone(),
    ) {
        assert!(m.verified);
    }
    let k = format!("SK{}", r.s(HEX, 32));
    case(
        e,
        "twilio api key",
        format!("TWILIO_API_KEY={k}"),
        "twilio-api-key",
        k.clone(),
    );
    let k = r.s(HEX, 32);
    case(
        e,
        "twilio auth token",
        format!("TWILIO_AUTH_TOKEN={k}"),
        "twilio-auth-token",
        k.clone(),
    );
    let k = format!("SG.{}.{}", r.s(B64URL, 22), r.s(B64URL, 43));
    case(
        e,
        "sendgrid",
        format!("sg = SendGridAPIClient('{k}')"),
        "sendgrid-api-key",
        k.clone(),
    );
    let id = URL_SAFE_NO_PAD.encode(b"112233445566778899");
    let k = format!("{id}.{}.{}", r.s(B64URL, 6), r.s(B64URL, 38));
    case(
        e,
        "discord bot",
        format!("client.run('{k}')"),
        "discord-bot-token",
        k.clone(),
    );
    let u = format!(
        "https://discord.com/api/webhooks/112233445566778899/{}",
        r.s(B64URL, 68)
    );
    case(
        e,
        "discord webhook",
        format!("webhook: {u}"),
        "discord-webhook",
        u.clone(),
    );
    let k = format!("{}:AA{}", r.s("0123456789", 10), r.s(B64URL, 33));
    case(
        e,
        "telegram",
        format!("bot = telebot.TeleBot(\"{k}\")"),
        "telegram-bot-token",
        k.clone(),
    );
    let k = format!("key-{}", r.s(HEX, 32));
    case(
        e,
        "mailgun",
        format!("auth=('api', '{k}')"),
        "mailgun-api-key",
        k.clone(),
    );
    let k = format!("shpat_{}", r.s(HEX, 32));
    case(
        e,
        "shopify",
        format!("X-Shopify-Access-Token: {k}"),
        "shopify-token",
        k.clone(),
    );
    let k = format!("hvs.{}", r.s(B64URL, 90));
    case(
        e,
        "vault",
        format!("VAULT_TOKEN={k}"),
        "vault-token",
        k.clone(),
    );
    let k = format!("dop_v1_{}", r.s(HEX, 64));
    case(
        e,
        "digitalocean",
        format!("doctl auth init -t {k}"),
        "digitalocean-token",
        k.clone(),
    );
    let t = jwt(r);
    if let Some(m) = case(
        e,
        "jwt",
        format!("Cookie: session={t}; Path=/"),
        "jwt",
        t.clone(),
    ) {
        assert!(m.verified);
    }
    let k = format!("hf_{}", r.s(ALNUM, 34));
    case(
        e,
        "huggingface",
        format!("huggingface-cli login --token {k}"),
        "huggingface-token",
        k.clone(),
    );
    let k = format!("gsk_{}", r.s(ALNUM, 52));
    case(
        e,
        "groq",
        format!("GROQ_API_KEY={k}"),
        "groq-api-key",
        k.clone(),
    );
    let k = format!("xai-{}", r.s(ALNUM, 80));
    case(
        e,
        "xai",
        format!("XAI_API_KEY={k}"),
        "xai-api-key",
        k.clone(),
    );
    let k = format!("pplx-{}", r.s(ALNUM, 48));
    case(
        e,
        "perplexity",
        format!("PPLX={k}"),
        "perplexity-api-key",
        k.clone(),
    );
    let k = format!("r8_{}", r.s(ALNUM, 37));
    case(
        e,
        "replicate",
        format!("REPLICATE_API_TOKEN={k}"),
        "replicate-api-token",
        k.clone(),
    );
    let k = age_key(r);
    if let Some(m) = case(
        e,
        "age",
        format!("# public key: age1...\n{k}\n"),
        "age-secret-key",
        k.clone(),
    ) {
        assert!(m.verified);
    }
    let bad = mutate(&k, 30);
    assert!(
        !find(&bad).iter().any(|m| m.rule == "age-secret-key"),
        "bech32 change rejected"
    );
    let k = format!("ATATT3{}", r.s(B64URL, 186));
    case(
        e,
        "atlassian",
        format!("JIRA_API_TOKEN={k}"),
        "atlassian-api-token",
        k.clone(),
    );
    let k = format!("lin_api_{}", r.s(ALNUM, 40));
    case(
        e,
        "linear",
        format!("LINEAR_API_KEY={k}"),
        "linear-api-key",
        k.clone(),
    );
    let k = format!("ntn_{}{}", r.s("0123456789", 11), r.s(ALNUM, 35));
    case(
        e,
        "notion",
        format!("NOTION_TOKEN={k}"),
        "notion-token",
        k.clone(),
    );
    let k = format!("PMAK-{}-{}", r.s(HEX, 24), r.s(HEX, 34));
    case(
        e,
        "postman",
        format!("x-api-key: {k}"),
        "postman-api-key",
        k.clone(),
    );
    let k = format!("sntryu_{}", r.s(HEX, 64));
    case(
        e,
        "sentry",
        format!("SENTRY_AUTH_TOKEN={k}"),
        "sentry-token",
        k.clone(),
    );
    let k = format!("glsa_{}_{}", r.s(ALNUM, 32), r.s(HEX, 8));
    case(
        e,
        "grafana",
        format!("Authorization: Bearer {k}"),
        "grafana-token",
        k.clone(),
    );
    let k = format!("dapi{}", r.s(HEX, 32));
    case(
        e,
        "databricks",
        format!("DATABRICKS_TOKEN={k}"),
        "databricks-token",
        k.clone(),
    );
    let k = format!("NRAK-{}", r.s("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 27));
    case(
        e,
        "newrelic",
        format!("NEW_RELIC_API_KEY={k}"),
        "newrelic-api-key",
        k.clone(),
    );
    let k = format!("pscale_tkn_{}", r.s(ALNUM, 43));
    case(
        e,
        "planetscale",
        format!("PLANETSCALE_SERVICE_TOKEN={k}"),
        "planetscale-token",
        k.clone(),
    );
    let k = format!("tskey-auth-{}-{}", r.s(ALNUM, 12), r.s(ALNUM, 33));
    case(
        e,
        "tailscale",
        format!("TS_AUTHKEY={k}"),
        "tailscale-key",
        k.clone(),
    );
    let k = format!("dp.st.{}", r.s(ALNUM, 43));
    case(
        e,
        "doppler",
        format!("DOPPLER_TOKEN={k}"),
        "doppler-token",
        k.clone(),
    );
    let k = format!("pul-{}", r.s(HEX, 40));
    case(
        e,
        "pulumi",
        format!("PULUMI_ACCESS_TOKEN={k}"),
        "pulumi-token",
        k.clone(),
    );
    let k = format!("sbp_{}", r.s(HEX, 40));
    case(
        e,
        "supabase",
        format!("SUPABASE_ACCESS_TOKEN={k}"),
        "supabase-token",
        k.clone(),
    );
    let k = format!("sq0atp-{}", r.s(B64URL, 22));
    case(
        e,
        "square",
        format!("SQUARE_ACCESS_TOKEN={k}"),
        "square-token",
        k.clone(),
    );
    let k = format!("dckr_pat_{}", r.s(B64URL, 27));
    case(
        e,
        "dockerhub",
        format!("echo {k} | docker login -u me --password-stdin"),
        "dockerhub-token",
        k.clone(),
    );
    let h = format!("$6${}${}", r.s(ALNUM, 16), r.s(ALNUM, 86));
    case(
        e,
        "shadow line",
        format!("root:{h}:19000:0:99999:7:::"),
        "password-hash",
        h.clone(),
    );

    let p = pem(r, "RSA PRIVATE KEY", "\n");
    case(
        e,
        "pem rsa",
        format!("cat id_rsa\n{p}\n"),
        "private-key",
        p.clone(),
    );
    let p = pem(r, "OPENSSH PRIVATE KEY", "\\n");
    case(
        e,
        "pem escaped newlines",
        format!(r#"{{"content":"{p}\n"}}"#),
        "private-key",
        p.clone(),
    );
    for label in [
        "EC PRIVATE KEY",
        "DSA PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY",
        "PRIVATE KEY",
        "PGP PRIVATE KEY BLOCK",
    ] {
        let p = pem(r, label, "\n");
        case(e, label, format!("x {p} y"), "private-key", p.clone());
    }
    let p = pem(r, "PRIVATE KEY", "\\n");
    let sa = format!(
        r#"{{"type": "service_account", "project_id": "p", "private_key_id": "{}", "private_key": "{p}\n", "client_email": "a@p.iam.gserviceaccount.com"}}"#,
        r.s(HEX, 40)
    );
    case(
        e,
        "gcp service account",
        sa,
        "gcp-service-account-key",
        p.clone(),
    );

    let pw = format!("Zq{}9", r.s(ALNUM, 14));
    for scheme in [
        "postgres",
        "postgresql",
        "mysql",
        "mongodb",
        "mongodb+srv",
        "redis",
        "amqp",
        "mssql",
    ] {
        case(
            e,
            scheme,
            format!("DATABASE_URL={scheme}://app:{pw}@db.internal:5432/main"),
            "database-url",
            pw.clone(),
        );
    }
    case(
        e,
        "jdbc",
        format!("url=jdbc:postgresql://app:{pw}@db/x"),
        "database-url",
        pw.clone(),
    );
    case(
        e,
        "redis no user",
        format!("redis://:{pw}@cache:6379/0"),
        "database-url",
        pw.clone(),
    );
    case(
        e,
        "https basic auth",
        format!("curl https://deploy:{pw}@registry.example.org/v2/"),
        "url-basic-auth",
        pw.clone(),
    );

    let v = r.s(ALNUM, 24);
    case(
        e,
        "env password",
        format!("DB_PASSWORD={v}\n"),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "yaml secret",
        format!("  client_secret: {v}\n"),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "json token",
        format!(r#"{{"accessToken": "{v}"}}"#),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "escaped json",
        format!(r#"{{\"api_key\": \"{v}\"}}"#),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "python",
        format!("API_KEY = '{v}'"),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "go",
        format!("secret := \"{v}\""),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "cli flag",
        format!("mytool --password {v} --verbose"),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "url query",
        format!("GET /cb?access_token={v}&state=1"),
        "generic-secret",
        v.clone(),
    );
    case(
        e,
        "bearer header",
        format!("Authorization: Bearer {v}"),
        "authorization-header",
        v.clone(),
    );
    let basic = STANDARD.encode(format!("admin:{v}"));
    if let Some(m) = case(
        e,
        "basic header",
        format!("-H 'Authorization: Basic {basic}'"),
        "authorization-header",
        basic.clone(),
    ) {
        assert!(m.verified);
    }

    for info in rules() {
        if !covered.contains(info.id) {
            errors.push(format!("rule {} has no positive case", info.id));
        }
    }
    assert!(
        errors.is_empty(),
        "{} failures:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// Near misses: shapes that resemble a rule but are not credentials (the reason follows each).
#[test]
fn near_miss_negatives() {
    let mut r = Rng(42);
    let cases: Vec<(String, &str)> = vec![
        (
            "AKIAIOSFODNN7EXAMPLE".into(),
            "AWS's documented example key",
        ),
        (format!("AKIA{}", r.s(B32, 15)), "one character short"),
        (format!("XAKIA{}", r.s(B32, 16)), "inside a longer word"),
        (
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
            "documented example",
        ),
        (
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx".into(),
            "placeholder",
        ),
        (format!("ghp_{}", r.s(ALNUM, 35)), "35 chars"),
        (format!("AIza{}", r.s(ALNUM, 30)), "too short"),
        ("sk-ant-...".into(), "truncated in docs"),
        (
            "the task-list and risk-based desk-top".into(),
            "sk- inside words",
        ),
        (
            "xoxb-not-a-real-token-this-will-not-work".into(),
            "Slack docs placeholder",
        ),
        ("eyJhbGciOiJIUzI1NiJ9".into(), "JWT header alone"),
        (
            format!("eyJub3QiOiJqd3QifQ.{}.{}", r.s(B64URL, 20), r.s(B64URL, 30)),
            "header without alg",
        ),
        (
            "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----".into(),
            "elided body",
        ),
        (
            "Look for -----BEGIN PRIVATE KEY----- markers in files.".into(),
            "prose",
        ),
        (
            "postgres://user:password@localhost:5432/db".into(),
            "placeholder password",
        ),
        (
            "mongodb+srv://<username>:<password>@cluster0.mongodb.net/".into(),
            "template",
        ),
        (
            "postgresql://postgres:postgres@localhost/test".into(),
            "password equals user",
        ),
        (
            "DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app".into(),
            "variable",
        ),
        (
            "https://example.com:8443/path?a=b".into(),
            "port, no user-info",
        ),
        (
            "mailto:user@example.com and https://github.com/user@v1".into(),
            "@ after path",
        ),
        ("password = os.environ['DB_PASSWORD']".into(), "code"),
        ("token = get_token(user_id)".into(), "code"),
        ("let token: &str = &self.token;".into(), "code"),
        ("password: ${{ secrets.DB_PASSWORD }}".into(), "CI variable"),
        ("API_KEY=<your-api-key>".into(), "placeholder"),
        ("API_KEY=your_api_key_here".into(), "placeholder"),
        ("SECRET_KEY=changeme123".into(), "placeholder"),
        ("api_key: YOUR_API_KEY".into(), "env name"),
        ("token_count: 123456789abc".into(), "not a secret name"),
        ("max_tokens=4096".into(), "not a secret name"),
        (
            "\"nextPageToken\": \"CAoQAA1234abcdEFGH\"".into(),
            "pagination",
        ),
        ("password_min_length: 12".into(), "policy"),
        ("\"password\": \"\"".into(), "empty"),
        ("secret = \"aaaaaaaaaaaaaaaaaaaa1\"".into(), "low entropy"),
        ("private_key_path: keys/server1.pem".into(), "path"),
        ("Password: enter your password below".into(), "prose"),
        ("token: 1234567890".into(), "digits only"),
        (
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC1 user@host".into(),
            "public key",
        ),
        (
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
            "digest",
        ),
        ("550e8400-e29b-41d4-a716-446655440000".into(), "bare UUID"),
        (
            "SKILLS and TASKS: ASK the DESK".into(),
            "SK in uppercase words",
        ),
        ("key-value store, monkey-patch".into(), "key- in prose"),
        (
            "git commit 3f786850e387550fdab836ed7e6dc881de23001b".into(),
            "commit hash",
        ),
    ];
    let mut errors = Vec::new();
    for (text, why) in &cases {
        let found = find(text);
        if !found.is_empty() {
            let got: Vec<String> = found
                .iter()
                .map(|m| format!("{}={:?}", m.rule, &text[m.start..m.end]))
                .collect();
            errors.push(format!("{text:?} ({why}): {got:?}"));
        }
    }
    assert!(
        errors.is_empty(),
        "{} false positives:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn redact_keeps_json_valid_and_reports_pointers() {
    let mut r = Rng(7);
    let s = SecretScanner::new();
    let gh = checksummed(&mut r, "ghp_");
    let key = pem(&mut r, "EC PRIVATE KEY", "\n");
    let pw = format!("Q{}7", r.s(ALNUM, 15));
    let mut v = json!({
        "content": [{"type": "text", "text": format!("token {gh} found\n{key}")}],
        "env": {"DB_PASSWORD": pw, "a/b~c": format!("AKIA{}", r.s(B32, 16))},
        "headers": {"Authorization": format!("Bearer {}", r.s(ALNUM, 32))},
        "ghp_key_name_is_not_scanned": 1
    });
    let reds = s.redact_json(&mut v);
    let got: Vec<(&str, &str)> = reds
        .iter()
        .map(|x| (x.pointer.as_str(), x.secret.rule))
        .collect();
    assert_eq!(
        got,
        vec![
            ("/content/0/text", "github-token"),
            ("/content/0/text", "private-key"),
            ("/env/DB_PASSWORD", "generic-secret"),
            ("/env/a~1b~0c", "aws-access-key"),
            ("/headers/Authorization", "authorization-header"),
        ]
    );
    assert_eq!(
        v["content"][0]["text"],
        "token [REDACTED:github-token] found\n[REDACTED:private-key]"
    );
    assert_eq!(v["env"]["DB_PASSWORD"], "[REDACTED:generic-secret]");
    assert_eq!(
        v["headers"]["Authorization"],
        "Bearer [REDACTED:authorization-header]"
    );
    assert!(s.find_json(&v).is_empty(), "redacted output is clean: {v}");

    // Raw JSON text (a result body carried as text) stays parseable after `redact`.
    let raw = serde_json::to_string(
        &json!({"log": format!("k={gh}\n{key}"), "pw": format!("postgres://a:{pw}@h/d")}),
    )
    .unwrap();
    let (red, found) = s.redact(&raw).expect("secrets found");
    assert_eq!(found.len(), 3, "{found:?}");
    let back: serde_json::Value = serde_json::from_str(&red).expect("still JSON");
    assert_eq!(back["pw"], "postgres://a:[REDACTED:database-url]@h/d");
    assert!(s.redact("plain text, nothing here").is_none());
}

#[test]
fn matches_are_ordered_non_overlapping_and_on_char_boundaries() {
    let mut r = Rng(99);
    let gh = checksummed(&mut r, "ghp_");
    let text = format!(
        "é GITHUB_TOKEN={gh} ü https://u:{gh}@h.io 日本 AKIA{}",
        r.s(B32, 16)
    );
    let found = find(&text);
    assert_eq!(
        found.iter().map(|m| m.rule).collect::<Vec<_>>(),
        ["github-token", "github-token", "aws-access-key"]
    );
    for w in found.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for m in &found {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}
