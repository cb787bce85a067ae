//! Newline-delimited JSON over std pipes, the MCP stdio transport, for the test peers.
//!
//! Deliberately naive (no size limit, no UTF-8 check): these peers are trusted and must add as
//! little as possible to what they measure.

use std::fs::File;
use std::io::{self, BufRead, IoSlice, Write};
use std::os::fd::AsFd;

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

/// Writes `parts` and a `\n` as one line with as few `writev` calls as the pipe allows, then
/// flushes. One system call per message matters: a line written in pieces wakes the reader once
/// per piece, and that would be measured as the reader's latency.
pub fn write_line<W: Write>(w: &mut W, parts: &[&[u8]]) -> io::Result<()> {
    let mut slices: Vec<IoSlice<'_>> = parts.iter().map(|p| IoSlice::new(p)).collect();
    slices.push(IoSlice::new(b"\n"));
    let mut rest = &mut slices[..];
    while !rest.is_empty() {
        match w.write_vectored(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    w.flush()
}

/// Our stdout as a plain file (a duplicate of fd 1), without std's line buffering in the way,
/// so that `write_vectored` is one `writev`.
pub fn raw_stdout() -> io::Result<File> {
    Ok(File::from(io::stdout().as_fd().try_clone_to_owned()?))
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
