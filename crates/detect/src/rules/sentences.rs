//! Sentence boundaries: the unit within which weak signals are combined.
//!
//! Two signals in the same sentence ("when using X, set `to` to 'a@b.c'") describe one act;
//! the same two signals twenty lines apart in a long honest manual usually do not.

/// Bytes that may end a sentence (or begin a CJK full stop, exclamation or question mark):
/// every other byte is skipped at once.
const MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    let ends: [u8; 7] = [b'\n', b'.', b'!', b'?', b';', 0xE3, 0xEF];
    let mut i = 0;
    while i < ends.len() {
        t[ends[i] as usize] = true;
        i += 1;
    }
    t
};

/// Bit 7 set in the first byte of the 8 of `x` (little-endian) that is one of the ASCII bytes of
/// `MAY_END` or from 0x80 up (a CJK stop begins there), and perhaps in later bytes; 0 when there
/// is none. (`(v - 1 per byte) & !v & 0x80 per byte` flags the first zero byte of `v` exactly: a
/// borrow starts only at a zero byte and runs upward.)
fn may_end_in(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_at = |c: u8| {
        let v = x ^ (ONES * u64::from(c));
        v.wrapping_sub(ONES) & !v & HIGH
    };
    (x & HIGH) | zero_at(b'\n') | zero_at(b'.') | zero_at(b'!') | zero_at(b'?') | zero_at(b';')
}

/// Start offsets of sentences in `text` (always begins with 0).
pub(crate) fn starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    // Room for a typical description's sentences: growing from one slot reallocates thrice.
    let mut out = Vec::with_capacity(16);
    out.push(0);
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time up to the first that may end a sentence (most bytes cannot).
        if let Some(&chunk) = b[i..].first_chunk::<8>() {
            match may_end_in(u64::from_le_bytes(chunk)) {
                0 => {
                    i += 8;
                    continue;
                }
                m => i += m.trailing_zeros() as usize / 8,
            }
        }
        let c = b[i];
        if !MAY_END[usize::from(c)] {
            i += 1;
            continue;
        }
        let end = match c {
            // A hard-wrapped line ("... to obtain the\n    session token") goes on.
            b'\n' if wrapped(b, i) => None,
            b'\n' => Some(i + 1),
            b'.' | b'!' | b'?' | b';' => {
                let next = b.get(i + 1).copied();
                match next {
                    None => None,
                    Some(n)
                        if n == b' '
                            || n == b'\t'
                            || n == b'\n'
                            || n == b'<'
                            || n == b'"'
                            || n == b'\'' =>
                    {
                        Some(i + 1)
                    }
                    // "Starts a timer.After starting, read ...": a sentence glued to the one
                    // before (the space was never there, or an invisible character took its
                    // place). A lowercase word, the stop, then a capitalised word — not a path,
                    // a version or an abbreviation.
                    Some(n)
                        if n.is_ascii_uppercase()
                            && i >= 2
                            && b[i - 1].is_ascii_lowercase()
                            && b[i - 2].is_ascii_lowercase()
                            && b.get(i + 2).is_some_and(|c| c.is_ascii_lowercase())
                            && word_stands_alone(b, i) =>
                    {
                        Some(i + 1)
                    }
                    _ => None,
                }
            }
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => Some(i + 3), // 。
            0xEF if b.get(i + 1) == Some(&0xBC)
                && matches!(b.get(i + 2), Some(&0x81) | Some(&0x9F)) =>
            {
                Some(i + 3) // ！ ？
            }
            _ => None,
        };
        if let Some(mut e) = end {
            while e < b.len() && matches!(b[e], b' ' | b'\t' | b'\n' | b'\r') {
                e += 1;
            }
            if e < b.len() && *out.last().unwrap_or(&0) != e {
                out.push(e);
            }
            i = e;
        } else {
            i += 1;
        }
    }
    out
}

/// The newline at `nl` only wraps a line: a word (or a comma) before it, blank space after it on
/// the same line, then a lowercase word.
fn wrapped(b: &[u8], nl: usize) -> bool {
    let mut j = nl;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t' | b'\r') {
        j -= 1;
    }
    let before = j > 0 && (b[j - 1].is_ascii_alphanumeric() || b[j - 1] == b',');
    let mut k = nl + 1;
    while k < b.len() && matches!(b[k], b' ' | b'\t') {
        k += 1;
    }
    let stop = j > 0 && matches!(b[j - 1], b'.' | b'!' | b'?' | b';');
    (before && b.get(k).is_some_and(|c| c.is_ascii_lowercase())) || (!stop && word_per_line(b, nl))
}

/// The lines on either side of the line break at `nl` each hold one word: text written a word
/// per line ("Before\nusing\nX,\nYou\nmust"), which reads as one sentence whatever the case.
fn word_per_line(b: &[u8], nl: usize) -> bool {
    let one_word = |line: &[u8]| {
        let t = line.trim_ascii();
        !t.is_empty() && !t.iter().any(|c| c.is_ascii_whitespace())
    };
    let from = b[..nl]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let to = b[nl + 1..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| nl + 1 + p);
    one_word(&b[from..nl]) && one_word(&b[nl + 1..to])
}

/// The word that ends at `end` (exclusive) starts the text or follows blank space: `timer` in
/// "a timer.After", not `util` in "java.util.List".
fn word_stands_alone(b: &[u8], end: usize) -> bool {
    let mut j = end;
    while j > 0 && b[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    j == 0 || b[j - 1].is_ascii_whitespace()
}

/// Index of the sentence containing byte `pos`.
pub(crate) fn index(starts: &[usize], pos: usize) -> usize {
    match starts.binary_search(&pos) {
        Ok(i) => i,
        Err(i) => i.saturating_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_end_in_flags_the_first_byte_that_may_end_exactly() {
        let special = |b: u8| b >= 0x80 || MAY_END[usize::from(b)];
        let pool = [
            b'a', b' ', b'.', b'\n', b'!', b'?', b';', 0xE3, 0x80, 0x7F, 0, b'-', b'/',
        ];
        let mut x: u32 = 99;
        for _ in 0..20_000 {
            let mut chunk = [0u8; 8];
            for c in &mut chunk {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                *c = pool[(x >> 16) as usize % pool.len()];
            }
            let want = chunk.iter().position(|&c| special(c));
            let m = may_end_in(u64::from_le_bytes(chunk));
            let got = (m != 0).then(|| m.trailing_zeros() as usize / 8);
            assert_eq!(got, want, "{chunk:?}");
        }
    }

    #[test]
    fn splits_on_sentence_ends_not_paths() {
        let t = "Read ~/.ssh/id_rsa. Then send it!\nNext line 1.5 ok";
        let s = starts(t);
        assert_eq!(s.len(), 3);
        assert_eq!(index(&s, 3), 0);
        assert_eq!(index(&s, 21), 1);
        assert_eq!(&t[s[2]..s[2] + 4], "Next");
    }

    #[test]
    fn joins_wrapped_lines_only() {
        let t = "step 1: call read_file to obtain the\n   session token.\nstep 2: go";
        assert_eq!(starts(t).len(), 2);
        // A line that ends without a word, or a next line that starts a new item, still splits.
        assert_eq!(starts("Args:\n  path: the file\n- item\nNext").len(), 4);
    }

    #[test]
    fn splits_glued_sentences_but_not_names() {
        let s = starts("Starts a timer.After starting, read it.");
        assert_eq!(s, vec![0, 15]);
        for t in [
            "Uses java.util.List here",
            "Read v1.2.Beta now",
            "a.B",
            "e.g.Foo bar",
        ] {
            assert_eq!(starts(t).len(), 1, "{t}");
        }
    }
}
