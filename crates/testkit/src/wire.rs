//! Newline-delimited JSON over std pipes, the MCP stdio transport, for the test peers.
//!
//! Deliberately naive (no size limit, no UTF-8 check): these peers are trusted and must add as
//! little as possible to what they measure.

use std::io::{self, BufRead, Write};

/// Reads one line into `buf` (cleared first) without its `\n`. `Ok(false)` at end of stream.
pub fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> io::Result<bool> {
    buf.clear();
    if r.read_until(b'\n', buf)? == 0 {
        return Ok(false);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
    }
    Ok(true)
}

/// Writes `parts` as one line and flushes, so the peer sees the message at once.
pub fn write_line<W: Write>(w: &mut W, parts: &[&[u8]]) -> io::Result<()> {
    for p in parts {
        w.write_all(p)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_round_trip() {
        let mut out = Vec::new();
        write_line(&mut out, &[b"{\"a\":", b"1}"]).unwrap();
        write_line(&mut out, &[b"last"]).unwrap();
        out.truncate(out.len() - 1);
        let mut r = io::Cursor::new(out);
        let mut buf = Vec::new();
        assert!(read_line(&mut r, &mut buf).unwrap());
        assert_eq!(buf, b"{\"a\":1}");
        assert!(read_line(&mut r, &mut buf).unwrap());
        assert_eq!(buf, b"last");
        assert!(!read_line(&mut r, &mut buf).unwrap());
    }
}
