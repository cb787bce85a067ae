//! Server-Sent Events, the way Streamable HTTP answers a POST with a stream.
//!
//! Only what MCP uses: `event`, `data` (multi-line joined with `\n`) and `id`; comments and
//! `retry` are skipped. Lines are bounded by the message limit, so a hostile stream costs bounded
//! memory per event.

use std::io::{self, Read};

use mcpguard_proto::{LineReader, ReadLine};

/// One dispatched event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Event {
    /// The `event:` field; empty means the default type, `message`.
    pub event: String,
    pub data: String,
    pub id: Option<String>,
}

/// Reads events one at a time from a byte stream.
pub(crate) struct EventReader<R> {
    lines: LineReader<R>,
    max: usize,
}

impl<R: Read> EventReader<R> {
    pub fn new(inner: R, max_event_bytes: usize) -> Self {
        EventReader {
            lines: LineReader::new(inner, max_event_bytes),
            max: max_event_bytes,
        }
    }

    /// The next event, or `None` at the end of the stream.
    pub fn next_event(&mut self) -> io::Result<Option<Event>> {
        let mut ev = Event::default();
        let mut has_data = false;
        loop {
            let line = match self.lines.next_line()? {
                ReadLine::Line(l) => l,
                ReadLine::TooLong { size, .. } => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("an event line of {size} bytes exceeds the limit"),
                    ))
                }
                ReadLine::Eof => return Ok(None),
            };
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() {
                if has_data {
                    return Ok(Some(ev));
                }
                ev = Event::default();
                continue;
            }
            if line[0] == b':' {
                continue;
            }
            let text = String::from_utf8_lossy(line);
            let (field, value) = match text.split_once(':') {
                Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
                None => (text.as_ref(), ""),
            };
            match field {
                "event" => ev.event = value.to_owned(),
                "data" => {
                    if has_data {
                        ev.data.push('\n');
                    }
                    ev.data.push_str(value);
                    has_data = true;
                    if ev.data.len() > self.max {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "an event exceeds the message limit",
                        ));
                    }
                }
                "id" => ev.id = Some(value.to_owned()),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(input: &str) -> Vec<Event> {
        let mut r = EventReader::new(io::BufReader::with_capacity(4, input.as_bytes()), 1000);
        let mut out = Vec::new();
        while let Some(e) = r.next_event().unwrap() {
            out.push(e);
        }
        out
    }

    #[test]
    fn parses_fields_multiline_data_comments_and_crlf() {
        let ev = events(": keepalive\r\nevent: message\r\nid: 7\r\ndata: {\"a\":\r\ndata:1}\r\n\r\nretry: 5\n\ndata: x\n\n");
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].event, "message");
        assert_eq!(ev[0].id.as_deref(), Some("7"));
        assert_eq!(ev[0].data, "{\"a\":\n1}");
        assert_eq!(ev[1].data, "x");
    }

    #[test]
    fn an_unterminated_last_event_is_dropped_and_huge_lines_fail() {
        assert!(events("data: partial").is_empty());
        let big = format!("data: {}\n\n", "x".repeat(2000));
        let mut r = EventReader::new(big.as_bytes(), 1000);
        assert!(r.next_event().is_err());
    }
}
