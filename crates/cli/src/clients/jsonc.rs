//! JSON with comments and trailing commas (VS Code's settings, many hand-edited MCP configs).
//!
//! The text is turned into strict JSON by blanking comments and trailing commas with spaces, so
//! byte offsets and line numbers stay those of the file (parse errors point at the right line,
//! and a later rewrite of one entry can splice into the original text).

/// Returns `text` with `//` and `/* */` comments and trailing commas replaced by spaces
/// (newlines inside block comments are kept). Strings are left untouched; a leading BOM is blanked.
pub fn to_strict_json(text: &str) -> String {
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    if out.starts_with(b"\xEF\xBB\xBF") {
        out[..3].copy_from_slice(b"   ");
    }
    blank_comments(&mut out);
    blank_trailing_commas(&mut out);
    // Only ASCII bytes outside strings were replaced by ASCII spaces, so this stays UTF-8;
    // a comment containing multi-byte characters is blanked byte by byte (all ASCII spaces).
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn blank_comments(b: &mut [u8]) {
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match (c, b.get(i + 1)) {
            (b'"', _) => in_string = true,
            (b'/', Some(b'/')) => {
                while i < b.len() && b[i] != b'\n' {
                    b[i] = b' ';
                    i += 1;
                }
                continue;
            }
            (b'/', Some(b'*')) => {
                let start = i;
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                let end = (i + 2).min(b.len());
                for x in &mut b[start..end] {
                    if *x != b'\n' {
                        *x = b' ';
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

fn blank_trailing_commas(b: &mut [u8]) {
    let mut in_string = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if c == b'"' {
            in_string = true;
        } else if c == b',' {
            let next = b[i + 1..].iter().find(|x| !x.is_ascii_whitespace());
            if matches!(next, Some(b'}') | Some(b']')) {
                b[i] = b' ';
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn comments_and_trailing_commas_become_spaces() {
        let text = "\u{feff}{\n  // a comment with \"quotes\"\n  \"a\": \"http://x//y\", /* block\n comment */\n  \"b\": [1, 2,],\n  \"c\": \"/* not a comment */\\\"\",\n}\n";
        let strict = to_strict_json(text);
        assert_eq!(strict.len(), text.len());
        assert_eq!(strict.lines().count(), text.lines().count());
        let v: Value = serde_json::from_str(&strict).unwrap();
        assert_eq!(v["a"], "http://x//y");
        assert_eq!(v["b"], serde_json::json!([1, 2]));
        assert_eq!(v["c"], "/* not a comment */\"");
    }

    #[test]
    fn unterminated_comments_do_not_panic() {
        assert_eq!(to_strict_json("{} /* open").trim(), "{}");
        let s = "{\"a\": \"\\";
        assert_eq!(to_strict_json(s), s);
    }
}
