//! Newline-delimited framing (the MCP stdio transport) with a hard size bound.
//!
//! The reader reads straight into its own buffer and hands out each line as a slice of it, so a
//! large message is copied once (from the pipe), not twice (pipe → read buffer → line buffer).
//! A line longer than the limit is never held in full: the reader keeps the first `limit` bytes
//! (enough to recover the message id) and counts the rest as it discards it, so one oversized
//! message costs bounded memory and the stream resynchronises on the next newline.

use std::io::{self, Read};

use memchr::memchr;

/// One read from a [`LineReader`].
#[derive(Debug, PartialEq, Eq)]
pub enum ReadLine<'a> {
    /// A complete line, without its `\n` (a `\r` before it is kept: the bytes are forwarded as is).
    Line(&'a [u8]),
    /// A line longer than the limit: its full size and the bytes kept from its beginning.
    TooLong { size: usize, prefix: &'a [u8] },
    /// The stream ended (a final line without `\n` is returned as a `Line` first).
    Eof,
}

/// The least free room the buffer offers each read.
const READ_ROOM: usize = 64 * 1024;
/// The buffer's first size: glibc's default mmap threshold.
const FIRST_BUFFER: usize = 128 * 1024;

/// Reads newline-delimited frames of at most `max` bytes from any reader.
pub struct LineReader<R> {
    inner: R,
    max: usize,
    /// Initialised storage: `buf[start..end]` is read but not yet returned.
    buf: Vec<u8>,
    start: usize,
    end: usize,
}

impl<R: Read> LineReader<R> {
    pub fn new(inner: R, max: usize) -> Self {
        LineReader {
            inner,
            max,
            buf: Vec::new(),
            start: 0,
            end: 0,
        }
    }

    /// The next frame. I/O errors other than `Interrupted` are returned as they are.
    pub fn next_line(&mut self) -> io::Result<ReadLine<'_>> {
        if self.start == self.end {
            (self.start, self.end) = (0, 0);
        }
        // the line's first `scanned` bytes hold no newline; `dropped` more were discarded
        let mut scanned = 0;
        let mut dropped = 0usize;
        loop {
            if let Some(at) = memchr(b'\n', &self.buf[self.start + scanned..self.end]) {
                let (start, nl) = (self.start, self.start + scanned + at);
                self.start = nl + 1;
                return Ok(self.line(start, nl, dropped));
            }
            if self.end - self.start > self.max {
                // past the limit: keep the first `max` bytes, count and forget the rest
                let cut = self.start + self.max;
                dropped += self.end - cut;
                self.end = cut;
            }
            scanned = self.end - self.start;
            if self.fill()? == 0 {
                if self.start == self.end && dropped == 0 {
                    return Ok(ReadLine::Eof);
                }
                let (start, end) = (self.start, self.end);
                self.start = end;
                return Ok(self.line(start, end, dropped));
            }
        }
    }

    /// The line `buf[start..end]` (plus `dropped` discarded bytes).
    fn line(&self, start: usize, end: usize, dropped: usize) -> ReadLine<'_> {
        let len = end - start;
        if dropped == 0 && len <= self.max {
            ReadLine::Line(&self.buf[start..end])
        } else {
            ReadLine::TooLong {
                size: len + dropped,
                prefix: &self.buf[start..start + len.min(self.max)],
            }
        }
    }

    /// Reads once into the free room after `end` (making room first); 0 at the end of the stream.
    fn fill(&mut self) -> io::Result<usize> {
        if self.buf.len() - self.end < READ_ROOM {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buf.is_empty() {
                // Large enough to come zeroed from the system (mmap, not a reused heap chunk
                // that calloc would clear): its pages become resident only as reads fill them.
                self.buf = vec![0; FIRST_BUFFER];
            } else if self.buf.len() - self.end < READ_ROOM {
                // only as much as the next read needs: every byte of `buf` is written (zeroed)
                // once, so it stays resident; the capacity still grows geometrically
                self.buf.resize(self.end + READ_ROOM, 0);
            }
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(n) => {
                    self.end += n;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out its input in pieces of the given sizes (cycled), with an `Interrupted` error
    /// before every third piece.
    struct Pieces<'a> {
        data: &'a [u8],
        sizes: &'a [usize],
        n: usize,
    }

    impl Read for Pieces<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            self.n += 1;
            if self.n % 3 == 0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let size = self.sizes[self.n % self.sizes.len()]
                .min(out.len())
                .min(self.data.len());
            out[..size].copy_from_slice(&self.data[..size]);
            self.data = &self.data[size..];
            Ok(size)
        }
    }

    fn lines_in_pieces(input: &[u8], max: usize, sizes: &[usize]) -> Vec<String> {
        let pieces = Pieces {
            data: input,
            sizes,
            n: 0,
        };
        let mut r = LineReader::new(pieces, max);
        let mut out = Vec::new();
        loop {
            match r.next_line().unwrap() {
                ReadLine::Line(l) => out.push(format!("L:{}", String::from_utf8_lossy(l))),
                ReadLine::TooLong { size, prefix } => {
                    out.push(format!("T:{size}:{}", String::from_utf8_lossy(prefix)))
                }
                ReadLine::Eof => return out,
            }
        }
    }

    fn lines(input: &[u8], max: usize) -> Vec<String> {
        lines_in_pieces(input, max, &[3])
    }

    /// What the reader must return, computed from the whole input at once.
    fn expected(input: &[u8], max: usize) -> Vec<String> {
        let mut parts: Vec<&[u8]> = input.split(|&c| c == b'\n').collect();
        if parts.last().is_some_and(|p| p.is_empty()) {
            parts.pop(); // a final newline ends the last line; it does not start one
        }
        parts
            .into_iter()
            .map(|l| match l.len() <= max {
                true => format!("L:{}", String::from_utf8_lossy(l)),
                false => format!("T:{}:{}", l.len(), String::from_utf8_lossy(&l[..max])),
            })
            .collect()
    }

    #[test]
    fn splits_lines_and_bounds_long_ones() {
        assert_eq!(
            lines(b"ab\ncd\r\n\nlast", 10),
            ["L:ab", "L:cd\r", "L:", "L:last"]
        );
        assert_eq!(lines(b"0123456789abc\nok\n", 5), ["T:13:01234", "L:ok"]);
        assert_eq!(lines(b"", 5), Vec::<String>::new());
        assert_eq!(lines(b"12345\n", 5), ["L:12345"]);
        assert_eq!(lines(b"123456", 5), ["T:6:12345"]);
        assert_eq!(lines(b"\n\nab\n", 0), ["L:", "L:", "T:2:"]);
    }

    #[test]
    fn any_split_of_the_input_gives_the_same_lines() {
        // lines around the read room's size, so that lines straddle reads and refills
        let mut input = Vec::new();
        for (k, len) in [
            0usize, 1, 5, 70_000, 3, 65_535, 65_536, 200_000, 2, 131_073, 9,
        ]
        .into_iter()
        .enumerate()
        {
            input.extend((0..len).map(|i| b'a' + ((i + k) % 26) as u8));
            input.push(b'\n');
        }
        input.extend_from_slice(b"no newline at the end");
        for max in [0, 4, 65_536, 100_000, 1 << 20] {
            let want = expected(&input, max);
            for sizes in [
                &[1usize << 20][..],
                &[1, 7, 4096],
                &[65_536],
                &[65_535, 3, 70_001],
            ] {
                assert_eq!(
                    lines_in_pieces(&input, max, sizes),
                    want,
                    "max {max}, {sizes:?}"
                );
            }
        }
    }

    #[test]
    fn memory_stays_bounded_by_the_limit() {
        let mut input = vec![b'x'; 5 << 20];
        input.extend_from_slice(b"\n{}\n");
        let mut r = LineReader::new(
            Pieces {
                data: &input,
                sizes: &[1 << 20],
                n: 0,
            },
            1000,
        );
        assert!(matches!(
            r.next_line().unwrap(),
            ReadLine::TooLong { size, prefix } if size == 5 << 20 && prefix.len() == 1000
        ));
        assert_eq!(r.next_line().unwrap(), ReadLine::Line(b"{}"));
        assert!(r.buf.len() < 3 * READ_ROOM, "{}", r.buf.len());
    }
}
