//! Finding where anchors start, without an automaton over the whole text.
//!
//! Scanning a whole text with an Aho-Corasick DFA costs a table walk per byte and a large table
//! (the content lead anchors' DFA took 1.4 MB); on clean text almost every step leads nowhere.
//! `Starts` instead looks up the pair of bytes at each position in one small table, 64 bytes
//! at a time without branches: a position can start an anchor only if it is a one-byte anchor,
//! its pair is a two-byte anchor, or its pair and the next one are the first and second pairs of
//! a longer anchor (all in any ASCII case, as the rules match). The few positions that pass are
//! looked up in hash buckets keyed by their first two, three or four bytes, where each candidate
//! anchor is compared. The result at a position is the *longest* anchor starting there, as a
//! leftmost-longest anchored automaton would report it, so callers see exactly the anchors a
//! full scan sees. Tables: 64 KiB of pair classes, about 25 KiB of buckets and 24 KiB of bit sets.
//!
//! An anchor may be marked to count *anywhere*, also inside words, while the others count only
//! at positions outside words when the caller asks so: one pass then serves a set of patterns
//! that begin their matches at word starts and a set whose anchors may lie anywhere in a match
//! (the rules' atoms need both; two passes cost twice the table walk).
//!
//! Costs, per byte of text: the pair table is indexed by the two bytes as one little-endian
//! `u16` (second byte high) and also carries the first byte's own classes, so the pass reads 8
//! bytes at once and makes one shift and one table load per byte. Per position that passes (one
//! in about 20 bytes of English prose for the content leads), a bit set of hashed anchor heads
//! rejects most before any bucket is read.

/// Anchors by where they may start and what they begin with.
pub(crate) struct Starts {
    /// Per byte value: bit 0 = a word byte (`[A-Za-z0-9_]`), and `Bits::short` of the anchor's
    /// kind = a 1-byte anchor (also for the last byte of a text, which starts no pair).
    classes: [u8; 256],
    /// Per byte pair (second byte high, in any ASCII case): the first byte's `classes`, and per
    /// kind of anchor (see `Bits`) the first two bytes of an anchor of 3 bytes or more, its
    /// second and third bytes, and a 2-byte anchor.
    pair_classes: Box<[u8; 65536]>,
    anchors: Vec<Box<[u8]>>,
    /// Per folded byte, the 1-byte anchor's index + 1 (0: none).
    one: [u32; 256],
    /// Some anchor is marked to count anywhere: only then does `for_each` compute where such
    /// anchors may start (the result scanners have none, and that is two more shifts and a
    /// pack per byte on every answer the gateway inspects).
    has_anywhere: bool,
    /// Anchors of 2 bytes, 3 bytes, and 4 bytes or more, by a hash of their first bytes.
    buckets: [Buckets; 3],
}

/// Anchors grouped by a 12-bit hash of their first bytes, the longest first within a group.
struct Buckets {
    /// How many first bytes are hashed (2, 3 or 4).
    n: usize,
    /// The 16-bit hashes of the anchors' first `n` bytes, as a bit set: most positions that pass
    /// the pair tables start no anchor, and this rejects them before the bucket is read.
    heads: Box<[u64; 1024]>,
    /// Where each bucket's items begin (4097 of them, one table per `Buckets`): `u16`, not `u32`,
    /// halves the 16 KiB per table that every gateway holds 21 of (one anchor group holds at most
    /// a few thousand anchors; `new` refuses more than 65,535).
    offsets: Box<[u16]>,
    items: Vec<Entry>,
}

/// An anchor's first (up to) 8 bytes, folded, as a little-endian word, and its index.
#[derive(Clone, Copy)]
struct Entry {
    head: u64,
    mask: u64,
    index: u32,
}

const BITS: u32 = 12;

/// The bits of `Starts::pair_classes` for one kind of anchor.
struct Bits {
    /// The first two bytes of an anchor of 3 bytes or more.
    head: u8,
    /// The second and third bytes of such an anchor.
    second: u8,
    /// A 1-byte anchor (the first byte of the pair) or a 2-byte anchor (the pair).
    short: u8,
}

/// Anchors that count only outside words when the caller asks so.
const AT_WORDS: Bits = Bits {
    head: 1,
    second: 2,
    short: 4,
};

/// Anchors that count anywhere (`Starts::with_anywhere`).
const ANYWHERE: Bits = Bits {
    head: 3,
    second: 5,
    short: 7,
};

/// Per 8 positions (bytes of `x0`, the next ones' in `x1`), whether an anchor of the kind of
/// `bits` may start there, in bit 0 of each byte.
#[inline(always)]
fn may_start(x0: u64, x1: u64, bits: &Bits) -> u64 {
    (x0 >> bits.short) | ((x0 >> bits.head) & (x1 >> bits.second))
}

impl Buckets {
    fn new(n: usize, mut entries: Vec<(usize, usize, u32)>, anchors: &[Box<[u8]>]) -> Buckets {
        // (bucket, longest first, index)
        entries.sort_unstable();
        let mut heads: Box<[u64; 1024]> = Box::new([0; 1024]);
        for &(_, _, index) in &entries {
            let h = hash(head(&anchors[index as usize]), n) >> 16;
            heads[h >> 6] |= 1 << (h & 63);
        }
        assert!(
            entries.len() <= usize::from(u16::MAX),
            "more anchors of one length group than `Buckets::offsets` can index"
        );
        let mut offsets = vec![0u16; (1 << BITS) + 1].into_boxed_slice();
        for &(b, _, _) in &entries {
            offsets[b + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        Buckets {
            n,
            heads,
            offsets,
            items: entries
                .into_iter()
                .map(|(_, _, index)| {
                    let a = &anchors[index as usize];
                    let n = a.len().min(8);
                    Entry {
                        head: head(&a[..n]),
                        mask: u64::MAX >> (64 - 8 * n),
                        index,
                    }
                })
                .collect(),
        }
    }

    /// The anchors whose first `n` bytes may be those of `word` (a folded head).
    #[inline(always)]
    fn get(&self, word: u64) -> &[Entry] {
        let h = hash(word, self.n);
        let seen = (self.heads[h >> 22] >> ((h >> 16) & 63)) & 1 != 0;
        if !seen {
            return &[];
        }
        let bucket = h >> (32 - BITS);
        &self.items[usize::from(self.offsets[bucket])..usize::from(self.offsets[bucket + 1])]
    }
}

/// Bytes that make up words (`[A-Za-z0-9_]`).
pub(crate) const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'_';
        i += 1;
    }
    t
};

/// Up to 8 bytes as a little-endian word, ASCII case folded (zero bytes past the end).
#[inline(always)]
fn head(bytes: &[u8]) -> u64 {
    // One 8-byte load when there are 8 bytes (a copy of a variable length is a `memcpy` call).
    let x = match bytes.first_chunk::<8>() {
        Some(&eight) => u64::from_le_bytes(eight),
        None => {
            let mut x = [0u8; 8];
            x[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(x)
        }
    };
    // Bytes 'A'..='Z' (high bit clear) get 0x20 added.
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let seven = x & LOW7;
    let from_a = seven + 0x3F3F_3F3F_3F3F_3F3F; // high bit set from 'A' (0x41) up
    let past_z = seven + 0x2525_2525_2525_2525; // high bit set from '[' (0x5B) up
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// A 32-bit hash of a folded head's first `n` (2 to 4) bytes; its top `BITS` bits are the
/// bucket, its top 16 the place in `Buckets::heads`.
#[inline(always)]
fn hash(head: u64, n: usize) -> usize {
    let k = (head & (u64::MAX >> (64 - 8 * n))) as u32;
    k.wrapping_mul(0x9E37_79B1) as usize
}

/// The bucket of a folded head's first `n` (2 to 4) bytes.
fn bucket(head: u64, n: usize) -> usize {
    hash(head, n) >> (32 - BITS)
}

/// The index of the pair `first`, `second` in `Starts::pair_classes`.
#[inline(always)]
fn pair(first: u8, second: u8) -> usize {
    usize::from(u16::from_le_bytes([first, second]))
}

/// Classes of each byte of `window` and of the pair it starts (except the last byte's).
#[inline(always)]
fn fill(buf: &mut [u8; 72], window: &[u8], pairs: &[u8; 65536]) {
    match <&[u8; 66]>::try_from(window) {
        // A whole chunk: eight bytes read at once, each pair cut out of them by a shift (fixed
        // bounds, so no bounds checks).
        Ok(w) => {
            for k in 0..8 {
                let x = read8(w, 8 * k);
                for j in 0..7 {
                    buf[8 * k + j] = pairs[((x >> (8 * j)) & 0xFFFF) as usize];
                }
                buf[8 * k + 7] = pairs[pair((x >> 56) as u8, w[8 * k + 8])];
            }
            buf[64] = pairs[pair(w[64], w[65])];
        }
        Err(_) => {
            for (d, two) in buf.iter_mut().zip(window.windows(2)) {
                *d = pairs[pair(two[0], two[1])];
            }
        }
    }
}

/// The 8 bytes of `buf` from `at` as a little-endian word.
#[inline(always)]
fn read8<const N: usize>(buf: &[u8; N], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&buf[at..at + 8]);
    u64::from_le_bytes(x)
}

/// Bit 0 of each of the 8 bytes of `x`, as 8 bits (byte `j` to bit `j`).
#[inline(always)]
pub(crate) fn pack(x: u64) -> u64 {
    ((x & 0x0101_0101_0101_0101).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

impl Starts {
    /// The tables for `anchors` (non-empty byte strings, matched ASCII-case-insensitively); the
    /// index of an anchor is its place in this sequence.
    pub(crate) fn new<'a>(anchors: impl IntoIterator<Item = &'a [u8]>) -> Starts {
        Starts::with_anywhere(anchors.into_iter().map(|a| (a, false)))
    }

    /// Like `new`, with each anchor marked: `true` counts anywhere, also inside words when
    /// `for_each` is asked for positions outside words.
    pub(crate) fn with_anywhere<'a>(anchors: impl IntoIterator<Item = (&'a [u8], bool)>) -> Starts {
        let (anchors, anywhere): (Vec<Box<[u8]>>, Vec<bool>) =
            anchors.into_iter().map(|(a, k)| (Box::from(a), k)).unzip();
        let mut classes = [0u8; 256];
        let mut pair_classes: Box<[u8; 65536]> = vec![0u8; 65536]
            .into_boxed_slice()
            .try_into()
            .unwrap_or_else(|_| unreachable!("65536 bytes"));
        let mut one = [0u32; 256];
        let mut entries: [Vec<(usize, usize, u32)>; 3] = Default::default();
        for ((i, a), &anywhere) in (0u32..).zip(&anchors).zip(&anywhere) {
            let bits = if anywhere { &ANYWHERE } else { &AT_WORDS };
            let mut mark = |x: u8, y: u8, bit: u8| {
                for x in [x.to_ascii_lowercase(), x.to_ascii_uppercase()] {
                    for y in [y.to_ascii_lowercase(), y.to_ascii_uppercase()] {
                        pair_classes[pair(x, y)] |= 1 << bit;
                    }
                }
            };
            match **a {
                [] => {}
                [x] => {
                    for x in [x.to_ascii_lowercase(), x.to_ascii_uppercase()] {
                        classes[usize::from(x)] |= 1 << bits.short;
                        if one[usize::from(x)] == 0 {
                            one[usize::from(x)] = i + 1;
                        }
                    }
                }
                [x, y] => {
                    mark(x, y, bits.short);
                    entries[0].push((bucket(head(a), 2), usize::MAX - 2, i));
                }
                [x, y, z, ..] => {
                    mark(x, y, bits.head);
                    mark(y, z, bits.second);
                    let (group, n) = if a.len() == 3 { (1, 3) } else { (2, 4) };
                    entries[group].push((bucket(head(a), n), usize::MAX - a.len(), i));
                }
            }
        }
        for (b, c) in classes.iter_mut().enumerate() {
            *c |= u8::from(WORD[b]);
        }
        for (i, p) in pair_classes.iter_mut().enumerate() {
            *p |= classes[i & 0xFF];
        }
        let [e2, e3, e4] = entries;
        let buckets = [
            Buckets::new(2, e2, &anchors),
            Buckets::new(3, e3, &anchors),
            Buckets::new(4, e4, &anchors),
        ];
        Starts {
            classes,
            pair_classes,
            has_anywhere: anywhere.contains(&true),
            anchors,
            one,
            buckets,
        }
    }

    /// Calls `f(position, anchor index)` with every position in `from..to` where an anchor
    /// (ending by `to`) starts and the longest such anchor, in order, until `f` returns false.
    /// With `outside_words`, positions inside a word (a word byte after a word byte) are
    /// skipped unless an anchor marked to count anywhere may start there (the callback then
    /// tells the two apart itself: the longest anchor there may be of either kind).
    #[inline]
    pub(crate) fn for_each(
        &self,
        hay: &[u8],
        from: usize,
        to: usize,
        outside_words: bool,
        mut f: impl FnMut(usize, usize) -> bool,
    ) {
        self.for_each_marked(hay, from, to, outside_words, |p, i, _| f(p, i));
    }

    /// `for_each`, telling `f` also whether the position lies inside a word (a word byte after
    /// a word byte, `p > 0 && WORD[hay[p - 1]] && WORD[hay[p]]`): the walk knows it from its
    /// masks, where the callback would read the two bytes again.
    #[inline]
    pub(crate) fn for_each_marked(
        &self,
        hay: &[u8],
        from: usize,
        to: usize,
        outside_words: bool,
        mut f: impl FnMut(usize, usize, bool) -> bool,
    ) {
        let mut prev = u64::from(from > 0 && WORD[usize::from(hay[from - 1])]);
        let mut base = from;
        // Classes of 64 bytes and the 2 after them (zero past `to`: no anchor may end there).
        let mut buf = [0u8; 72];
        while base < to {
            let end = (base + 64).min(to);
            let ahead = (base + 66).min(to);
            let n = ahead - base;
            fill(&mut buf, &hay[base..ahead], &self.pair_classes);
            let last = hay[ahead - 1];
            buf[n - 1] = match hay.get(ahead) {
                Some(&next) if ahead < to => self.pair_classes[pair(last, next)],
                _ => self.classes[usize::from(last)],
            };
            buf[n..].fill(0);
            // Per position, as bit masks (8 positions per multiply): a word byte, and whether
            // its bytes may begin an anchor.
            let (mut words, mut starts, mut anywhere) = (0u64, 0u64, 0u64);
            for k in 0..8 {
                let x0 = read8(&buf, 8 * k);
                let x1 = read8(&buf, 8 * k + 1);
                words |= pack(x0) << (8 * k);
                starts |= pack(may_start(x0, x1, &AT_WORDS)) << (8 * k);
            }
            if self.has_anywhere {
                for k in 0..8 {
                    let (x0, x1) = (read8(&buf, 8 * k), read8(&buf, 8 * k + 1));
                    anywhere |= pack(may_start(x0, x1, &ANYWHERE)) << (8 * k);
                }
            }
            if end - base < 64 {
                starts &= (1 << (end - base)) - 1;
                anywhere &= (1 << (end - base)) - 1;
            }
            let inside = words & ((words << 1) | prev);
            let mut mask = if outside_words {
                starts & !inside
            } else {
                starts
            } | anywhere;
            prev = (words >> (end - base - 1)) & 1;
            while mask != 0 {
                let k = mask.trailing_zeros();
                let p = base + k as usize;
                mask &= mask - 1;
                if let Some(i) = self.longest(hay, p, to) {
                    if !f(p, i, (inside >> k) & 1 != 0) {
                        return;
                    }
                }
            }
            base = end;
        }
    }

    /// The longest anchor that starts at `p` and ends by `to`.
    #[inline(always)]
    fn longest(&self, hay: &[u8], p: usize, to: usize) -> Option<usize> {
        let rest = &hay[p..to];
        let word = head(rest);
        for group in [2, 1, 0] {
            let buckets = &self.buckets[group];
            if rest.len() < buckets.n {
                continue;
            }
            for e in buckets.get(word) {
                if word & e.mask != e.head {
                    continue;
                }
                let a = &self.anchors[e.index as usize];
                if a.len() <= 8
                    || (a.len() <= rest.len() && rest[8..a.len()].eq_ignore_ascii_case(&a[8..]))
                {
                    return Some(e.index as usize);
                }
            }
        }
        match self.one[usize::from(rest[0])] {
            0 => None,
            i => Some(i as usize - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &Starts, hay: &[u8], words: bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        s.for_each_marked(hay, 0, hay.len(), words, |p, i, inside| {
            // (the mark is the test the callbacks made themselves)
            let by_bytes = p > 0 && WORD[usize::from(hay[p - 1])] && WORD[usize::from(hay[p])];
            assert_eq!(inside, by_bytes, "inside-word mark at {p} of {hay:?}");
            out.push((p, i));
            true
        });
        out
    }

    /// What `for_each` must report, found by trying every anchor at every position.
    fn naive(anchors: &[&[u8]], hay: &[u8], words: bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for p in 0..hay.len() {
            if words && p > 0 && WORD[usize::from(hay[p])] && WORD[usize::from(hay[p - 1])] {
                continue;
            }
            let best = (0..anchors.len())
                .filter(|&i| {
                    let a = anchors[i];
                    hay.len() - p >= a.len() && hay[p..p + a.len()].eq_ignore_ascii_case(a)
                })
                .max_by_key(|&i| (anchors[i].len(), std::cmp::Reverse(i)));
            if let Some(i) = best {
                out.push((p, i));
            }
        }
        out
    }

    #[test]
    fn agrees_with_trying_every_anchor_everywhere() {
        let anchors: [&[u8]; 9] = [
            b"the ",
            b"th",
            b"if you",
            b"ignore previous",
            b"a",
            b"<!--",
            b"--",
            "\u{e9}t\u{e9}".as_bytes(),
            b"xyzzy plugh",
        ];
        let s = Starts::new(anchors);
        // Pieces of anchors, near misses and other bytes, in a fixed pseudo-random order: long
        // enough for many whole 64-byte chunks and a ragged last one.
        let pieces: [&[u8]; 14] = [
            b"the ",
            b"TH",
            b"If You",
            b"ignore previou",
            b"ignore previous",
            b"a",
            b"<!-",
            b"<!--",
            b"-",
            " \u{e9}t\u{e9}".as_bytes(),
            b"xyzzy plug",
            b"XYZZY PLUGH",
            b" ",
            b"ta",
        ];
        let mut hay = Vec::new();
        let mut x: u32 = 12345;
        while hay.len() < 5000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            hay.extend_from_slice(pieces[(x >> 16) as usize % pieces.len()]);
        }
        for words in [true, false] {
            for to in [hay.len(), 4097, 130, 65, 64, 3] {
                assert_eq!(
                    all(&s, &hay[..to], words),
                    naive(&anchors, &hay[..to], words),
                    "words {words}, to {to}"
                );
            }
        }
    }

    #[test]
    fn anchors_marked_anywhere_count_inside_words_too() {
        let anchors: [(&[u8], bool); 6] = [
            (b"in", false),
            (b"into", true),
            (b"a", false),
            (b"ta", true),
            (b"key", true),
            (b"keyboard", false),
        ];
        let s = Starts::with_anywhere(anchors);
        let hay = b"within into data keyboard monkey x-keys taINTO";
        // Outside words every anchor counts; inside words only a position where an anchor
        // marked anywhere starts is reported, with the longest anchor there of either kind.
        let at_words: Vec<_> = naive(&anchors.map(|a| a.0), hay, true);
        let anywhere: Vec<_> = naive(&anchors.map(|a| a.0), hay, false)
            .into_iter()
            .filter(|&(p, _)| {
                at_words.iter().any(|&(q, _)| q == p)
                    || anchors.iter().any(|(a, k)| {
                        *k && hay[p..].len() >= a.len()
                            && hay[p..p + a.len()].eq_ignore_ascii_case(a)
                    })
            })
            .collect();
        assert_eq!(all(&s, hay, true), anywhere);
        // "ta" in "data", "key" in "monkey", "into" in "taINTO"; not "in" in "within", "a" in
        // "data".
        for hit in [(14, 3), (29, 4), (42, 1)] {
            assert!(anywhere.contains(&hit), "{hit:?} in {anywhere:?}");
        }
        assert!(!anywhere.iter().any(|&(p, _)| p == 4 || p == 13));
        assert_eq!(
            all(&s, hay, false),
            naive(&anchors.map(|a| a.0), hay, false)
        );
    }

    #[test]
    fn head_folds_ascii_letters_only() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8) {
            let want: Vec<u8> = chunk.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(head(chunk), head_plain(&want), "{chunk:?}");
        }
        assert_eq!(head(b"AB"), u64::from_le_bytes(*b"ab\0\0\0\0\0\0"));
        assert_eq!(head(b"Note To The AI"), u64::from_le_bytes(*b"note to "));
    }

    fn head_plain(b: &[u8]) -> u64 {
        let mut x = [0u8; 8];
        x[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(x)
    }

    #[test]
    fn pack_takes_bit_zero_of_each_byte() {
        assert_eq!(
            pack(u64::from_le_bytes([1, 0, 3, 2, 0, 1, 1, 1])),
            0b1110_0101
        );
        assert_eq!(pack(u64::MAX), 0xFF);
    }

    #[test]
    fn finds_the_longest_anchor_at_every_start_in_any_case() {
        let anchors: [&[u8]; 6] = [
            b"note",
            b"notes",
            b"ps",
            b"<",
            "passw\u{f6}rt".as_bytes(),
            b"no",
        ];
        let s = Starts::new(anchors);
        let hay = "x NOTES ps < PASSW\u{d6}RT Passw\u{f6}rt anote".as_bytes();
        let words = vec![(2, 1), (8, 2), (11, 3), (23, 4)];
        assert_eq!(all(&s, hay, true), words);
        let mut anywhere = words;
        anywhere.push((34, 0));
        assert_eq!(all(&s, hay, false), anywhere);
        // an anchor must end by `to`
        assert_eq!(all(&s, b"not", false), vec![(0, 5)]);
        assert!(all(&s, b"p", false).is_empty());
        // across the 64-byte chunks
        let long = format!("{}note{}ps", " ".repeat(62), " ".repeat(60));
        assert_eq!(all(&s, long.as_bytes(), true), vec![(62, 0), (126, 2)]);
    }
}
