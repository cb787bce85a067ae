//! The JSON-RPC envelope, borrowed from the frame's text.
//!
//! Only `jsonrpc`, `id` and `method` are interpreted; `params`, `result` and `error` stay raw JSON
//! text. Unknown members are ignored here and survive in the bytes the gateway forwards. Duplicate
//! members are refused: a message whose `id` or `method` reads differently to two parsers is a
//! smuggling vector, not an ambiguity to resolve.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use crate::error::ProtoError;
use crate::limits::Limits;
use crate::scan::check_depth;

/// What kind of JSON-RPC message a frame holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Request,
    Notification,
    Response,
    ErrorResponse,
}

/// A request id in canonical JSON text (`"abc"` with quotes, or `7`), usable as a map key.
/// JSON-RPC distinguishes `"7"` from `7`, and so does this key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdKey(String);

impl IdKey {
    /// Canonicalises a raw id; `None` unless it is a string or a number.
    pub fn from_raw(raw: &str) -> Option<IdKey> {
        // Fast paths: an integer literal, or a string without escapes, is already canonical.
        let b = raw.as_bytes();
        let integer = !b.is_empty()
            && b.iter()
                .enumerate()
                .all(|(i, c)| c.is_ascii_digit() || (i == 0 && *c == b'-' && b.len() > 1));
        let plain_string = b.len() >= 2
            && b[0] == b'"'
            && b[b.len() - 1] == b'"'
            && !b[1..b.len() - 1]
                .iter()
                .any(|c| *c == b'"' || *c == b'\\' || *c < 0x20);
        if (integer && (b == b"0" || !(b.starts_with(b"0") || b.starts_with(b"-0"))))
            || plain_string
        {
            return Some(IdKey(raw.to_owned()));
        }
        match serde_json::from_str::<serde_json::Value>(raw).ok()? {
            v @ (serde_json::Value::String(_) | serde_json::Value::Number(_)) => {
                Some(IdKey(v.to_string()))
            }
            _ => None,
        }
    }

    /// The id as JSON text, ready to be written into a response.
    pub fn as_json(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IdKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The text of one JSON value of a frame that was validated whole, exactly as it was sent.
/// Parse it (`serde_json::from_str(raw.get())`) to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw<'a>(&'a str);

impl<'a> Raw<'a> {
    pub fn get(&self) -> &'a str {
        self.0
    }
}

/// One decoded JSON-RPC message, borrowing from the frame.
#[derive(Debug, Clone)]
pub struct Message<'a> {
    pub kind: Kind,
    /// The request or response id; `None` for notifications and for error responses with `id: null`.
    pub id: Option<IdKey>,
    pub method: Option<Cow<'a, str>>,
    pub params: Option<Raw<'a>>,
    pub result: Option<Raw<'a>>,
    pub error: Option<Raw<'a>>,
    /// The message's own text (one element, for a batch).
    pub raw: &'a str,
}

impl Message<'_> {
    pub fn method(&self) -> &str {
        self.method.as_deref().unwrap_or("")
    }
}

/// A frame: one message or a batch (JSON array) of messages, each decoded on its own.
#[derive(Debug)]
pub enum Decoded<'a> {
    Single(Message<'a>),
    Batch(Vec<Result<Message<'a>, (ProtoError, Option<IdKey>)>>),
}

fn raw_present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    jsonrpc: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "raw_present")]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    method: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "raw_present")]
    params: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "raw_present")]
    result: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "raw_present")]
    error: Option<&'a RawValue>,
}

fn invalid(detail: impl Into<String>) -> ProtoError {
    ProtoError::InvalidMessage {
        detail: detail.into(),
    }
}

fn json_error(e: serde_json::Error) -> ProtoError {
    match e.classify() {
        serde_json::error::Category::Data => invalid(e.to_string()),
        _ => ProtoError::NotJson {
            detail: e.to_string(),
        },
    }
}

fn check_size(bytes: &[u8], limits: &Limits) -> Result<(), ProtoError> {
    if bytes.len() > limits.max_message_bytes {
        return Err(ProtoError::TooLarge {
            size: bytes.len(),
            limit: limits.max_message_bytes,
        });
    }
    Ok(())
}

/// Validates a frame's size, UTF-8 and depth, then returns it as text.
pub fn check_frame<'a>(bytes: &'a [u8], limits: &Limits) -> Result<&'a str, ProtoError> {
    check_size(bytes, limits)?;
    let text = std::str::from_utf8(bytes).map_err(|e| ProtoError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    check_depth(bytes, limits.max_depth)?;
    Ok(text)
}

/// Validates and decodes a frame: the same result as `check_frame(bytes, limits).and_then(decode)`,
/// in one pass over the bytes for a plain single message (see [`crate::envelope`]).
pub fn decode_frame<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Decoded<'a>, ProtoError> {
    check_size(bytes, limits)?;
    match crate::envelope::scan(bytes, limits.max_depth) {
        Some(members) => {
            // `scan` validated every byte of the frame as UTF-8 (and JSON).
            let text = std::str::from_utf8(bytes).map_err(|e| ProtoError::InvalidUtf8 {
                offset: e.valid_up_to(),
            })?;
            let get = |r: Option<std::ops::Range<usize>>| r.map(|r| &text[r]);
            let fields = Fields {
                jsonrpc: get(members.jsonrpc).map(Cow::Borrowed),
                id: get(members.id),
                method: get(members.method).map(Cow::Borrowed),
                params: get(members.params),
                result: get(members.result),
                error: get(members.error),
            };
            fields.into_message(text).map(Decoded::Single)
        }
        None => check_frame(bytes, limits).and_then(decode),
    }
}

/// Decodes a frame that passed [`check_frame`] (or is otherwise known to be bounded).
pub fn decode(text: &str) -> Result<Decoded<'_>, ProtoError> {
    if text.trim_start().starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).map_err(json_error)?;
        if items.is_empty() {
            return Err(ProtoError::EmptyBatch);
        }
        let decoded = items
            .into_iter()
            .map(|raw| {
                decode_one(raw.get()).map_err(|e| {
                    let id =
                        crate::scan::top_level_id(raw.get().as_bytes()).and_then(IdKey::from_raw);
                    (e, id)
                })
            })
            .collect();
        return Ok(Decoded::Batch(decoded));
    }
    decode_one(text).map(Decoded::Single)
}

/// Decodes one message (not a batch).
pub fn decode_one(text: &str) -> Result<Message<'_>, ProtoError> {
    let env: Envelope<'_> = serde_json::from_str(text).map_err(json_error)?;
    let fields = Fields {
        jsonrpc: env.jsonrpc,
        id: env.id.map(RawValue::get),
        method: env.method,
        params: env.params.map(RawValue::get),
        result: env.result.map(RawValue::get),
        error: env.error.map(RawValue::get),
    };
    fields.into_message(text)
}

/// The envelope members as read from the text, by serde or by [`crate::envelope::scan`].
#[derive(Debug, PartialEq, Eq)]
struct Fields<'a> {
    jsonrpc: Option<Cow<'a, str>>,
    id: Option<&'a str>,
    method: Option<Cow<'a, str>>,
    params: Option<&'a str>,
    result: Option<&'a str>,
    error: Option<&'a str>,
}

impl<'a> Fields<'a> {
    /// The JSON-RPC rules on the envelope's members.
    fn into_message(self, text: &'a str) -> Result<Message<'a>, ProtoError> {
        if self.jsonrpc.as_deref() != Some("2.0") {
            return Err(invalid("\"jsonrpc\" must be \"2.0\""));
        }
        let id = match self.id {
            None => None,
            Some("null") => None,
            Some(raw) => Some(
                IdKey::from_raw(raw)
                    .ok_or_else(|| invalid("\"id\" must be a string or a number"))?,
            ),
        };
        let kind = match (&self.method, self.result, self.error) {
            (Some(_), None, None) => {
                if self.id.is_some() && id.is_none() {
                    return Err(invalid("a request \"id\" must not be null"));
                }
                if id.is_some() {
                    Kind::Request
                } else {
                    Kind::Notification
                }
            }
            (Some(_), _, _) => {
                return Err(invalid(
                    "a message with \"method\" cannot carry \"result\" or \"error\"",
                ))
            }
            (None, Some(_), None) if id.is_some() => Kind::Response,
            (None, None, Some(_)) if self.id.is_some() => Kind::ErrorResponse,
            (None, Some(_), Some(_)) => {
                return Err(invalid(
                    "a response cannot carry both \"result\" and \"error\"",
                ))
            }
            (None, Some(_), None) => return Err(invalid("a response needs an \"id\"")),
            _ => return Err(invalid("needs \"method\", \"result\" or \"error\"")),
        };
        if let Some(p) = self.params {
            if !matches!(p.as_bytes().first(), Some(b'{') | Some(b'[')) {
                return Err(invalid("\"params\" must be an object or an array"));
            }
        }
        Ok(Message {
            kind,
            id,
            method: self.method,
            params: self.params.map(Raw),
            result: self.result.map(Raw),
            error: self.error.map(Raw),
            raw: text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Message<'_> {
        match decode(text).unwrap() {
            Decoded::Single(m) => m,
            Decoded::Batch(_) => panic!("batch"),
        }
    }

    #[test]
    fn kinds() {
        let m = one(
            r#"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"x":1}},"zz":true}"#,
        );
        assert_eq!(m.kind, Kind::Request);
        assert_eq!(m.id.unwrap().as_json(), "1");
        assert_eq!(m.params.unwrap().get(), r#"{"_meta":{"x":1}}"#);
        assert_eq!(
            one(r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#).kind,
            Kind::Notification
        );
        assert_eq!(
            one(r#"{"jsonrpc":"2.0","id":"a","result":{}}"#).kind,
            Kind::Response
        );
        let e = one(r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}"#);
        assert_eq!((e.kind, e.id), (Kind::ErrorResponse, None));
    }

    #[test]
    fn ids_are_canonical_and_typed() {
        assert_ne!(IdKey::from_raw("\"7\""), IdKey::from_raw("7"));
        assert_eq!(IdKey::from_raw("\"\\u0061\""), IdKey::from_raw("\"a\""));
        assert_eq!(IdKey::from_raw("true"), None);
    }

    #[test]
    fn malformed_envelopes_are_refused() {
        for bad in [
            r#"{"jsonrpc":"1.0","id":1,"method":"x"}"#,
            r#"{"id":1,"method":"x"}"#,
            r#"{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}"#,
            r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#,
            r#"{"jsonrpc":"2.0","id":null,"method":"x"}"#,
            r#"{"jsonrpc":"2.0","id":1,"result":{},"error":{}}"#,
            r#"{"jsonrpc":"2.0","result":{}}"#,
            r#"{"jsonrpc":"2.0","id":1,"method":"x","params":3}"#,
            r#"42"#,
        ] {
            let e = decode(bad).unwrap_err();
            assert_eq!(e.kind(), "invalid_message", "{bad}: {e}");
        }
        assert_eq!(decode("{nope").unwrap_err().kind(), "not_json");
        assert_eq!(decode("[]").unwrap_err().kind(), "empty_batch");
    }

    #[test]
    fn batches_decode_each_element() {
        let Decoded::Batch(items) =
            decode(r#"[{"jsonrpc":"2.0","id":1,"method":"a"}, {"id":2}]"#).unwrap()
        else {
            panic!("not a batch")
        };
        assert!(items[0].is_ok());
        let (err, id) = items[1].as_ref().unwrap_err();
        assert_eq!(err.kind(), "invalid_message");
        assert_eq!(id.as_ref().unwrap().as_json(), "2");
    }

    #[test]
    fn frame_checks() {
        let limits = Limits {
            max_message_bytes: 10,
            max_depth: 2,
        };
        assert_eq!(
            check_frame(b"01234567890", &limits).unwrap_err().kind(),
            "too_large"
        );
        assert_eq!(
            check_frame(b"[[[]]]", &limits).unwrap_err().kind(),
            "too_deep"
        );
        assert_eq!(
            check_frame(b"\"\xff\"", &limits).unwrap_err().kind(),
            "invalid_utf8"
        );
        assert_eq!(check_frame(b"[[1]]", &limits).unwrap(), "[[1]]");
    }
}
