//! One pass over a frame that validates it and finds its envelope members.
//!
//! `check_frame` and serde's envelope parse read a message three times (UTF-8, depth, JSON), which
//! is most of the gate's cost for a large result that nothing inspects. [`scan`] reads it once:
//! it checks UTF-8 and the whole JSON grammar (the same grammar serde_json accepts), bounds the
//! nesting, and notes where the top-level members `jsonrpc`, `id`, `method`, `params`, `result`
//! and `error` lie.
//!
//! It only answers for the plain case: an object whose top-level member names carry no escapes,
//! whose `jsonrpc` and `method` (when present) are strings without escapes, and that names no
//! envelope member twice. For anything else — every error included — it returns `None` and the
//! caller takes the serde path, which then gives exactly the error (or the unusual but valid
//! decoding, such as `"\u0069d"` for `id`) it always has. The fast path can change only speed.

use std::ops::Range;

/// Where the envelope members of a frame lie, as byte ranges of the frame. `jsonrpc` and `method`
/// are the strings' contents (without quotes); the others are the members' whole JSON values.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Members {
    pub jsonrpc: Option<Range<usize>>,
    pub id: Option<Range<usize>>,
    pub method: Option<Range<usize>>,
    pub params: Option<Range<usize>>,
    pub result: Option<Range<usize>>,
    pub error: Option<Range<usize>>,
}

/// Validates `bytes` as one JSON object nested at most `max_depth` deep (the object itself is
/// depth 1) and returns its envelope members; `None` unless the frame is valid and plain (see the
/// module documentation). When this returns `Some`, the whole frame is valid UTF-8.
pub(crate) fn scan(bytes: &[u8], max_depth: usize) -> Option<Members> {
    let mut p = Parser {
        b: bytes,
        i: 0,
        max_depth,
        open: Open::default(),
    };
    p.ws();
    if p.peek()? != b'{' || max_depth == 0 {
        return None;
    }
    p.i += 1;
    let mut members = Members::default();
    p.ws();
    if p.peek()? == b'}' {
        p.i += 1;
    } else {
        loop {
            let (key, escaped) = p.key()?;
            if escaped {
                return None; // serde reads the name unescaped: leave it to serde
            }
            let start = p.i;
            p.value(1)?;
            let value = start..p.i;
            let slot = match &bytes[key] {
                b"jsonrpc" => Some((&mut members.jsonrpc, true)),
                b"id" => Some((&mut members.id, false)),
                b"method" => Some((&mut members.method, true)),
                b"params" => Some((&mut members.params, false)),
                b"result" => Some((&mut members.result, false)),
                b"error" => Some((&mut members.error, false)),
                _ => None,
            };
            if let Some((slot, is_str)) = slot {
                if slot.is_some() {
                    return None; // a duplicate: serde refuses it
                }
                *slot = if is_str {
                    Some(plain_string_contents(bytes, value)?)
                } else {
                    Some(value)
                };
            }
            p.ws();
            match p.next()? {
                b',' => p.ws(),
                b'}' => break,
                _ => return None,
            }
        }
    }
    p.ws();
    (p.i == bytes.len()).then_some(members)
}

/// The contents of a string value without escapes; `None` for anything else.
fn plain_string_contents(bytes: &[u8], value: Range<usize>) -> Option<Range<usize>> {
    let v = &bytes[value.clone()];
    let plain = v.len() >= 2 && v[0] == b'"' && !v[1..v.len() - 1].contains(&b'\\');
    plain.then(|| value.start + 1..value.end - 1)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
    max_depth: usize,
    /// The containers open inside the value being read.
    open: Open,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// An object member's name, its colon and the whitespace after it: the range of the name's
    /// contents and whether it has escapes.
    fn key(&mut self) -> Option<(Range<usize>, bool)> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.i;
        let escaped = self.string()?;
        let name = start + 1..self.i - 1;
        self.ws();
        if self.next()? != b':' {
            return None;
        }
        self.ws();
        Some((name, escaped))
    }

    /// Skips the string whose opening quote is at `i`, validating escapes, control characters
    /// and UTF-8. Returns whether it had escapes.
    fn string(&mut self) -> Option<bool> {
        let mut escaped = false;
        let mut i = self.i + 1;
        loop {
            i = find_special::<true>(self.b, i);
            match *self.b.get(i)? {
                b'"' => {
                    self.i = i + 1;
                    return Some(escaped);
                }
                b'\\' => {
                    escaped = true;
                    i = escape_end(self.b, i)?;
                }
                c if c < 0x20 => return None,
                _ => {
                    // Non-ASCII: validate up to the next quote, backslash or control character
                    // (all ASCII, so the run ends on a character boundary).
                    let end = find_special::<false>(self.b, i);
                    std::str::from_utf8(&self.b[i..end]).ok()?;
                    i = end;
                }
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let ok = self.b.get(self.i..self.i + word.len()) == Some(word);
        self.i += word.len();
        ok.then_some(())
    }

    /// A number as serde_json reads one: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            self.some_digits()?;
        }
        Some(())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let start = self.i;
        self.digits();
        (self.i > start).then_some(())
    }

    /// Skips one value starting at `i`, inside `depth` enclosing containers.
    fn value(&mut self, depth: usize) -> Option<()> {
        self.open = Open::default();
        loop {
            // a value is expected here
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                c @ (b'{' | b'[') => {
                    self.i += 1;
                    if depth + self.open.len + 1 > self.max_depth {
                        return None;
                    }
                    let object = c == b'{';
                    self.ws();
                    if self.peek()? == if object { b'}' } else { b']' } {
                        self.i += 1;
                    } else {
                        self.open.push(object)?;
                        if object {
                            self.key()?;
                        }
                        continue;
                    }
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                b'-' | b'0'..=b'9' => self.number()?,
                _ => return None,
            }
            // a value ended: close what it ends, up to the next value
            loop {
                let Some(object) = self.open.last() else {
                    return Some(());
                };
                self.ws();
                match self.next()? {
                    b',' => {
                        self.ws();
                        if object {
                            self.key()?;
                        }
                        break;
                    }
                    b']' if !object => self.open.len -= 1,
                    b'}' if object => self.open.len -= 1,
                    _ => return None,
                }
            }
        }
    }
}

/// A stack of open containers as bits (1: an object), without allocating. Deeper than 128 (past
/// serde_json's own recursion limit, so only with a `max_depth` raised that far) it gives up and the
/// frame goes to serde.
#[derive(Default)]
struct Open {
    bits: u128,
    len: usize,
}

impl Open {
    fn push(&mut self, object: bool) -> Option<()> {
        if self.len == 128 {
            return None;
        }
        self.bits = self.bits & !(1 << self.len) | u128::from(object) << self.len;
        self.len += 1;
        Some(())
    }

    /// Whether the innermost open container is an object; `None` when none is open.
    fn last(&self) -> Option<bool> {
        let top = self.len.checked_sub(1)?;
        Some(self.bits >> top & 1 == 1)
    }
}

/// Index just past the escape sequence whose backslash is at `i`, if it is one JSON allows
/// (serde_json, as it skips a string, accepts any four hex digits after `\u`).
fn escape_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i + 1)? {
        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Some(i + 2),
        b'u' => {
            let hex = b.get(i + 2..i + 6)?;
            hex.iter().all(u8::is_ascii_hexdigit).then_some(i + 6)
        }
        _ => None,
    }
}

/// Is `c` a byte that ends a run of plain string contents: a quote, a backslash, a control
/// character, or (when `HIGH`) any non-ASCII byte?
#[inline]
fn special<const HIGH: bool>(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20 || (HIGH && c >= 0x80)
}

/// Index of the first special byte (see [`special`]) at or after `from`, or `b.len()`.
#[inline]
fn find_special<const HIGH: bool>(b: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::find_special::<HIGH>(b, from)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        swar_find_special::<HIGH>(b, from)
    }
}

/// The portable version of [`find_special`]: eight bytes at a time in a `u64`.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn swar_find_special<const HIGH: bool>(b: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGHS: u64 = ONES << 7;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // a byte's high bit is set in `hit` if the byte is special (exact for each byte below
        // the first special one, which is all that is read of it)
        let ctrl = x.wrapping_sub(ONES * 0x20) & !x;
        let q = x ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q;
        let s = x ^ (ONES * u64::from(b'\\'));
        let slash = s.wrapping_sub(ONES) & !s;
        let high = if HIGH { x } else { 0 };
        let hit = (ctrl | quote | slash | high) & HIGHS;
        if hit != 0 {
            return i + hit.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < b.len() && !special::<HIGH>(b[i]) {
        i += 1;
    }
    i
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    //! SSE2 is part of the x86_64 baseline: no runtime detection is needed.

    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// The special bytes (0xFF) of the 16 bytes at `b[i..i + 16]`.
    #[inline(always)]
    fn special16<const HIGH: bool>(b: &[u8], i: usize) -> __m128i {
        let chunk = &b[i..i + 16];
        // SAFETY: `chunk` is 16 readable bytes and the load has no alignment requirement; the
        // other intrinsics only need SSE2, which every x86_64 CPU has.
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            // Signed compares: bytes 0x80..=0xFF are negative, so `v < 0x20` catches control
            // characters and every non-ASCII byte; `v > -1` keeps only the ASCII ones.
            let below = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
            let low = if HIGH {
                below
            } else {
                _mm_and_si128(below, _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)))
            };
            let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
            let slash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
            _mm_or_si128(_mm_or_si128(quote, slash), low)
        }
    }

    /// One bit per byte of a [`special16`] result.
    #[inline(always)]
    fn bits(v: __m128i) -> u64 {
        // SAFETY: SSE2 only (see `special16`).
        u64::from(unsafe { _mm_movemask_epi8(v) } as u16)
    }

    pub(super) fn find_special<const HIGH: bool>(b: &[u8], from: usize) -> usize {
        let mut i = from;
        // most strings (member names, short values) end within their first 16 bytes
        if i + 16 <= b.len() {
            let m = bits(special16::<HIGH>(b, i));
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
        }
        while i + 64 <= b.len() {
            let (v0, v1) = (special16::<HIGH>(b, i), special16::<HIGH>(b, i + 16));
            let (v2, v3) = (special16::<HIGH>(b, i + 32), special16::<HIGH>(b, i + 48));
            // SAFETY: SSE2 only (see `special16`).
            let any = unsafe { _mm_or_si128(_mm_or_si128(v0, v1), _mm_or_si128(v2, v3)) };
            if bits(any) != 0 {
                let m = bits(v0) | bits(v1) << 16 | bits(v2) << 32 | bits(v3) << 48;
                return i + m.trailing_zeros() as usize;
            }
            i += 64;
        }
        while i + 16 <= b.len() {
            let m = bits(special16::<HIGH>(b, i));
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
        }
        while i < b.len() && !super::special::<HIGH>(b[i]) {
            i += 1;
        }
        i
    }
}

#[cfg(test)]
mod tests;
