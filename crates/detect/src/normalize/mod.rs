//! Normalisation: turn a field's raw text into the text the rules read, and report what was
//! hidden on the way.
//!
//! Attackers hide instructions from the human reviewer while keeping them legible to the model:
//! invisible Unicode (tag characters, zero-width, bidi controls), terminal escapes, HTML comments,
//! encodings, letter-spaced words, look-alike letters. The pipeline (1) strips or decodes invisible characters and folds
//! compatibility forms (`unicode`), (2) finds markup that renderers hide (`markup`), and (3) finds
//! encoded payloads to decode and rescan (`decode`), and (4) brings shouted, all-capital stretches
//! to sentence case (`case`). Hidden content is itself a finding; revealed
//! text is rescanned by the engine like any other text.
//!
//! The normalised text keeps a byte map back to the original so findings point at the real span.

mod case;
mod confusables;
pub(crate) mod decode;
mod joined;
mod leet;
pub(crate) mod markup;
mod reversed;
mod spaced;
pub(crate) mod swar;
mod typos;
pub(crate) mod unicode;

use std::borrow::Cow;

use crate::rules::catalog::{Rule, HIDDEN_SPELT_OUT};

/// Something hidden that the pipeline found (spans are in the original text).
#[derive(Debug, Clone)]
pub(crate) struct HiddenHit {
    pub rule: &'static Rule,
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub evidence: String,
}

/// Text revealed by decoding (tag characters, variation selectors, base64, ...), to be rescanned.
#[derive(Debug, Clone)]
pub(crate) struct Revealed {
    /// How it was hidden, e.g. "base64" or "Unicode tag characters".
    pub how: &'static str,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// True when the encoding is itself a hiding technique worth a finding even without rules
    /// firing in the revealed text (tag characters are reported by the cleaner already).
    pub report_plain: bool,
}

impl Revealed {
    /// Text revealed by undoing a disguise a reader sees through (letter spacing, leetspeak,
    /// reversal): rescanned, and reported only when rules fire in it.
    pub(crate) fn disguised(how: &'static str, text: String, start: usize, end: usize) -> Self {
        Revealed {
            how,
            text,
            start,
            end,
            report_plain: false,
        }
    }

    /// Whether the text was hidden by an encoding (base64, base32, hex, escapes, zero-width bits,
    /// Morse, rot13, prose URL-encoded: what `report_plain` reports), written backwards or
    /// spaced out over a whole line: an order found there is hidden whatever it orders. Not a
    /// disguise undone over a whole text (leetspeak digits, a few spaced words, joined
    /// fragments), which leaves the honest sentences around it readable, and they give orders of
    /// their own.
    pub(crate) fn encoded(&self) -> bool {
        self.report_plain || self.how == reversed::HOW || self.how == spaced::WHOLE
    }
}

/// A field's text after normalisation.
#[derive(Debug)]
pub(crate) struct Normalized<'a> {
    /// The text the rules read: invisible characters removed, compatibility forms folded,
    /// look-alike letters in mixed-script words mapped to Latin.
    pub text: Cow<'a, str>,
    /// True when the text is known to be ASCII (the cleaner found the field plain ASCII; the
    /// later steps change only the case of ASCII letters). False says nothing.
    pub ascii: bool,
    /// `map[i]` is the original byte offset of normalised byte `i`; `None` means identity.
    map: Option<Vec<u32>>,
    orig_len: usize,
    pub hidden: Vec<HiddenHit>,
    pub revealed: Vec<Revealed>,
}

impl<'a> Normalized<'a> {
    /// Maps a normalised byte range to the original text.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            None => (start, end),
            Some(map) => {
                let s = map
                    .get(start)
                    .copied()
                    .map_or(self.orig_len, |v| v as usize);
                let e = if end == 0 {
                    0
                } else {
                    map.get(end - 1)
                        .copied()
                        .map_or(self.orig_len, |v| v as usize + 1)
                };
                // The original char may be several bytes long: extend to its end (callers slice
                // the original at char boundaries).
                (s, e.max(s))
            }
        }
    }
}

/// Runs the whole pipeline over one field's text.
pub(crate) fn normalize(text: &str) -> Normalized<'_> {
    normalize_with(text, true)
}

/// The pipeline for a name, which is checked for hidden characters and markup only: encoded
/// payloads are not looked for (a name's revealed text would not be rescanned).
pub(crate) fn normalize_name(text: &str) -> Normalized<'_> {
    normalize_with(text, false)
}

fn normalize_with(text: &str, decode_payloads: bool) -> Normalized<'_> {
    let cleaned = unicode::clean(text);
    let mut n = Normalized {
        text: cleaned.text,
        ascii: cleaned.plain_ascii,
        map: cleaned.map,
        orig_len: text.len(),
        hidden: cleaned.hidden,
        revealed: cleaned.revealed,
    };
    let (hits, revealed) = markup::scan(&n.text);
    for (rule, s, e, message, evidence) in hits {
        let (os, oe) = n.orig_span(s, e);
        n.hidden.push(HiddenHit {
            rule,
            start: os,
            end: oe,
            message,
            evidence,
        });
    }
    let decoded = if decode_payloads {
        decode::find(&n.text)
    } else {
        Vec::new()
    };
    // After the decoders, which read the text as written (base64 is case-sensitive).
    if decode_payloads {
        case::fold_shouting(&mut n.text);
    }
    // A phrase spelt out letter by letter with no word gaps: the closed-up text is one long
    // word that no rule reads, so the spelling itself is the finding (session 24).
    if decoded
        .iter()
        .any(|r| r.how == spaced::HOW || r.how == spaced::WHOLE)
    {
        if let Some((s, e)) = spaced::spelt_out(&n.text) {
            let (os, oe) = n.orig_span(s, e);
            n.hidden.push(HiddenHit {
                rule: &HIDDEN_SPELT_OUT,
                start: os,
                end: oe,
                message: "a phrase spelt out letter by letter, with no gaps between its words"
                    .into(),
                evidence: excerpt(slice(&n.text, s, e), 120),
            });
        }
    }
    for r in revealed.into_iter().chain(decoded) {
        let (os, oe) = n.orig_span(r.start, r.end);
        n.revealed.push(Revealed {
            start: os,
            end: oe,
            ..r
        });
    }
    n
}

/// A comparison key for names: compatibility-folded, look-alike letters and digits mapped to the
/// Latin letters they imitate, lowercase, separators removed. `send_emaіl` (Cyrillic і), `Send-Email`
/// and `send_emai1` share a skeleton with `send_email`.
pub(crate) fn skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let mut push = |c: char| {
            let c = confusables::latin_for(c).unwrap_or(c);
            let c = match c {
                '0' => 'o',
                '1' | '|' => 'l',
                '3' => 'e',
                '5' => 's',
                _ => c,
            };
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            }
        };
        if c.is_ascii() {
            push(c);
        } else {
            unicode_normalization::char::decompose_compatible(c, &mut push);
        }
    }
    out.replace("rn", "m").replace('l', "i")
}

/// Shortens text for evidence: at most `max` chars, on a char boundary, control chars escaped.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let b = text.as_bytes();
    let head = &b[..b.len().min(max)];
    if printable_ascii(head) {
        // Printable ASCII (the common case): chars are bytes and none needs escaping.
        let mut out = String::with_capacity(head.len() + 3);
        out.push_str(&text[..head.len()]);
        if b.len() > max {
            out.push('…');
        }
        return out;
    }
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i >= max {
            out.push('…');
            break;
        }
        if c.is_control() && c != ' ' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the 8 bytes of `chunk` are all printable ASCII (0x20..0x7F), tested at once.
pub(crate) fn printable8(chunk: &[u8; 8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(*chunk);
    // "Some byte is below n" (n <= 0x80) is `(x - n per byte) & !x & HIGH != 0`, exact for the
    // word as a whole (a borrow starts only at a byte below n); DEL is the zero byte of `del`.
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let del = x ^ (ONES * 0x7F);
    let is_del = del.wrapping_sub(ONES) & !del & HIGH;
    (x & HIGH) | below_space | is_del == 0
}

/// Whether `b` is all printable ASCII (0x20..0x7F), 8 bytes at a time.
pub(crate) fn printable_ascii(b: &[u8]) -> bool {
    let chunks = b.chunks_exact(8);
    let tail = chunks.remainder();
    chunks
        .map(|c| c.try_into().unwrap_or([0; 8]))
        .all(|c| printable8(&c))
        && tail.iter().all(|c| (0x20..0x7f).contains(c))
}

/// The byte offset just past the last char of `text` that `is_delim` accepts (0 when none does):
/// where a token after it starts. The delimiter can be wider than a byte (a no-break space), so
/// the offset is not "its position + 1" (session 22: that cut a no-break space in two).
pub(crate) fn after_last(text: &str, is_delim: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|&(_, c)| is_delim(c))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// Safe slice of `text` at byte offsets that may not be char boundaries.
pub(crate) fn slice(text: &str, start: usize, end: usize) -> &str {
    let mut s = start.min(text.len());
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end.min(text.len()).max(s);
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    &text[s..e]
}

/// What a revealing pass (`leet::find`, `spaced::find`) makes of `text`: the last text it
/// reveals, if any (for those passes' tests).
#[cfg(test)]
pub(crate) fn revealed_by(find: fn(&str, &mut Vec<Revealed>), text: &str) -> Option<String> {
    let mut out = Vec::new();
    find(text, &mut out);
    out.pop().map(|r| r.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_test_agrees_with_its_definition() {
        // Every byte value at every place of the 8-byte chunk and of the tail.
        for b in 0..=255u8 {
            for at in 0..11 {
                let mut t: Vec<u8> = b"hello world".to_vec();
                t[at] = b;
                let want = t.iter().all(|c| (0x20..0x7f).contains(c));
                assert_eq!(printable_ascii(&t), want, "{t:?}");
            }
        }
    }
}
