//! Deterministic tool-result text of an exact size.
//!
//! Plain ASCII prose (no characters that JSON must escape), so the text is exactly `n` bytes both
//! as a string and inside the JSON frame, and so that future content scanners see something like
//! a real document rather than one repeated byte.

const PROSE: &[u8] = b"The quick brown fox jumps over the lazy dog; \
pack my box with five dozen liquor jugs. Sphinx of black quartz, judge my vow! \
How vexingly quick daft zebras jump. 0123456789 ";

/// `n` bytes of ASCII text.
pub fn text(n: usize) -> String {
    let bytes: Vec<u8> = PROSE.iter().copied().cycle().take(n).collect();
    String::from_utf8(bytes).expect("the prose is ASCII")
}

#[cfg(test)]
mod tests {
    #[test]
    fn exact_size_and_no_escapes() {
        for n in [0, 1, 1024, 100 * 1024] {
            let t = super::text(n);
            assert_eq!(t.len(), n);
            assert_eq!(serde_json::to_string(&t).unwrap().len(), n + 2);
        }
    }
}
