//! What may follow an anchor for a `Start` pattern to match from it: a filter that spares most
//! anchored searches.
//!
//! The common anchors ("the", "in", "to", "you", quotes) start a pattern's match rarely: the
//! anchored search reads the anchor, perhaps the spaces after it, and dies on the next byte
//! ("in the ..." for `\b(in|into|to)\s+(every|each|all|any)\s+...`). Each such search costs a
//! start-state look-up and a few transitions, ~180 instructions; most of a clean tool's atom
//! time went there. So, once per (pattern, anchor), the first time the anchor occurs in a scanned
//! text, the pattern's own lazy DFA is walked over the anchor, from each start state an anchor may
//! see (the look-behind classes), and the bytes that do not kill it next are noted, and, when
//! every whitespace byte leads to one state that
//! whitespace keeps (`\s+`), the bytes that may follow the run of whitespace. A search is run
//! only when the text's next bytes are among them. This is exact, not a heuristic: a byte
//! outside the set leads the DFA to its dead state with no match seen on the way (the filter is
//! not built when a match could end inside the anchor or the whitespace, or when the upper and
//! lower case of a letter of the anchor lead the DFA to different states, so that the text's
//! case of the anchor could lead elsewhere). The anchors test in `atoms` compares the result with plain
//! searches.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::util::start;
use regex_automata::Anchored;

use crate::starts::WORD;

/// The bytes `\s` matches with Unicode off.
const SPACE: [u8; 6] = [b'\t', b'\n', 0x0B, 0x0C, b'\r', b' '];

/// Whether `b` is one of `SPACE` (a `match`: `contains` on a slice calls `memchr`).
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// A set of bytes.
#[derive(Clone, Copy, Default)]
struct Bytes([u64; 4]);

impl Bytes {
    const ALL: Bytes = Bytes([u64::MAX; 4]);

    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }
    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] >> (b & 63) & 1 != 0
    }
    fn union(self, other: Bytes) -> Bytes {
        let mut u = self;
        for (a, b) in u.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        u
    }
}

/// What may follow one anchor of one `Start` pattern (see the module docs).
#[derive(Clone, Copy)]
pub(crate) struct Follow {
    /// The bytes after the anchor that do not kill the DFA.
    next: Bytes,
    /// When whitespace after the anchor leads to one state that whitespace keeps: the bytes
    /// after the run of whitespace that do not kill the DFA; otherwise all bytes.
    after_space: Bytes,
    /// The anchor's length in bytes.
    len: u32,
}

impl Follow {
    /// The filter for `anchor` (lowercase, as the specs list it) of the pattern compiled as
    /// `dfa`, or `None` when it cannot be exact (see the module docs) or the lazy DFA fails.
    /// `cache` is a cache of `dfa` (the searches' own will do: a clear while the filter is made,
    /// which would make its state comparisons meaningless, yields `None`).
    pub(crate) fn of(dfa: &DFA, cache: &mut Cache, anchor: &[u8]) -> Option<Follow> {
        let clears = cache.clear_count();
        // The start states an anchor may see: at the start of the text, after a non-word byte,
        // a line feed or a carriage return, and, for an anchor that does not begin with a word
        // byte, after a word byte (one that does is reported only outside words). Most patterns
        // have one start state for several of these: each is walked once.
        let word_start = anchor.first().is_some_and(|&b| WORD[usize::from(b)]);
        let mut seen: Vec<LazyStateID> = Vec::new();
        let mut all: Option<Follow> = None;
        for look_behind in [None, Some(b'.'), Some(b'\n'), Some(b'\r'), Some(b'a')] {
            if word_start && look_behind == Some(b'a') {
                continue;
            }
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(look_behind);
            let sid = dfa.start_state(cache, &config).ok()?;
            if seen.contains(&sid) {
                continue;
            }
            seen.push(sid);
            let f = Follow::from_start(dfa, cache, anchor, sid)?;
            all = Some(match all {
                None => f,
                Some(a) => a.union(f)?,
            });
        }
        // Cleared state ids would make the comparisons above meaningless.
        (cache.clear_count() == clears).then_some(all).flatten()
    }

    /// A filter for an anchor of `len` bytes that allows everywhere (as no filter does).
    pub(crate) fn anything(len: usize) -> Follow {
        Follow {
            len: len as u32,
            next: Bytes::ALL,
            after_space: Bytes::ALL,
        }
    }

    /// A filter that allows wherever `self` or `other` does, for one anchor; `None` for
    /// anchors of different lengths.
    pub(crate) fn union(self, other: Follow) -> Option<Follow> {
        (self.len == other.len).then(|| Follow {
            len: self.len,
            next: self.next.union(other.next),
            after_space: self.after_space.union(other.after_space),
        })
    }

    /// The filter for `anchor` from the start state `sid`.
    fn from_start(
        dfa: &DFA,
        cache: &mut Cache,
        anchor: &[u8],
        mut sid: LazyStateID,
    ) -> Option<Follow> {
        for &b in anchor {
            // The text may hold the anchor in any case: both cases of a letter must lead to one
            // state (then any mix of cases does).
            let other = dfa.next_state(cache, sid, b.to_ascii_uppercase()).ok()?;
            sid = dfa.next_state(cache, sid, b).ok()?;
            if other != sid {
                return None;
            }
            if sid.is_dead() {
                // This pattern never matches from this anchor.
                return Some(Follow {
                    len: anchor.len() as u32,
                    next: Bytes::default(),
                    after_space: Bytes::default(),
                });
            }
            if !sid.is_tagged() {
                continue;
            }
            // A match ending inside the anchor, or a state the filter does not reason about.
            return None;
        }
        let next = alive_after(dfa, cache, sid)?;
        // One state for all whitespace after the anchor, kept by further whitespace.
        let spaced = dfa.next_state(cache, sid, b' ').ok()?;
        let mut after_space = Bytes::ALL;
        if !spaced.is_tagged() {
            let mut same = true;
            for &w in &SPACE {
                same &= dfa.next_state(cache, sid, w).ok()? == spaced;
                same &= dfa.next_state(cache, spaced, w).ok()? == spaced;
            }
            if same {
                after_space = alive_after(dfa, cache, spaced)?;
            }
        }
        Some(Follow {
            len: anchor.len() as u32,
            next,
            after_space,
        })
    }

    /// `allows` with what follows the anchor read once for all of its filters (`next` is
    /// `Next::at(hay, p + len)` for the anchor's length `len`): the same answer.
    #[inline]
    pub(crate) fn allows_next(&self, next: Next, hay: &[u8], p: usize) -> bool {
        if self.len as usize != next.len {
            // (a spec whose own anchor is a shorter prefix of the one found here)
            return self.allows(hay, p);
        }
        let Some(b) = next.byte else {
            return true;
        };
        if !self.next.contains(b) {
            return false;
        }
        next.after_space
            .is_none_or(|c| self.after_space.contains(c))
    }

    /// Whether a match may start at `p`, where this anchor occurs in `hay` (in any case).
    #[inline]
    pub(crate) fn allows(&self, hay: &[u8], p: usize) -> bool {
        let q = p + self.len as usize;
        let Some(&b) = hay.get(q) else {
            return true;
        };
        if !self.next.contains(b) {
            return false;
        }
        if !is_space(b) {
            return true;
        }
        let rest = &hay[q + 1..];
        match rest.iter().position(|&c| !is_space(c)) {
            Some(k) => self.after_space.contains(rest[k]),
            // The text ends in whitespace: the end of input may match.
            None => true,
        }
    }
}

/// The filters of one anchor's specs read as one table (`Table::allowed`): which of them let
/// what follows the anchor through (the next byte and, after whitespace, the first byte past
/// it) is two look-ups, where each filter tested it in turn (an anchor such as "the" leads a
/// dozen specs; ~140 filter tests per tool).
pub(crate) struct Table {
    /// Per byte, its class: bytes that the same filters let through, in both places, share one.
    class: Box<[u8; 256]>,
    /// Per class, the filters of `exact` (bit `i`: the `i`-th) whose `next` holds its bytes.
    next: Box<[u64]>,
    /// Per class, the filters of `exact` whose `after_space` holds its bytes.
    after_space: Box<[u64]>,
    /// The filters of the anchor's own length. The others (a spec whose own anchor is a
    /// shorter prefix of this one) read the text themselves (`Follow::allows`).
    exact: u64,
    /// The filters not in `exact`.
    inexact: u64,
}

impl Table {
    /// The table of `filters` for an anchor of `len` bytes; `None` unless there are 2 to 64
    /// (one filter is read as fast without a table, which would hold ~300 bytes for it).
    pub(crate) fn new(filters: &[(u16, Follow)], len: usize) -> Option<Table> {
        if !(2..=64).contains(&filters.len()) {
            return None;
        }
        let (mut exact, mut inexact) = (0u64, 0u64);
        for (i, (_, f)) in filters.iter().enumerate() {
            if f.len as usize == len {
                exact |= 1 << i;
            } else {
                inexact |= 1 << i;
            }
        }
        let mut class = Box::new([0u8; 256]);
        let mut pairs: Vec<(u64, u64)> = Vec::new();
        for b in 0..=255u8 {
            let (n, a) = filters
                .iter()
                .enumerate()
                .fold((0u64, 0u64), |(n, a), (i, (_, f))| {
                    (
                        n | u64::from(f.next.contains(b)) << i,
                        a | u64::from(f.after_space.contains(b)) << i,
                    )
                });
            let pair = (n & exact, a & exact);
            let k = pairs.iter().position(|&q| q == pair).unwrap_or_else(|| {
                pairs.push(pair);
                pairs.len() - 1
            });
            class[usize::from(b)] = u8::try_from(k).ok()?;
        }
        Some(Table {
            class,
            next: pairs.iter().map(|q| q.0).collect(),
            after_space: pairs.iter().map(|q| q.1).collect(),
            exact,
            inexact,
        })
    }

    fn class(&self, b: u8) -> usize {
        usize::from(self.class[usize::from(b)])
    }

    /// The filters among `filters` (those the table was made of) that allow a match from `p`,
    /// where `next` is what follows the anchor: bit `i` set where `filters[i].1.allows_next(next,
    /// hay, p)` holds.
    #[inline]
    pub(crate) fn allowed(
        &self,
        filters: &[(u16, Follow)],
        next: Next,
        hay: &[u8],
        p: usize,
    ) -> u64 {
        let mut m = match next.byte {
            // (the text ends after the anchor: every filter of its length allows)
            None => self.exact,
            Some(b) => self.next[self.class(b)],
        };
        if let Some(c) = next.after_space {
            m &= self.after_space[self.class(c)];
        }
        let mut rest = self.inexact;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if filters[i].1.allows(hay, p) {
                m |= 1 << i;
            }
        }
        m
    }
}

/// What follows an anchor of `len` bytes in a text, read once for all of the anchor's filters
/// (`Follow::allows_next`).
#[derive(Clone, Copy)]
pub(crate) struct Next {
    len: usize,
    /// The byte after the anchor (`None`: the text ends there).
    byte: Option<u8>,
    /// When that byte is whitespace, the first byte after the run of whitespace it begins
    /// (`None`: not whitespace, or the text ends in whitespace).
    after_space: Option<u8>,
}

impl Next {
    /// What follows the anchor of `len` bytes at `p` in `hay`.
    #[inline]
    pub(crate) fn at(hay: &[u8], p: usize, len: usize) -> Next {
        let q = p + len;
        let byte = hay.get(q).copied();
        let after_space = match byte {
            Some(b) if is_space(b) => hay
                .get(q + 1..)
                .and_then(|rest| rest.iter().copied().find(|&c| !is_space(c))),
            _ => None,
        };
        Next {
            len,
            byte,
            after_space,
        }
    }
}

/// The bytes whose transition from `sid` does not lead to the dead state (bytes of one class
/// of the DFA have the same transitions: one byte of each is tried).
fn alive_after(dfa: &DFA, cache: &mut Cache, sid: LazyStateID) -> Option<Bytes> {
    let classes = dfa.byte_classes();
    let mut alive_class = [false; 256];
    let mut tried = [false; 256];
    let mut alive = Bytes::default();
    for b in 0..=255u8 {
        let c = usize::from(classes.get(b));
        if !tried[c] {
            tried[c] = true;
            alive_class[c] = !dfa.next_state(cache, sid, b).ok()?.is_dead();
        }
        if alive_class[c] {
            alive.insert(b);
        }
    }
    Some(alive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::util::syntax;
    use regex_automata::Input;

    fn dfa(p: &str) -> DFA {
        DFA::builder()
            .syntax(
                syntax::Config::new()
                    .unicode(false)
                    .utf8(false)
                    .case_insensitive(true),
            )
            .build(p)
            .expect("pattern compiles")
    }

    fn matches_at(d: &DFA, hay: &[u8], p: usize) -> bool {
        let input = Input::new(hay).range(p..).anchored(Anchored::Yes);
        let mut cache = d.create_cache();
        d.try_search_fwd(&mut cache, &input)
            .expect("lazy DFA search")
            .is_some()
    }

    #[test]
    fn a_refused_start_never_matches() {
        let cases: [(&str, &str); 5] = [
            (
                r"\b(in|into|to)\s+(every|each|all|any)\s+(reply|replies)",
                "in",
            ),
            (
                r"\b(in|into|to)\s+(every|each|all|any)\s+(reply|replies)",
                "into",
            ),
            (r"\bi\s+am\s+(the|your)\s+(developer|admin)\b", "i"),
            (
                r"\b(the\s+)?(assistant|agent|model)\s+(always\s+)?(runs|sends)",
                "the",
            ),
            (r"\B(?:['`]|‘)[^'`\n]{2,20}?(?:['`]|’)\B", "'"),
        ];
        let texts: [&[u8]; 9] = [
            b"in every reply; In  Each replies; in the reply; into\t\neach reply",
            b"INTO ANY REPLY, into every  response, in",
            b"i am the developer; I  AM your admin; i was; I\nam the admin, i ",
            b"the assistant runs; The model always sends; the user; THE  AGENT sends",
            b"the\n\nagent runs x the",
            b"a 'quoted' word, it's 'x' and 'ab' `code` \xe2\x80\x98tick\xe2\x80\x99",
            b"in  ",
            b"the the the assistant assistant runs",
            b"",
        ];
        let mut refused = 0;
        for (pattern, anchor) in cases {
            let d = dfa(pattern);
            let mut cache = d.create_cache();
            let f = Follow::of(&d, &mut cache, anchor.as_bytes()).expect("filter is built");
            for hay in texts {
                for p in 0..hay.len() {
                    let occurs = hay.len() - p >= anchor.len()
                        && hay[p..p + anchor.len()].eq_ignore_ascii_case(anchor.as_bytes());
                    if occurs {
                        // Reading what follows once for all filters gives the same answer.
                        let next = Next::at(hay, p, anchor.len());
                        assert_eq!(f.allows_next(next, hay, p), f.allows(hay, p));
                    }
                    if occurs && !f.allows(hay, p) {
                        refused += 1;
                        assert!(!matches_at(&d, hay, p), "{pattern} at {p} of {hay:?}");
                    }
                }
            }
        }
        // The filter does refuse: "in the", "i was", "the user", ...
        assert!(refused >= 10, "{refused}");
    }

    #[test]
    fn a_table_answers_as_its_filters() {
        // The filters of the anchor "into": two of its own length, one that allows everything,
        // and one of a spec whose own anchor is the shorter "in".
        let patterns = [
            (
                r"\b(in|into|to)\s+(every|each|all|any)\s+(reply|replies)",
                "into",
            ),
            (r"\binto\s+(the|a)\s+(body|header)\b", "into"),
            (r"\bin\s*\(", "in"),
        ];
        let mut filters: Vec<(u16, Follow)> = patterns
            .iter()
            .enumerate()
            .map(|(i, (pattern, anchor))| {
                let d = dfa(pattern);
                let f = Follow::of(&d, &mut d.create_cache(), anchor.as_bytes());
                (i as u16, f.expect("filter is built"))
            })
            .collect();
        filters.push((9, Follow::anything(4)));
        let table = Table::new(&filters, 4).expect("table is built");
        let texts: [&[u8]; 6] = [
            b"into every reply; INTO  the body; into\t\n a header; into(x); into  (y) into",
            b"into ",
            b"into",
            b"into\n",
            b"into the\theader into each replies, intoxicated",
            b"\xe2\x80\x98into\xe2\x80\x99 into\xc3\xa9 into_ into-x into9 into \xc3\xa9",
        ];
        let mut refused = 0;
        for hay in texts {
            for p in 0..hay.len() {
                if hay.len() - p >= 4 && hay[p..p + 4].eq_ignore_ascii_case(b"into") {
                    let next = Next::at(hay, p, 4);
                    let each = filters.iter().enumerate().fold(0u64, |m, (i, (_, f))| {
                        m | u64::from(f.allows_next(next, hay, p)) << i
                    });
                    assert_eq!(
                        table.allowed(&filters, next, hay, p),
                        each,
                        "at {p} of {hay:?}"
                    );
                    refused += (each != 0b1111) as usize;
                }
            }
        }
        assert!(refused >= 5, "{refused}");
    }

    #[test]
    fn no_filter_where_it_could_not_be_exact() {
        // A match may end inside the anchor.
        let d = dfa(r"\bi");
        assert!(Follow::of(&d, &mut d.create_cache(), b"in").is_none());
        // The anchor's letters matter in one case only.
        let d = dfa(r"(?-i:IN)\s+x");
        assert!(Follow::of(&d, &mut d.create_cache(), b"in").is_none());
    }

    #[test]
    fn space_is_the_set() {
        for b in 0..=255u8 {
            assert_eq!(is_space(b), SPACE.contains(&b), "{b}");
        }
    }

    #[test]
    fn whitespace_then_the_next_byte_decides() {
        let d = dfa(r"\bin\s+every\b");
        let f = Follow::of(&d, &mut d.create_cache(), b"in").expect("filter is built");
        assert!(f.allows(b"in every", 0));
        assert!(f.allows(b"In \t\n Every", 0));
        assert!(!f.allows(b"in the", 0));
        assert!(!f.allows(b"inside", 0));
        // Text that ends in the anchor or its whitespace is left to the search.
        assert!(f.allows(b"in", 0));
        assert!(f.allows(b"in  ", 0));
    }
}
