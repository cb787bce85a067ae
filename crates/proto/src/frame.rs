//! Newline-delimited framing (the MCP stdio transport) with a hard size bound.
//!
//! A line longer than the limit is never held in full: the reader keeps the first `limit` bytes
//! (enough to recover the message id) and counts the rest as it discards it, so one oversized
//! message costs bounded memory and the stream resynchronises on the next newline.

use std::io::{self, BufRead};

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

/// Reads newline-delimited frames of at most `max` bytes from any buffered reader.
pub struct LineReader<R> {
    inner: R,
    max: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R, max: usize) -> Self {
        LineReader {
            inner,
            max,
            buf: Vec::new(),
        }
    }

    /// The next frame. I/O errors other than `Interrupted` are returned as they are.
    pub fn next_line(&mut self) -> io::Result<ReadLine<'_>> {
        self.buf.clear();
        let mut dropped = 0usize;
        let mut saw_any = false;
        loop {
            let avail = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                if !saw_any {
                    return Ok(ReadLine::Eof);
                }
                break;
            }
            saw_any = true;
            let (chunk_len, consumed, done) = match memchr(b'\n', avail) {
                Some(i) => (i, i + 1, true),
                None => (avail.len(), avail.len(), false),
            };
            let room = self.max.saturating_sub(self.buf.len());
            let keep = chunk_len.min(room);
            self.buf.extend_from_slice(&avail[..keep]);
            dropped += chunk_len - keep;
            self.inner.consume(consumed);
            if done {
                break;
            }
        }
        if dropped > 0 {
            Ok(ReadLine::TooLong {
                size: self.buf.len() + dropped,
                prefix: &self.buf,
            })
        } else {
            Ok(ReadLine::Line(&self.buf))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<String> {
        let mut r = LineReader::new(io::BufReader::with_capacity(3, input), max);
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

    #[test]
    fn splits_lines_and_bounds_long_ones() {
        assert_eq!(
            lines(b"ab\ncd\r\n\nlast", 10),
            ["L:ab", "L:cd\r", "L:", "L:last"]
        );
        assert_eq!(lines(b"0123456789abc\nok\n", 5), ["T:13:01234", "L:ok"]);
        assert_eq!(lines(b"", 5), Vec::<String>::new());
        assert_eq!(lines(b"12345\n", 5), ["L:12345"]);
    }
}
