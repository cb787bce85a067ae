//! Regions that a renderer hides: HTML comments, elements styled invisible, markdown comments.
//!
//! The atoms mark where a hiding construct starts (`Kind::Hide`); this module finds the text it
//! hides. Hidden text is normal in web pages (analytics comments, collapsed menus), so a region
//! is only reported by the judge when an instruction atom lies inside it. The extents are
//! approximate by design (no HTML parser): an element's region runs from the end of its opening
//! tag to the next closing tag, at most `MAX_REGION` bytes. Hiding through a CSS class defined
//! elsewhere in a stylesheet is not followed.

use memchr::memmem;

const MAX_REGION: usize = 4096;

/// A hidden region (byte offsets in the scanned text) and what hid it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region {
    pub start: usize,
    pub end: usize,
    pub how: &'static str,
}

/// True when `p` is inside an HTML tag (a `<` after the last `>` before it, on a short reach).
fn inside_tag(b: &[u8], p: usize) -> bool {
    let from = p.saturating_sub(600);
    let lt = memchr::memrchr(b'<', &b[from..p]).map(|x| x + from);
    let gt = memchr::memrchr(b'>', &b[from..p]).map(|x| x + from);
    match (lt, gt) {
        (Some(l), Some(g)) => l > g,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The region hidden by the construct at `start..end` (an atom of kind `Hide`).
pub(crate) fn region(text: &str, start: usize, end: usize) -> Option<Region> {
    let b = text.as_bytes();
    if b[start..].starts_with(b"<!--") {
        let body = start + 4;
        let stop = memmem::find(&b[body..(body + MAX_REGION).min(b.len())], b"-->")
            .map_or((body + MAX_REGION).min(b.len()), |p| body + p);
        return Some(Region {
            start: body,
            end: stop,
            how: "an HTML comment",
        });
    }
    if b[start] == b'[' {
        let stop = memchr::memchr(b'\n', &b[end..]).map_or(b.len(), |p| end + p);
        return Some(Region {
            start: end,
            end: stop,
            how: "a markdown comment",
        });
    }
    if !inside_tag(b, start) {
        return None;
    }
    let open_end = memchr::memchr(b'>', &b[end..(end + 1000).min(b.len())])? + end + 1;
    let limit = (open_end + MAX_REGION).min(b.len());
    let stop = memmem::find(&b[open_end..limit], b"</").map_or(limit, |p| open_end + p);
    Some(Region {
        start: open_end,
        end: stop,
        how: "invisibly styled HTML",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions() {
        let t = "a <!-- secret note --> b";
        let r = region(t, 2, 6).expect("comment");
        assert_eq!(&t[r.start..r.end], " secret note ");
        let t = r#"<p>x</p><div style="display:none">hidden words</div>"#;
        let p = t.find("display").unwrap();
        let r = region(t, p, p + 12).expect("styled");
        assert_eq!(&t[r.start..r.end], "hidden words");
        let t = "this is hidden in prose";
        assert!(region(t, 8, 14).is_none());
    }
}
