//! The hash chain: how a record is sealed, and how a sequence of records is checked.
//!
//! Each record's hash covers its content and the previous record's hash, so changing, removing,
//! adding or moving a record breaks a link that [`verify_chain`] finds and names. What a bare hash
//! chain cannot show is a cut at the end (the last records removed): only a head noted elsewhere
//! ([`check_anchor`]) reveals that. Nor does it stop someone who can write the store and who
//! recomputes every hash after their edit; a noted head reveals that too. Verification is a pure
//! function so that the same code checks the live store and an exported file.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::audit::record::AuditRecord;

/// `prev_hash` of the first record (seq 1).
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// sha256 (lowercase hex) of the RFC 8785 form of a call's arguments: the `args_digest` to log.
/// `None` only if the value cannot be canonicalised (it always can when it came from JSON text).
pub fn args_digest(args: &Value) -> Option<String> {
    let bytes = serde_json_canonicalizer::to_vec(args).ok()?;
    Some(hex::encode(Sha256::digest(bytes)))
}

/// The hash a record must carry: `sha256(prev_hash ‖ RFC 8785 of the record without "hash")`,
/// where `prev_hash` is its lowercase hex text. `None` if the record cannot be canonicalised.
pub fn record_hash(rec: &AuditRecord) -> Option<String> {
    let body = match super::canon::body(rec) {
        Some(body) => body,
        None => generic_body(rec)?,
    };
    let mut h = Sha256::new();
    h.update(rec.prev_hash.as_bytes());
    h.update(&body);
    Some(hex::encode(h.finalize()))
}

/// RFC 8785 of the record without `hash`, through `serde_json::Value` and the generic
/// canonicaliser: the reference that [`super::canon::body`] must match, and its fallback.
pub(crate) fn generic_body(rec: &AuditRecord) -> Option<Vec<u8>> {
    let mut value = serde_json::to_value(rec).ok()?;
    value.as_object_mut()?.remove("hash");
    serde_json_canonicalizer::to_vec(&value).ok()
}

/// Computes and sets the record's hash (from its `prev_hash` and content).
pub(crate) fn seal(rec: &mut AuditRecord) -> Option<()> {
    rec.hash = record_hash(rec)?;
    Some(())
}

/// How a chain was found broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BreakKind {
    /// A record's content (or its link) no longer matches its hash, or a record was rewritten
    /// and rehashed so that the next one no longer refers to it.
    Edited,
    /// Records are missing: a gap in `seq`, or the first record does not chain from genesis.
    Deleted,
    /// A record that is not part of the chain: the next record links past it, or it repeats one.
    Inserted,
    /// A record refers to one that comes after it: records were moved.
    Reordered,
    /// The head noted earlier is not in the chain: records were cut from the end (or rewritten).
    Truncated,
    /// A record could not be read at all (not JSON, wrong type, unknown key).
    Malformed,
}

impl fmt::Display for BreakKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BreakKind::Edited => "edited",
            BreakKind::Deleted => "deleted",
            BreakKind::Inserted => "inserted",
            BreakKind::Reordered => "reordered",
            BreakKind::Truncated => "truncated",
            BreakKind::Malformed => "malformed",
        })
    }
}

/// Where and how the chain breaks (the first break; what follows it is not checked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainBreak {
    /// The chain position (seq) where the break is.
    pub seq: u64,
    /// Index of the offending record in the checked sequence (0-based; for a file, line - 1).
    pub index: usize,
    pub kind: BreakKind,
    /// What exactly does not match, for a person.
    pub detail: String,
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "seq {} ({}): {}", self.seq, self.kind, self.detail)
    }
}

impl std::error::Error for ChainBreak {}

/// Where the checked records start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainStart {
    /// The first record must be seq 1 and chain from [`GENESIS_HASH`] (a whole log).
    Genesis,
    /// The first record's `seq` and `prev_hash` are taken on trust (an export made with `--from`).
    Trusted,
}

/// What a successful check covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainSummary {
    pub records: usize,
    /// seq of the first and last record (`None` for an empty chain).
    pub first_seq: Option<u64>,
    pub last_seq: Option<u64>,
    /// Hash of the last record ([`GENESIS_HASH`] for an empty chain): note it to detect truncation.
    pub head: String,
}

fn brk(seq: u64, index: usize, kind: BreakKind, detail: String) -> ChainBreak {
    ChainBreak {
        seq,
        index,
        kind,
        detail,
    }
}

/// Checks that `records`, in the order given, form one unbroken chain, and says where it breaks.
pub fn verify_chain(
    records: &[AuditRecord],
    start: ChainStart,
) -> Result<ChainSummary, ChainBreak> {
    let mut position: HashMap<&str, usize> = HashMap::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        position.entry(r.hash.as_str()).or_insert(i);
    }
    let (mut prev_seq, mut prev_hash) = match (start, records.first()) {
        (ChainStart::Trusted, Some(first)) => {
            (first.seq.saturating_sub(1), first.prev_hash.as_str())
        }
        _ => (0, GENESIS_HASH),
    };
    for (i, r) in records.iter().enumerate() {
        let expected = prev_seq + 1;
        check_one(records, &position, i, expected, prev_hash)?;
        prev_seq = r.seq;
        prev_hash = &r.hash;
    }
    Ok(ChainSummary {
        records: records.len(),
        first_seq: records.first().map(|r| r.seq),
        last_seq: records.last().map(|r| r.seq),
        head: prev_hash.to_owned(),
    })
}

fn self_ok(r: &AuditRecord) -> bool {
    record_hash(r).is_some_and(|h| h == r.hash)
}

/// Checks record `i`, the previous one having been accepted with hash `prev_hash`.
fn check_one(
    records: &[AuditRecord],
    position: &HashMap<&str, usize>,
    i: usize,
    expected: u64,
    prev_hash: &str,
) -> Result<(), ChainBreak> {
    let r = &records[i];
    if let Some(&j) = position.get(r.prev_hash.as_str()).filter(|&&j| j > i) {
        let detail = format!(
            "record {} refers to a record that comes after it (index {j}): records were moved",
            r.seq
        );
        return Err(brk(expected, i, BreakKind::Reordered, detail));
    }
    if let Some(&j) = position.get(r.hash.as_str()).filter(|&&j| j < i) {
        let detail = format!(
            "record {} repeats record {} (same hash): a copy",
            r.seq, records[j].seq
        );
        return Err(brk(expected, i, BreakKind::Inserted, detail));
    }
    let next_skips = records.get(i + 1).is_some_and(|n| n.prev_hash == prev_hash);
    if r.prev_hash == prev_hash {
        if next_skips && fork_intruder(records, i) {
            return Err(intruder(i, expected));
        }
        if !self_ok(r) {
            let detail = format!(
                "record {} does not match its hash: its content was changed (or it was forged)",
                r.seq
            );
            return Err(brk(r.seq, i, BreakKind::Edited, detail));
        }
        if r.seq != expected {
            let detail = format!(
                "seq {} follows seq {} although the link holds: renumbered and rehashed",
                r.seq,
                expected - 1
            );
            return Err(brk(expected, i, BreakKind::Edited, detail));
        }
        return Ok(());
    }
    if next_skips {
        return Err(intruder(i, expected));
    }
    unlinked(records, position, i, expected)
}

fn intruder(i: usize, expected: u64) -> ChainBreak {
    let detail = format!(
        "the next record links to seq {} directly: this one is not part of the chain",
        expected - 1
    );
    brk(expected, i, BreakKind::Inserted, detail)
}

/// Records `i` and `i + 1` both link to the record before `i` (a fork): is `i` the foreign one?
/// The one the following record continues from belongs; failing that, the one that matches its
/// own hash.
fn fork_intruder(records: &[AuditRecord], i: usize) -> bool {
    let (r, next) = (&records[i], &records[i + 1]);
    match records.get(i + 2) {
        Some(after) if after.prev_hash == next.hash => true,
        Some(after) if after.prev_hash == r.hash => false,
        _ => !self_ok(r) && self_ok(next),
    }
}

/// Record `i` does not link to the record accepted before it.
fn unlinked(
    records: &[AuditRecord],
    position: &HashMap<&str, usize>,
    i: usize,
    expected: u64,
) -> Result<(), ChainBreak> {
    let r = &records[i];
    let ok = self_ok(r);
    match position.get(r.prev_hash.as_str()) {
        Some(&j) => {
            // It links back over records j+1..i: either they are foreign, or it is.
            let continued = records.get(i + 1).is_some_and(|n| n.prev_hash == r.hash);
            if continued || r.seq == records[j].seq + 1 {
                let first = records.get(j + 1).map_or(expected, |f| f.seq);
                let detail = format!(
                    "record {} links to seq {}: the records between are not part of the chain",
                    r.seq, records[j].seq
                );
                Err(brk(first, j + 1, BreakKind::Inserted, detail))
            } else {
                let detail = format!(
                    "record {} links back to seq {}, a branch off the chain",
                    r.seq, records[j].seq
                );
                Err(brk(expected, i, BreakKind::Inserted, detail))
            }
        }
        None if r.seq > expected => {
            let missing = if r.seq - 1 == expected {
                format!("record {expected} is")
            } else {
                format!("records {expected} to {} are", r.seq - 1)
            };
            let detail = format!("{missing} missing");
            Err(brk(expected, i, BreakKind::Deleted, detail))
        }
        None if !ok => {
            let detail = format!(
                "record {} does not match its hash and does not link to the record before it",
                r.seq
            );
            Err(brk(r.seq, i, BreakKind::Edited, detail))
        }
        None if expected == 1 => {
            let detail = "the first record does not chain from the genesis value: records before it were removed".to_owned();
            Err(brk(1, i, BreakKind::Deleted, detail))
        }
        None => {
            let detail = format!(
                "record {} was rewritten: record {} refers to a different one",
                expected - 1,
                r.seq
            );
            let at = i.saturating_sub(1);
            Err(brk(expected - 1, at, BreakKind::Edited, detail))
        }
    }
}

/// Checks that a head noted earlier (a record hash) is still in the chain. Records appended since
/// are fine; a missing head means the tail was cut or the chain rewritten up to it.
pub fn check_anchor(records: &[AuditRecord], head: &str) -> Result<(), ChainBreak> {
    let head = head.trim().to_ascii_lowercase();
    if head == GENESIS_HASH || records.iter().any(|r| r.hash == head) {
        return Ok(());
    }
    let last = records.last().map_or(0, |r| r.seq);
    let detail = format!(
        "the noted head {head} is not in the chain (which ends at seq {last}): records were removed from the end, or the chain was rewritten"
    );
    Err(brk(last + 1, records.len(), BreakKind::Truncated, detail))
}
