//! Language switch: a sentence in another script than the rest of the text.
//!
//! Instructions slipped into a description in another language (a Chinese sentence inside an
//! English description, or the reverse) are a known way around English-only filters. Honest
//! bilingual text exists, so this is a weak signal: it only adds weight to other findings.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cjk,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Indic,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => Script::Latin,
        0x370..=0x3FF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F => Script::Arabic,
        0x900..=0xDFF => Script::Indic,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => {
            Script::Cjk
        }
        _ => Script::Other,
    }
}

/// Returns the byte span of the first sentence whose script differs from the text's main script.
pub(crate) fn switch(text: &str, starts: &[usize]) -> Option<(usize, usize)> {
    // ASCII letters are all Latin: no sentence can be in another script.
    if text.is_ascii() {
        return None;
    }
    let mut totals = [0usize; 8];
    let mut per_sentence = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        let mut counts = [0usize; 8];
        for c in text
            .get(s..e)
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_alphabetic())
        {
            counts[script(c) as usize] += 1;
        }
        for k in 0..8 {
            totals[k] += counts[k];
        }
        per_sentence.push((s, e, counts));
    }
    let all: usize = totals.iter().sum();
    if all < 30 {
        return None;
    }
    let main = (0..8).max_by_key(|&k| totals[k])?;
    if main == Script::Other as usize {
        return None;
    }
    for (s, e, counts) in per_sentence {
        let n: usize = counts.iter().sum();
        let dom = (0..8).max_by_key(|&k| counts[k])?;
        // Count CJK characters double: one ideograph carries about a word.
        let weight = if dom == Script::Cjk as usize {
            counts[dom] * 3
        } else {
            counts[dom]
        };
        if dom != main && dom != Script::Other as usize && weight >= 15 && counts[dom] * 10 >= n * 7
        {
            return Some((s, e));
        }
    }
    None
}
