//! Elicitation forms that ask the user for a secret.
//!
//! `elicitation/create` lets a server put a form in front of the user. A form that asks for a
//! password, an API key, a private key, a wallet's seed phrase or card details is how a malicious
//! server phishes through a trusted client (MCP's specification says servers must not request
//! sensitive information this way). The check reads what the form asks for — the names and titles
//! of its fields, and the request's message — not the help text around them, so "do not give us
//! your PIN" in a field's description does not count.

use std::sync::OnceLock;

use regex::Regex;

use crate::labels::words;
use serde_json::Value;

/// Words that name a secret, as whole words of a field name or title (after splitting
/// `camelCase`, `snake_case` and `kebab-case`).
const SECRET_WORDS: &[&[&str]] = &[
    &["password"],
    &["passwd"],
    &["passphrase"],
    &["pwd"],
    &["secret"],
    &["api", "key"],
    &["apikey"],
    &["access", "key"],
    &["secret", "key"],
    &["private", "key"],
    &["access", "token"],
    &["auth", "token"],
    &["bearer", "token"],
    &["refresh", "token"],
    &["token"],
    &["seed", "phrase"],
    &["recovery", "phrase"],
    &["mnemonic"],
    &["credit", "card"],
    &["card", "number"],
    &["cvv"],
    &["cvc"],
    &["ssn"],
    &["social", "security"],
    &["pin"],
    &["otp"],
    &["2fa"],
    &["mfa", "code"],
    &["one", "time", "code"],
    &["verification", "code"],
    &["credentials"],
];

fn names_secret(text: &str) -> Option<&'static [&'static str]> {
    let w = words(text);
    SECRET_WORDS
        .iter()
        .copied()
        .find(|phrase| w.windows(phrase.len()).any(|win| win == *phrase))
}

fn message_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(enter|provide|type|paste|give|share|input|send|submit|confirm|need|require)\b[^.!?\n]{0,40}?\b(password|passphrase|api[ _-]?key|access[ _-]?token|auth[ _-]?token|secret[ _-]?key|private[ _-]?key|seed[ _-]?phrase|recovery[ _-]?phrase|mnemonic|credit[ _-]?card|card number|cvv|social security number)",
        )
        .expect("static regex")
    })
}

/// A negation just before the match ("do not enter your password") turns it around.
fn negated(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let w = words(&tail);
    w.iter()
        .rev()
        .take(3)
        .any(|x| matches!(x.as_str(), "not" | "never" | "don" | "dont" | "no"))
}

/// What secret an `elicitation/create` request's `params` ask the user for, if any
/// (e.g. "the field `apiKey`"). `None` when the form asks for nothing secret.
pub fn secret_request(params: &Value) -> Option<String> {
    if let Some(props) = params
        .pointer("/requestedSchema/properties")
        .and_then(Value::as_object)
    {
        for (name, schema) in props {
            if names_secret(name).is_some() {
                return Some(format!("the field `{name}`"));
            }
            if let Some(title) = schema.get("title").and_then(Value::as_str) {
                if names_secret(title).is_some() {
                    return Some(format!("the field `{name}` titled \"{title}\""));
                }
            }
        }
    }
    let message = params.get("message").and_then(Value::as_str)?;
    let m = message_pattern()
        .find_iter(message)
        .find(|m| !negated(&message[..m.start()]))?;
    Some(format!("the message asks to \"{}\"", m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::secret_request;
    use serde_json::json;

    fn form(props: serde_json::Value, message: &str) -> serde_json::Value {
        json!({ "message": message, "requestedSchema": { "type": "object", "properties": props } })
    }

    #[test]
    fn secret_fields_are_found() {
        for name in [
            "password",
            "apiKey",
            "api_key",
            "GITHUB_TOKEN",
            "seedPhrase",
            "cardNumber",
            "ssh-private-key",
        ] {
            let p = form(json!({ name: { "type": "string" } }), "Please fill in");
            assert!(secret_request(&p).is_some(), "{name}");
        }
        let titled = form(
            json!({ "value": { "type": "string", "title": "Your API Key" } }),
            "Setup",
        );
        assert!(secret_request(&titled).is_some());
        let said = form(
            json!({ "v": { "type": "string" } }),
            "To continue, please enter your AWS secret key below.",
        );
        assert!(secret_request(&said).is_some());
    }

    #[test]
    fn ordinary_forms_pass() {
        // server-everything's own test form: help text that mentions a PIN is not a request for one
        let p = form(
            json!({
                "name": { "type": "string", "title": "String", "description": "Your full, legal name" },
                "email": { "type": "string", "format": "email", "title": "String with email format" },
                "integer": { "type": "integer", "title": "Integer", "description": "Your favorite integer (do not give us your phone number, pin, or other sensitive info)" },
                "tokens": { "type": "integer", "title": "Max tokens" },
                "keyboard": { "type": "string", "title": "Keyboard layout" }
            }),
            "Please provide inputs for the following fields:",
        );
        assert_eq!(secret_request(&p), None);
        let negated = form(
            json!({ "x": { "type": "string" } }),
            "Never share your password with anyone. Which colour do you prefer?",
        );
        assert_eq!(secret_request(&negated), None);
    }
}
