//! Secrets in JSON values (tool-call arguments, tool results, prompt and resource contents).
//!
//! Every string is scanned: object member values and array items, not member names. A member
//! whose *name* is secret-like (`"password"`, `"apiKey"`, `"Authorization"`) is also judged as an
//! assignment, so a random-looking value under `"password"` is found although the string alone
//! carries no name. Redaction replaces string contents only, so the document's structure cannot break. The
//! walk uses an explicit stack: a deeply nested value cannot overflow the thread's stack.

use serde_json::Value;

use super::{keyword, redact_with, SecretMatch, SecretScanner};

/// One secret found in a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// RFC 6901 JSON pointer of the string that held the secret (`/arguments/headers/Authorization`).
    pub pointer: String,
    /// The match, with offsets into the original string.
    pub secret: SecretMatch,
}

fn escape_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl SecretScanner {
    /// Secrets in every string of `value` (not member names), with the JSON pointer of each.
    pub fn find_json(&self, value: &Value) -> Vec<Redaction> {
        let mut out = Vec::new();
        let mut stack: Vec<(String, Option<&str>, &Value)> = vec![(String::new(), None, value)];
        while let Some((ptr, key, v)) = stack.pop() {
            match v {
                Value::String(s) => {
                    for m in self.find_member(key, s) {
                        out.push(Redaction {
                            pointer: ptr.clone(),
                            secret: m,
                        });
                    }
                }
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate().rev() {
                        stack.push((format!("{ptr}/{i}"), None, item));
                    }
                }
                Value::Object(map) => {
                    for (k, item) in map.iter().rev() {
                        stack.push((format!("{ptr}/{}", escape_token(k)), Some(k), item));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Redacts every secret in the strings of `value` in place (member names are left alone) and
    /// reports each one with its JSON pointer. An empty result means `value` is unchanged.
    pub fn redact_json(&self, value: &mut Value) -> Vec<Redaction> {
        let mut out = Vec::new();
        let mut stack: Vec<(String, Option<String>, &mut Value)> =
            vec![(String::new(), None, value)];
        while let Some((ptr, key, v)) = stack.pop() {
            match v {
                Value::String(s) => {
                    let found = self.find_member(key.as_deref(), s);
                    if !found.is_empty() {
                        *s = redact_with(s, &found);
                        out.extend(found.into_iter().map(|m| Redaction {
                            pointer: ptr.clone(),
                            secret: m,
                        }));
                    }
                }
                Value::Array(items) => {
                    for (i, item) in items.iter_mut().enumerate().rev() {
                        stack.push((format!("{ptr}/{i}"), None, item));
                    }
                }
                Value::Object(map) => {
                    let mut children: Vec<_> = map
                        .iter_mut()
                        .map(|(k, item)| {
                            (format!("{ptr}/{}", escape_token(k)), Some(k.clone()), item)
                        })
                        .collect();
                    children.reverse();
                    stack.extend(children);
                }
                _ => {}
            }
        }
        out
    }

    /// Matches in one string; when its member name is secret-like and no rule matched, the whole
    /// value is judged by the generic rule.
    fn find_member(&self, key: Option<&str>, s: &str) -> Vec<SecretMatch> {
        let found = self.find(s);
        if !found.is_empty() {
            return found;
        }
        let Some(rule) = key.and_then(keyword::key_rule) else {
            return found;
        };
        let (start, verified) = if rule == "authorization-header" {
            keyword::auth_value(s).unwrap_or((0, false))
        } else {
            (0, false)
        };
        let v = &s[start..];
        if keyword::plausible(v, true) {
            vec![SecretMatch {
                rule,
                start,
                end: s.len(),
                verified,
            }]
        } else {
            found
        }
    }
}
