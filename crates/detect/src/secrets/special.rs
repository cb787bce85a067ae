//! Hand-written matchers for shapes a single regex handles badly: PEM private-key blocks (long,
//! possibly with `\n` escaped, labels that must match between BEGIN and END) and passwords in
//! URL user-info (scheme-dependent rule id, placeholder passwords, only the password redacted).

use memchr::memmem;

use super::check;
use super::Candidate;

/// Upper bound on one PEM block (an RSA-16384 key is ~12 KiB).
const MAX_PEM: usize = 64 * 1024;
/// A real key body has hundreds of base64 characters; `-----BEGIN … KEY-----\n...\n-----END`
/// in documentation has none.
const MIN_PEM_BODY: usize = 64;

/// A PEM private key whose `-----BEGIN ` starts at `at`.
pub(crate) fn pem(text: &str, at: usize) -> Option<Candidate> {
    let b = text.as_bytes();
    let label_start = at + "-----BEGIN ".len();
    let window = &b[label_start..b.len().min(label_start + 48)];
    let label_len = memmem::find(window, b"-----")?;
    let label = &text[label_start..label_start + label_len];
    if !label
        .bytes()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b' ')
        || !(label.ends_with("PRIVATE KEY") || label.ends_with("PRIVATE KEY BLOCK"))
    {
        return None;
    }
    let body_start = label_start + label_len + 5;
    let end_marker = format!("-----END {label}-----");
    let limit = b.len().min(body_start + MAX_PEM);
    let found = memmem::find(&b[body_start..limit], end_marker.as_bytes());
    let (body_end, end, verified) = match found {
        Some(i) if body_is_plain(&b[body_start..body_start + i]) => {
            (body_start + i, body_start + i + end_marker.len(), true)
        }
        _ => {
            // Unterminated (truncated output): take the base64 run that follows.
            let n = b[body_start..limit]
                .iter()
                .take_while(|&&c| is_body_byte(c))
                .count();
            let mut end = body_start + n;
            while end > body_start && matches!(b[end - 1], b'\\' | b' ' | b'\t' | b'\r' | b'\n') {
                end -= 1;
            }
            (end, end, false)
        }
    };
    if base64_chars(&b[body_start..body_end]) < MIN_PEM_BODY {
        return None;
    }
    let rule = if is_gcp_service_account(text, at, end) {
        "gcp-service-account-key"
    } else {
        "private-key"
    };
    Some(Candidate::new(rule, at, end, verified, 4))
}

fn is_body_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'+' | b'/' | b'=' | b'\\' | b' ' | b'\t' | b'\r' | b'\n' | b':' | b',' | b'-'
        )
}

/// Body between BEGIN and END: base64, whitespace (raw or escaped) and RFC 1421 / OpenPGP
/// headers; no quote (the END belongs to another string) and no other armor line.
fn body_is_plain(body: &[u8]) -> bool {
    !body.iter().any(|&c| c == b'"' || c == b'\'' || c == b'<')
        && memmem::find(body, b"-----").is_none()
}

/// Counts base64 characters, not counting the letter of an escaped `\n`, `\r` or `\t`.
fn base64_chars(body: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'+' || c == b'/' {
            n += 1;
        }
        i += 1;
    }
    n
}

/// A PEM block that is the `private_key` member of a Google service-account JSON key file.
fn is_gcp_service_account(text: &str, start: usize, end: usize) -> bool {
    let before = &text.as_bytes()[start.saturating_sub(40)..start];
    let lo = start.saturating_sub(4096);
    let hi = text.len().min(end + 4096);
    memmem::find(before, b"private_key").is_some()
        && memmem::find(&text.as_bytes()[lo..hi], b"service_account").is_some()
}

/// Schemes whose user-info password is a database or message-broker credential.
const DB_SCHEMES: &[&str] = &[
    "postgres",
    "postgresql",
    "mysql",
    "mysqlx",
    "mariadb",
    "mongodb",
    "mongodb+srv",
    "redis",
    "rediss",
    "valkey",
    "amqp",
    "amqps",
    "mssql",
    "sqlserver",
    "oracle",
    "clickhouse",
    "cockroachdb",
    "couchdb",
    "couchbase",
    "couchbases",
    "cassandra",
    "neo4j",
    "neo4j+s",
    "bolt",
    "nats",
    "kafka",
    "memcached",
    "influxdb",
    "db2",
    "snowflake",
    "mqtt",
    "mqtts",
    "stomp",
    "ldap",
    "ldaps",
];

/// Passwords that documentation uses in example URLs.
const URL_PLACEHOLDERS: &[&str] = &[
    "password",
    "pass",
    "passwd",
    "pwd",
    "secret",
    "pw",
    "p",
    "x",
    "xxx",
    "changeme",
    "admin",
    "root",
    "test",
    "guest",
    "user",
    "username",
    "mypassword",
    "yourpassword",
    "dbpass",
    "dbpassword",
    "foo",
    "bar",
    "token",
    "apikey",
    "api_key",
    "null",
    "none",
];

/// The password in `scheme://user:PASSWORD@host` around the `://` at `at`.
pub(crate) fn url_password(text: &str, at: usize) -> Option<Candidate> {
    let b = text.as_bytes();
    let mut s = at;
    while s > 0
        && at - s < 24
        && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'+' | b'.' | b'-'))
    {
        s -= 1;
    }
    let scheme = &text[s..at];
    if scheme.is_empty() || !scheme.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let ui_start = at + 3;
    // User-info ends at the last '@' before the authority ends.
    let mut at_sign = None;
    let mut i = ui_start;
    while i < b.len() && i - ui_start < 256 {
        match b[i] {
            b'@' => at_sign = Some(i),
            b'/' | b'?' | b'#' | b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'' | b'<' | b'>'
            | b'\\' | b'`' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b';' => break,
            _ => {}
        }
        i += 1;
    }
    let at_sign = at_sign?;
    let colon = ui_start + memchr::memchr(b':', &b[ui_start..at_sign])?;
    let user = &text[ui_start..colon];
    let pass = &text[colon + 1..at_sign];
    let host_ok = b
        .get(at_sign + 1)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'[');
    if pass.is_empty() || !host_ok || is_placeholder_password(user, pass) {
        return None;
    }
    let lower = scheme.to_ascii_lowercase();
    let base = lower.strip_prefix("jdbc:").unwrap_or(&lower);
    let rule = if DB_SCHEMES.contains(&base) {
        "database-url"
    } else {
        "url-basic-auth"
    };
    Some(Candidate::new(rule, colon + 1, at_sign, false, 2))
}

fn is_placeholder_password(user: &str, pass: &str) -> bool {
    let lower = pass.to_ascii_lowercase();
    pass == user
        || URL_PLACEHOLDERS.contains(&lower.as_str())
        || pass.starts_with('$')
        || pass.starts_with('%')
        || pass.starts_with(':')
        || pass.contains("{{")
        || pass
            .chars()
            .all(|c| c == '*' || c == 'x' || c == 'X' || c == '.')
        || check::looks_fake(pass)
}
