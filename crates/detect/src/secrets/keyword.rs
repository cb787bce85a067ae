//! The generic rule: a secret-looking value assigned to a secret-looking name.
//!
//! Names: the identifier around a keyword hit (`DB_PASSWORD`, `githubToken`, `"api-key"`,
//! `--client-secret`) counts when its *last word* is secret-like (`password`, `token`, `secret`,
//! `api key`, …), so `token_count`, `password_policy` or `max_tokens` do not. Assignments: `=`,
//! `:`, `:=`, `=>`, a JSON member, an env line, `--flag value`. Values must look random enough:
//! long enough, letters and digits, enough Shannon entropy, no placeholder (`<your-token>`,
//! `${VAR}`, `$VAR`, `changeme`, `xxxx`, an `ENV_NAME`, a code expression, a path).
//! UUIDs are *not* excluded: several providers (Heroku, many SaaS APIs) issue UUID keys.

use super::check::{self, classes};
use super::Candidate;

/// Keyword anchors (matched in any ASCII case).
pub(crate) const ANCHORS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "secret",
    "token",
    "apikey",
    "api_key",
    "api-key",
    "key",
    "credential",
    "auth",
];

/// Last words that make a name secret-like on their own.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "passphrase",
    "secret",
    "token",
    "apikey",
    "apitoken",
    "accesstoken",
    "authtoken",
    "refreshtoken",
    "bearertoken",
    "clientsecret",
    "secretkey",
    "accesskey",
    "privatekey",
    "credential",
    "credentials",
    "auth",
];

/// Words before a final `key` that make it a secret (`api key`, `secret_key`, `signingKey`).
const KEY_QUALIFIERS: &[&str] = &[
    "api",
    "access",
    "secret",
    "private",
    "signing",
    "encryption",
    "master",
    "auth",
    "client",
    "app",
    "license",
    "account",
    "subscription",
    "shared",
    "hmac",
];

/// Words before a final `token` that make it a non-secret (pagination, counting).
const TOKEN_NOT_SECRET: &[&str] = &[
    "page",
    "next",
    "prev",
    "previous",
    "sync",
    "continuation",
    "cancellation",
    "max",
    "min",
    "num",
    "total",
    "input",
    "output",
    "prompt",
    "completion",
    "reasoning",
    "cached",
    "eos",
    "bos",
    "pad",
    "unk",
    "special",
    "start",
    "end",
    "stop",
    "sep",
    "mask",
    "cls",
];

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')
}

/// The last two words of an identifier, split at `_ - .` and camelCase humps.
fn last_words(key: &str) -> (Option<&str>, &str) {
    let b = key.as_bytes();
    let (mut prev, mut last, mut start) = (None, None, None);
    for i in 0..=b.len() {
        let alnum = i < b.len() && b[i].is_ascii_alphanumeric();
        let hump = alnum && i > 0 && b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase();
        if let Some(s) = start {
            if !alnum || hump {
                prev = last;
                last = Some(&key[s..i]);
                start = None;
            }
        }
        if alnum && start.is_none() {
            start = Some(i);
        }
    }
    (last.and(prev), last.unwrap_or(""))
}

fn eq_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Which rule a member or variable name calls for: `authorization-header`, `generic-secret`, or
/// none.
pub(crate) fn key_rule(key: &str) -> Option<&'static str> {
    let (prev, last) = last_words(key.trim_matches(|c: char| !c.is_ascii_alphanumeric()));
    if last.eq_ignore_ascii_case("authorization") {
        return Some("authorization-header");
    }
    let secret = if last.eq_ignore_ascii_case("key") {
        prev.is_some_and(|p| eq_any(p, KEY_QUALIFIERS))
    } else if last.eq_ignore_ascii_case("token") {
        !prev.is_some_and(|p| eq_any(p, TOKEN_NOT_SECRET))
    } else {
        eq_any(last, SECRET_WORDS)
    };
    secret.then_some("generic-secret")
}

/// Words inside a value that mark it as an example, not a credential (generic rule only).
const VALUE_PLACEHOLDERS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "test",
    "fake",
    "mock",
    "sample",
    "todo",
    "none",
    "null",
    "undefined",
    "true",
    "false",
    "string",
    "optional",
    "required",
];

/// Whether `v` (already unquoted) looks like a real secret rather than code, a word or a
/// placeholder.
pub(crate) fn plausible(v: &str, quoted: bool) -> bool {
    let n = v.len();
    if !(8..=512).contains(&n) || check::looks_fake(v) {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if VALUE_PLACEHOLDERS.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let first = v.as_bytes()[0];
    if matches!(
        first,
        b'$' | b'%'
            | b'<'
            | b'['
            | b'('
            | b'{'
            | b'@'
            | b'#'
            | b'*'
            | b'/'
            | b'~'
            | b'.'
            | b'&'
            | b'!'
            | b'-'
    ) || [
        "{{", "${", "}}", "::", "->", "://", "\\", "(", ")", "()", "=>",
    ]
    .iter()
    .any(|p| v.contains(p))
    {
        return false;
    }
    let c = classes(v);
    if c.space || !(c.lower || c.upper) {
        return false;
    }
    if !c.digit && !mixed_case_random(v) {
        return false;
    }
    // ENV_NAME references and dotted/underscored identifiers used as unquoted values.
    let ident = v
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
    if ident && !c.lower && v.contains('_') {
        return false;
    }
    if ident && !quoted && (v.contains('_') || v.contains('.')) {
        return false;
    }
    // A path with a file extension (`keys/server.pem`).
    if v.contains('/')
        && v.rsplit('.')
            .next()
            .is_some_and(|ext| ext.len() <= 4 && ext.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return false;
    }
    if wordy(v) {
        return false;
    }
    let distinct = {
        let mut seen = [false; 256];
        v.bytes()
            .filter(|&b| !std::mem::replace(&mut seen[b as usize], true))
            .count()
    };
    let min_entropy = if n < 16 { 2.5 } else { 3.0 };
    distinct >= 5 && check::entropy(v) >= min_entropy
}

/// Mostly made of words (`PKCS7PrivateKeyTypes`, `CorrectHorseBattery1`): runs of a capital or
/// lower-case letter followed by at least three lower-case letters cover 60% of it. Random
/// tokens almost never do.
fn wordy(v: &str) -> bool {
    let b = v.as_bytes();
    let (mut covered, mut i) = (0, 0);
    while i < b.len() {
        let start = i;
        if b[i].is_ascii_uppercase() {
            i += 1;
        }
        while i < b.len() && b[i].is_ascii_lowercase() {
            i += 1;
        }
        if i - start >= 4 {
            covered += i - start;
        }
        if i == start {
            i += 1;
        }
    }
    covered * 5 >= b.len() * 3
}

/// A letters-only value that still looks random: long, upper and lower case in similar shares
/// (camelCase identifiers and phrases are mostly lower case) and high entropy.
fn mixed_case_random(v: &str) -> bool {
    let upper = v.bytes().filter(u8::is_ascii_uppercase).count();
    let lower = v.bytes().filter(u8::is_ascii_lowercase).count();
    v.len() >= 20 && upper * 4 >= v.len() && lower * 4 >= v.len() && check::entropy(v) >= 4.0
}

/// Length of a leading HTTP auth scheme (`Bearer `, `Basic `, …) in `v`, and whether it is
/// `Basic`.
fn auth_scheme(v: &str) -> Option<(usize, bool)> {
    for scheme in ["Bearer ", "Basic ", "Token ", "Bot ", "Digest "] {
        let b = v.as_bytes();
        if b.len() > scheme.len() && b[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes()) {
            let off = scheme.len() + b[scheme.len()..].iter().take_while(|&&c| c == b' ').count();
            return Some((off, scheme == "Basic "));
        }
    }
    None
}

/// Strips an HTTP auth scheme from a header value: the credential's offset in `v` and whether it
/// verifies (`Basic` that decodes to `user:password`).
pub(crate) fn auth_value(v: &str) -> Option<(usize, bool)> {
    let (off, basic) = auth_scheme(v)?;
    Some((off, basic && basic_ok(&v[off..])))
}

fn basic_ok(cred: &str) -> bool {
    check::b64(cred.trim()).is_some_and(|d| d.contains(&b':'))
}

/// The generic match for a keyword hit at `[hs, he)`, or `None`. Returns the identifier's end too
/// so the caller skips the other keyword hits inside the same identifier.
pub(crate) fn find(text: &str, hs: usize, he: usize) -> (usize, Option<Candidate>) {
    let b = text.as_bytes();
    let mut ks = hs;
    while ks > 0 && hs - ks < 64 && is_ident_byte(b[ks - 1]) {
        ks -= 1;
    }
    let mut ke = he;
    while ke < b.len() && ke - he < 64 && is_ident_byte(b[ke]) {
        ke += 1;
    }
    let key = &text[ks..ke];
    // `AWS::IAM::AccessKey`, `arn:…:secret:name`: a namespaced name, not a variable.
    if ks > 0 && b[ks - 1] == b':' {
        return (ke, None);
    }
    let Some(rule) = key_rule(key) else {
        return (ke, None);
    };
    (ke, value_after(text, ks, ke, rule))
}

fn value_after(text: &str, ks: usize, ke: usize, rule: &'static str) -> Option<Candidate> {
    let b = text.as_bytes();
    let mut i = ke;
    // Closing quote of a quoted name (`"token":`, `\"token\":`).
    if b.get(i) == Some(&b'\\') && matches!(b.get(i + 1), Some(b'"')) {
        i += 2;
    } else if matches!(b.get(i), Some(b'"' | b'\'')) {
        i += 1;
    }
    let spaces = |mut i: usize| {
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        i
    };
    let j = spaces(i);
    let flag = text[ks..ke].starts_with("--");
    i = match (b.get(j), b.get(j + 1)) {
        (Some(b':'), Some(b'=')) | (Some(b'='), Some(b'>')) => j + 2,
        (Some(b'='), Some(b'=' | b'~')) | (Some(b':'), Some(b':')) => return None,
        (Some(b'=' | b':'), _) => j + 1,
        _ if flag && j > i => j,
        _ => return None,
    };
    i = spaces(i);
    // Python-style string prefixes.
    if matches!(b.get(i), Some(b'b' | b'r' | b'u')) && matches!(b.get(i + 1), Some(b'"' | b'\'')) {
        i += 1;
    }
    let auth = rule == "authorization-header";
    let (mut vs, ve, quoted) = match b.get(i) {
        Some(b'\\') if b.get(i + 1) == Some(&b'"') => quoted_value(b, i + 2, b'"', true)?,
        Some(&q @ (b'"' | b'\'' | b'`')) => quoted_value(b, i + 1, q, false)?,
        Some(_) => {
            // An unquoted header value keeps its scheme: `Authorization: Bearer <token>`.
            let start = i + if auth {
                auth_scheme(&text[i..]).map_or(0, |s| s.0)
            } else {
                0
            };
            let n = b[start..]
                .iter()
                .take(600)
                .take_while(|&&c| !ends_unquoted(c))
                .count();
            let mut ve = start + n;
            // A call or index (`creds[1]`, `get()`) is code; trailing `...` elides an example.
            if matches!(b.get(ve), Some(b'(' | b'[')) || text[start..ve].ends_with("..") {
                return None;
            }
            while ve > start && matches!(b[ve - 1], b'.' | b':') {
                ve -= 1;
            }
            (i, ve, false)
        }
        None => return None,
    };
    let mut verified = false;
    if auth {
        if let Some((off, basic)) = auth_scheme(&text[vs..ve]) {
            vs += off;
            verified = basic && basic_ok(&text[vs..ve]);
        }
    } else if !quoted && ve - vs < 12 && b.get(ve).is_some_and(|c| *c == b' ') {
        // `password: hunter2 is weak` — prose after a colon, not an assignment.
        return None;
    }
    plausible(&text[vs..ve], quoted || auth).then(|| Candidate::new(rule, vs, ve, verified, 1))
}

/// Bytes that end an unquoted value.
fn ends_unquoted(c: u8) -> bool {
    c.is_ascii_whitespace() || b"\"'`,;()[]{}<>&#\\".contains(&c)
}

/// A quoted value starting at `start`, up to its closing quote on the same line.
fn quoted_value(b: &[u8], start: usize, q: u8, escaped: bool) -> Option<(usize, usize, bool)> {
    let mut i = start;
    while i < b.len() && i - start <= 512 {
        match b[i] {
            b'\\' if escaped && b.get(i + 1) == Some(&q) => return Some((start, i, true)),
            b'\\' | b'\n' | b'\r' => return None,
            c if c == q && !escaped => return Some((start, i, true)),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for k in [
            "password",
            "DB_PASSWORD",
            "githubToken",
            "api_key",
            "x-api-key",
            "clientSecret",
            "--client-secret",
            "AWS_SECRET_ACCESS_KEY",
            "auth",
            "Authorization",
        ] {
            assert!(key_rule(k).is_some(), "{k}");
        }
        for k in [
            "token_count",
            "max_tokens",
            "nextPageToken",
            "password_policy",
            "key",
            "tokenizer",
            "bypass",
            "secretary",
            "monkey",
            "primary_key",
            "author",
        ] {
            assert_eq!(key_rule(k), None, "{k}");
        }
    }

    #[test]
    fn values() {
        for v in [
            "Zx8vQ2mL9pR4tW7k",
            "h7Tn2Qx9Lm4Rz8Vb",
            "a1b2c3d4e5f6a7b8c9d0",
        ] {
            assert!(plausible(v, true), "{v}");
        }
        for v in [
            "${DB_PASSWORD}",
            "$TOKEN",
            "<your-token>",
            "changeme123",
            "xxxxxxxxxxxx",
            "MY_API_TOKEN",
            "process.env.TOKEN",
            "os.environ",
            "keys/server.pem",
            "aaaaaaaa1",
            "12345678",
            "password123",
            "CorrectHorseBattery1",
            "get_token()",
            "self.token2",
        ] {
            assert!(!plausible(v, false), "{v}");
        }
    }
}
