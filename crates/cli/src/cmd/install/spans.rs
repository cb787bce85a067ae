//! Byte spans of the values in a JSON text, so one entry can be rewritten in place.
//!
//! `install` must not re-serialise a client's file (that would drop comments, reorder keys and
//! change indentation): it replaces the text of two values and leaves every other byte alone.
//! serde_json gives values but no offsets, so this small parser walks the *strict* text (comments
//! and trailing commas blanked by [`crate::clients::jsonc`], which keeps offsets) and records where
//! every value starts and ends. It runs after serde_json accepted the same text, but still returns
//! an error rather than panicking on anything unexpected.

use std::ops::Range;

/// Deeper than serde_json's own limit (128), which has already accepted the text.
const MAX_DEPTH: usize = 256;

/// A value and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Object(Vec<Member>),
    Array(Vec<Node>),
    /// A string, number, `true`, `false` or `null`.
    Scalar,
}

/// One `"key": value` of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The decoded key.
    pub key: String,
    /// The key's span, quotes included.
    pub key_span: Range<usize>,
    pub value: Node,
}

impl Node {
    /// The members of an object (empty for anything else).
    pub fn members(&self) -> &[Member] {
        match &self.kind {
            Kind::Object(m) => m,
            _ => &[],
        }
    }

    /// The member named `key`; the last one if the key repeats (as serde_json reads it).
    pub fn member(&self, key: &str) -> Option<(usize, &Member)> {
        self.members()
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| m.key == key)
    }

    /// The value at an RFC 6901 pointer (`""` is the node itself).
    pub fn lookup(&self, pointer: &str) -> Option<&Node> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            node = match &node.kind {
                Kind::Object(_) => &node.member(&token)?.1.value,
                Kind::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                Kind::Scalar => return None,
            };
        }
        Some(node)
    }
}

/// Parses strict JSON text into its span tree.
pub fn parse(strict: &str) -> Result<Node, String> {
    let mut p = Parser {
        b: strict.as_bytes(),
        i: 0,
        text: strict,
    };
    p.ws();
    let root = p.value(0)?;
    p.ws();
    if p.i != p.b.len() {
        return Err(format!("unexpected text at byte {}", p.i));
    }
    Ok(root)
}

struct Parser<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected `{}` at byte {}", c as char, self.i))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, String> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply".into());
        }
        let start = self.i;
        let kind = match self.b.get(self.i) {
            Some(b'{') => Kind::Object(self.object(depth)?),
            Some(b'[') => Kind::Array(self.array(depth)?),
            Some(b'"') => {
                self.string()?;
                Kind::Scalar
            }
            Some(_) => {
                while let Some(c) = self.b.get(self.i) {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.i += 1;
                }
                if self.i == start {
                    return Err(format!("expected a value at byte {start}"));
                }
                Kind::Scalar
            }
            None => return Err("unexpected end of text".into()),
        };
        Ok(Node {
            span: start..self.i,
            kind,
        })
    }

    /// Skips a string; returns its span, quotes included.
    fn string(&mut self) -> Result<Range<usize>, String> {
        let start = self.i;
        self.expect(b'"')?;
        loop {
            match self.b.get(self.i) {
                Some(b'\\') => self.i += 2,
                Some(b'"') => {
                    self.i += 1;
                    return Ok(start..self.i);
                }
                Some(_) => self.i += 1,
                None => return Err(format!("unterminated string at byte {start}")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Vec<Member>, String> {
        self.expect(b'{')?;
        let mut members = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(members);
        }
        loop {
            self.ws();
            let key_span = self.string()?;
            let raw = self
                .text
                .get(key_span.clone())
                .ok_or("a key is not on a character boundary")?;
            let key: String = serde_json::from_str(raw)
                .map_err(|e| format!("bad key at byte {}: {e}", key_span.start))?;
            self.ws();
            self.expect(b':')?;
            self.ws();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(members);
                }
                _ => return Err(format!("expected `,` or `}}` at byte {}", self.i)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Vec<Node>, String> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(items);
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(items);
                }
                _ => return Err(format!("expected `,` or `]` at byte {}", self.i)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::jsonc::to_strict_json;

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "{\n  // c\n  \"a/b\": {\"x~y\": [1, \"two\", {\"k\": null},],},\n  \"a/b\": {\"x~y\": [true]}\n}";
        let strict = to_strict_json(text);
        let root = parse(&strict).unwrap();
        let node = root.lookup("/a~1b/x~0y").unwrap();
        assert_eq!(
            &text[node.span.clone()],
            "[true]",
            "the last duplicate wins"
        );
        let (i, m) = root.member("a/b").unwrap();
        assert_eq!((i, &text[m.key_span.clone()]), (1, "\"a/b\""));
        let first = &root.members()[0].value;
        assert_eq!(
            &text[first.lookup("/x~0y/2/k").unwrap().span.clone()],
            "null"
        );
        assert_eq!(
            &text[first.lookup("/x~0y/1").unwrap().span.clone()],
            "\"two\""
        );
        assert!(root.lookup("/nope").is_none());
        assert!(root.lookup("/a~1b/x~0y/9").is_none());
        assert_eq!(root.lookup("").unwrap().span, 0..text.len());
    }

    #[test]
    fn broken_text_is_an_error_not_a_panic() {
        for bad in [
            "", "{", "{\"a\"", "{\"a\":}", "[1,", "\"abc", "{} x", "{\"a\\", "[1 2]",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(300) + &"]".repeat(300);
        assert!(parse(&deep).is_err());
    }
}
