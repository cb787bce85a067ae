//! Byte-level scans that run before (or instead of) a full parse.
//!
//! `check_depth` bounds nesting without building anything, so a hostile `[[[[…` cannot reach a
//! recursive parser. `top_level_id` recovers the `id` of a message that is too large to parse, so
//! that the sender of an oversized request — or the client waiting on an oversized response — still
//! gets an answer for the right request.

use memchr::memchr2;

use crate::error::ProtoError;

/// Index just past the closing quote of the string whose opening quote is at `open`, or `None`
/// when the input ends inside the string.
fn string_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    loop {
        let rel = memchr2(b'"', b'\\', bytes.get(i..)?)?;
        let at = i + rel;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        // A backslash escapes the next byte, whatever it is.
        i = at + 2;
    }
}

/// Fails when arrays and objects nest deeper than `max_depth` (the top-level value is depth 1).
/// Unterminated strings and stray brackets are left for the parser to report.
pub fn check_depth(bytes: &[u8], max_depth: usize) -> Result<(), ProtoError> {
    let mut depth = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => match string_end(bytes, i) {
                Some(end) => {
                    i = end;
                    continue;
                }
                None => return Ok(()),
            },
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    return Err(ProtoError::TooDeep { limit: max_depth });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    i
}

/// Index just past the JSON value starting at `i`, scanning loosely; `None` if the input ends first.
fn value_end(bytes: &[u8], i: usize) -> Option<usize> {
    match *bytes.get(i)? {
        b'"' => string_end(bytes, i),
        b'[' | b'{' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < bytes.len() {
                match bytes[j] {
                    b'"' => {
                        j = string_end(bytes, j)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < bytes.len()
                && !matches!(bytes[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
            {
                j += 1;
            }
            (j < bytes.len()).then_some(j)
        }
    }
}

/// What can be read of a message's top-level members from what may be only its beginning.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TopLevel<'a> {
    /// The raw text of `"id"`, if it is a string or a number and lies within the prefix.
    pub id: Option<&'a str>,
    /// A `"method"` member was seen: the message is a request or notification.
    pub has_method: bool,
    /// A `"result"` or `"error"` member was seen: the message is a response.
    pub has_outcome: bool,
}

/// Reads the top-level member names of a JSON object (and the value of `"id"`) from a prefix,
/// stopping quietly where the prefix ends or stops looking like an object.
pub fn top_level(prefix: &[u8]) -> TopLevel<'_> {
    let mut found = TopLevel::default();
    let mut i = skip_ws(prefix, 0);
    if prefix.get(i) != Some(&b'{') {
        return found;
    }
    i += 1;
    loop {
        i = skip_ws(prefix, i);
        if prefix.get(i) != Some(&b'"') {
            return found;
        }
        let Some(key_end) = string_end(prefix, i) else {
            return found;
        };
        let key = &prefix[i + 1..key_end - 1];
        found.has_method |= key == b"method";
        found.has_outcome |= key == b"result" || key == b"error";
        i = skip_ws(prefix, key_end);
        if prefix.get(i) != Some(&b':') {
            return found;
        }
        i = skip_ws(prefix, i + 1);
        let Some(end) = value_end(prefix, i) else {
            return found;
        };
        if key == b"id" {
            let raw = std::str::from_utf8(&prefix[i..end]).ok();
            let first = prefix.get(i).copied().unwrap_or(b' ');
            if first == b'"' || first == b'-' || first.is_ascii_digit() {
                found.id = raw;
            }
        }
        i = skip_ws(prefix, end);
        match prefix.get(i) {
            Some(b',') => i += 1,
            _ => return found,
        }
    }
}

/// The raw text of the top-level `"id"` member (see [`top_level`]).
pub fn top_level_id(prefix: &[u8]) -> Option<&str> {
    top_level(prefix).id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_only_structure_outside_strings() {
        assert!(check_depth(br#"{"a":"[[[[[[[[[[[[[["}"#, 2).is_ok());
        assert!(check_depth(br#"{"a":[[1]]}"#, 3).is_ok());
        assert_eq!(
            check_depth(br#"{"a":[[1]]}"#, 2),
            Err(ProtoError::TooDeep { limit: 2 })
        );
        assert!(check_depth(br#"{"a":"\"[[[["}"#, 1).is_ok());
        assert!(check_depth(br#"{"a":"\\"}"#, 1).is_ok());
        let deep = "[".repeat(10_000);
        assert!(check_depth(deep.as_bytes(), 64).is_err());
    }

    #[test]
    fn id_is_found_in_a_truncated_prefix() {
        let msg = br#"{"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"xxxx"#;
        assert_eq!(top_level_id(msg), Some("42"));
        let msg = br#" { "method" : "x", "params": {"id": 7, "s": "}\""}, "id" : "a\"b" , "#;
        assert_eq!(top_level_id(msg), Some(r#""a\"b""#));
        assert_eq!(top_level_id(br#"{"jsonrpc":"2.0","result":{"a":"#), None);
        assert_eq!(top_level_id(br#"{"id":null,"error":{}}"#), None);
        assert_eq!(top_level_id(br#"[{"id":1}]"#), None);
    }

    #[test]
    fn shape_of_a_truncated_message() {
        let t = top_level(br#"{"jsonrpc":"2.0","id":3,"result":{"content":[{"text":"aaaa"#);
        assert_eq!(
            (t.id, t.has_method, t.has_outcome),
            (Some("3"), false, true)
        );
        let t = top_level(br#"{"method":"sampling/createMessage","id":0,"params":{"#);
        assert_eq!(
            (t.id, t.has_method, t.has_outcome),
            (Some("0"), true, false)
        );
    }
}
