//! Is this configuration value a credential written in plain text?
//!
//! Two signals: a known token format (GitHub, GitLab, Slack, OpenAI, Anthropic, AWS, Google,
//! Stripe, Hugging Face, npm, PyPI, private keys, JWTs), which counts under any key; or a key that
//! names a secret (`*TOKEN*`, `*SECRET*`, `*KEY`, `*PASSWORD*`, `Authorization`, …) holding a
//! literal that looks random. References (`${VAR}`, `$VAR`, `{{…}}`), placeholders
//! (`<your-token>`, `YOUR_API_KEY`), paths and URLs are not secrets.

/// Why a value was taken for a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// A known token format (its name).
    Known(&'static str),
    /// A literal, random-looking value under a key that names a secret.
    Named,
}

/// Prefixes of token formats, the minimum length of the whole token, and their names.
const KNOWN: &[(&str, usize, &str)] = &[
    ("github_pat_", 40, "GitHub token"),
    ("ghp_", 36, "GitHub token"),
    ("gho_", 36, "GitHub token"),
    ("ghu_", 36, "GitHub token"),
    ("ghs_", 36, "GitHub token"),
    ("ghr_", 36, "GitHub token"),
    ("glpat-", 24, "GitLab token"),
    ("xoxb-", 20, "Slack token"),
    ("xoxp-", 20, "Slack token"),
    ("xoxa-", 20, "Slack token"),
    ("xoxr-", 20, "Slack token"),
    ("sk-ant-", 32, "Anthropic API key"),
    ("sk-proj-", 32, "OpenAI API key"),
    ("sk-", 32, "API secret key"),
    ("sk_live_", 24, "Stripe secret key"),
    ("rk_live_", 24, "Stripe key"),
    ("AKIA", 20, "AWS access key id"),
    ("ASIA", 20, "AWS access key id"),
    ("AIza", 39, "Google API key"),
    ("hf_", 30, "Hugging Face token"),
    ("npm_", 36, "npm token"),
    ("pypi-AgE", 40, "PyPI token"),
    ("SG.", 40, "SendGrid key"),
    ("-----BEGIN", 30, "private key"),
    ("eyJ", 40, "JSON Web Token"),
];

/// Classifies `value` found under `key` (`None` for a bare argument).
pub fn secret_kind(key: Option<&str>, value: &str) -> Option<SecretKind> {
    let v = value.trim();
    let v = strip_scheme(v);
    if is_reference(v) {
        return None;
    }
    if let Some(name) = known_format(v) {
        return Some(SecretKind::Known(name));
    }
    let key = key?;
    (names_secret(key) && !is_placeholder(v) && !is_path_or_url(v) && looks_random(v))
        .then_some(SecretKind::Named)
}

/// `Bearer x` / `Basic x` / `token x`: the credential is `x`.
fn strip_scheme(v: &str) -> &str {
    for scheme in ["Bearer ", "bearer ", "Basic ", "basic ", "token ", "Token "] {
        if let Some(rest) = v.strip_prefix(scheme) {
            return rest.trim();
        }
    }
    v
}

fn is_reference(v: &str) -> bool {
    v.is_empty()
        || v.contains("${")
        || v.contains("{{")
        || (v.starts_with('$')
            && v[1..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_'))
        || (v.len() > 2 && v.starts_with('%') && v.ends_with('%'))
}

fn known_format(v: &str) -> Option<&'static str> {
    let token_chars = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.=+/".contains(c))
    };
    for (prefix, min, name) in KNOWN {
        if !v.starts_with(prefix) || v.len() < *min {
            continue;
        }
        let ok = match *prefix {
            "-----BEGIN" => v.contains("PRIVATE KEY"),
            "AKIA" | "ASIA" => {
                v.len() == 20
                    && v.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            }
            "eyJ" => v.split('.').count() == 3 && token_chars(v),
            _ => token_chars(v) && looks_random(&v[prefix.len()..]),
        };
        if ok {
            return Some(name);
        }
    }
    None
}

/// Whether a key (env var, header, flag) names a credential.
fn names_secret(key: &str) -> bool {
    let k = key.to_ascii_uppercase().replace('-', "_");
    if k == "PWD"
        || k.ends_with("_FILE")
        || k.ends_with("_PATH")
        || k.ends_with("_URL")
        || k.ends_with("_DIR")
    {
        return false;
    }
    ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "APIKEY", "API_KEY", "PRIVATE_KEY",
     "ACCESS_KEY", "AUTH", "COOKIE", "SESSION_KEY"]
        .iter()
        .any(|w| k.contains(w))
        || k == "KEY"
        || k.ends_with("_KEY")
        // camelCase keys: `apiKey`, `accessKey`
        || (k.ends_with("KEY") && key.chars().any(|c| c.is_ascii_lowercase()))
}

fn is_placeholder(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    (v.starts_with('<') && v.ends_with('>'))
        || lower.contains("your")
        || lower.contains("changeme")
        || lower.contains("example")
        || lower.contains("xxxx")
        || lower.contains("placeholder")
        || lower.contains("redacted")
        || v.chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
}

fn is_path_or_url(v: &str) -> bool {
    v.starts_with('/')
        || v.starts_with('~')
        || v.starts_with("./")
        || v.starts_with("../")
        || v.get(1..3) == Some(":\\")
        || v.contains("://")
}

/// Long enough, several character classes, and high Shannon entropy per character.
fn looks_random(v: &str) -> bool {
    if v.len() < 12 || v.contains(char::is_whitespace) {
        return false;
    }
    let classes = [
        v.chars().any(|c| c.is_ascii_lowercase()),
        v.chars().any(|c| c.is_ascii_uppercase()),
        v.chars().any(|c| c.is_ascii_digit()),
        v.chars().any(|c| !c.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    let needed = if v.len() >= 32 { 3.5 } else { 3.0 };
    classes >= 2 && entropy(v) >= needed
}

fn entropy(v: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for c in v.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    let n = v.chars().count() as f64;
    counts
        .values()
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// A credential shown without giving it away: its first characters and its length.
pub fn redact(value: &str) -> String {
    let v = value.trim();
    let scheme_len = v.len() - strip_scheme(v).len();
    let (scheme, secret) = v.split_at(scheme_len);
    let shown: String = secret.chars().take(4).collect();
    format!("{scheme}{shown}… ({} chars)", secret.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_formats_count_under_any_key() {
        let gh = format!("ghp_{}", "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4");
        assert_eq!(
            secret_kind(None, &gh),
            Some(SecretKind::Known("GitHub token"))
        );
        assert_eq!(
            secret_kind(Some("X"), "AKIAIOSFODNN7EXAMPL3"),
            Some(SecretKind::Known("AWS access key id"))
        );
        let bearer = "Bearer sk-ant-api03-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz";
        assert_eq!(
            secret_kind(Some("Authorization"), bearer),
            Some(SecretKind::Known("Anthropic API key"))
        );
        assert_eq!(redact(bearer), "Bearer sk-a… (45 chars)");
        // a prefix alone is not a token
        assert_eq!(secret_kind(None, "sk-learn"), None);
        assert_eq!(
            secret_kind(None, "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            None
        );
    }

    #[test]
    fn secret_keys_with_random_literals_count_and_references_do_not() {
        assert_eq!(
            secret_kind(Some("API_KEY"), "q8Zr2LmX9vTb4NcY"),
            Some(SecretKind::Named)
        );
        assert_eq!(
            secret_kind(Some("apiKey"), "q8Zr2LmX9vTb4NcY"),
            Some(SecretKind::Named)
        );
        assert_eq!(
            secret_kind(Some("DB_PASSWORD"), "s3cr3t-Pa55w0rd!"),
            Some(SecretKind::Named)
        );
        for (k, v) in [
            ("API_KEY", "${API_KEY}"),
            ("API_KEY", "$API_KEY"),
            ("Authorization", "Bearer ${input:token}"),
            ("API_KEY", "<your-api-key>"),
            ("API_KEY", "YOUR_API_KEY_HERE"),
            (
                "GOOGLE_APPLICATION_CREDENTIALS",
                "/home/ada/creds/sa-1234.json",
            ),
            ("TOKEN_FILE", "q8Zr2LmX9vTb4NcY"),
            ("LOG_LEVEL", "q8Zr2LmX9vTb4NcY"),
            ("API_KEY", "short1A"),
            ("API_KEY", "aaaaaaaaaaaaaaaaaaaa"),
            ("PWD", "q8Zr2LmX9vTb4NcY"),
        ] {
            assert_eq!(secret_kind(Some(k), v), None, "{k}={v}");
        }
    }
}
