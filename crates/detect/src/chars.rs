//! Character classes for hidden content, shared by the tool-metadata normaliser
//! (`normalize::unicode`) and the result scanner (`content::hidden`), so the two cannot drift
//! apart on what counts as invisible.

/// Unicode tag characters (U+E0000–E007F): invisible, and they map one to one onto ASCII.
pub(crate) fn is_tag(c: char) -> bool {
    ('\u{E0000}'..='\u{E007F}').contains(&c)
}

/// The byte a variation selector stands for in the "emoji smuggling" encoding (VS1–VS16 are
/// 0–15, VS17–VS256 are 16–255).
pub(crate) fn variation_value(c: char) -> Option<u8> {
    let u = c as u32;
    match u {
        0xFE00..=0xFE0F => Some((u - 0xFE00) as u8),
        0xE0100..=0xE01EF => Some((u - 0xE0100 + 16) as u8),
        _ => None,
    }
}

/// Characters that take no space: zero-width space/joiners, word joiner and invisible operators,
/// BOM, soft hyphen, Mongolian vowel separator, combining grapheme joiner, Hangul fillers and
/// the Khmer inherent vowels that render as nothing.
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
            ..='\u{2064}'
                | '\u{FEFF}'
                | '\u{180E}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{FFA0}'
                | '\u{17B4}'
                | '\u{17B5}'
    )
}

/// Bidirectional embeddings, overrides and isolates: they reorder what a human sees.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
