//! The RFC 8785 (JCS) text of an audit record, written directly for the record's fixed shape.
//!
//! Sealing a record through `serde_json::Value` and a generic canonicaliser cost ~140k
//! instructions per append (more than SQLite's own work). The record's keys are known and ASCII,
//! so their sorted order is fixed; its strings need only JSON escaping (RFC 8785 writes every
//! character above U+001F as itself); its integers are written exactly while they stay within
//! 2^53. Anything outside that shape — the free-form `args`, or an integer too large for a double —
//! goes through the generic canonicaliser, so the bytes are always those of RFC 8785 (a test
//! compares both on records built to stress every branch).

use std::io::Write;

use crate::audit::record::{AuditRecord, MAX_EXACT_INT};

/// Appends `s` as a JSON string in the RFC 8785 form (ECMAScript `JSON.stringify`).
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\x08' => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\x0c' => b"\\f",
            b'\r' => b"\\r",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(esc);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An integer RFC 8785 writes as its digits; `None` beyond 2^53 (it would be written as a double).
fn int(out: &mut Vec<u8>, n: u64) -> Option<()> {
    if n > MAX_EXACT_INT {
        return None;
    }
    write!(out, "{n}").ok()
}

fn key(out: &mut Vec<u8>, k: &str) {
    if out.last() != Some(&b'{') {
        out.push(b',');
    }
    string(out, k);
    out.push(b':');
}

/// The RFC 8785 text of `rec` without its `hash` key. `None` if a value falls outside the shape
/// written here (the caller then uses the generic canonicaliser).
pub(crate) fn body(rec: &AuditRecord) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(512);
    out.push(b'{');
    // keys in RFC 8785 order (UTF-16 code units; all ASCII here, so byte order)
    key(&mut out, "args");
    match &rec.args {
        Some(args) => out.extend_from_slice(&serde_json_canonicalizer::to_vec(args).ok()?),
        None => out.extend_from_slice(b"null"),
    }
    key(&mut out, "args_digest");
    opt_string(&mut out, rec.args_digest.as_deref());
    key(&mut out, "direction");
    string(&mut out, rec.direction.as_str());
    key(&mut out, "findings");
    out.push(b'[');
    for (i, f) in rec.findings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'{');
        key(&mut out, "rule");
        string(&mut out, &f.rule);
        key(&mut out, "severity");
        string(&mut out, &f.severity);
        out.push(b'}');
    }
    out.push(b']');
    key(&mut out, "latency_us");
    int(&mut out, rec.latency_us)?;
    key(&mut out, "method");
    string(&mut out, &rec.method);
    key(&mut out, "prev_hash");
    string(&mut out, &rec.prev_hash);
    key(&mut out, "principal");
    opt_string(&mut out, rec.principal.as_deref());
    key(&mut out, "reason");
    string(&mut out, &rec.reason);
    key(&mut out, "request_id");
    opt_string(&mut out, rec.request_id.as_deref());
    key(&mut out, "rules");
    out.push(b'[');
    for (i, r) in rec.rules.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(&mut out, r);
    }
    out.push(b']');
    key(&mut out, "seq");
    int(&mut out, rec.seq)?;
    key(&mut out, "server");
    string(&mut out, &rec.server);
    key(&mut out, "session");
    string(&mut out, &rec.session);
    key(&mut out, "time");
    string(&mut out, &rec.time);
    key(&mut out, "tool");
    opt_string(&mut out, rec.tool.as_deref());
    key(&mut out, "v");
    int(&mut out, u64::from(rec.v))?;
    key(&mut out, "verdict");
    string(&mut out, rec.verdict.as_str());
    out.push(b'}');
    Some(out)
}
