//! Secret detection and redaction for MCP traffic: credentials in tool results, prompts and
//! resource contents are redacted before the model sees them, and tool-call arguments that carry
//! them can be blocked before they reach a server.
//!
//! One Aho-Corasick pass finds the literal anchors of every rule (vendor prefixes such as `ghp_`
//! or `AKIA`, `-----BEGIN `, `://`, secret-like names such as `password`); only
//! around a hit does the rule's pattern or hand-written matcher run, then its verification
//! (checksums where the format has one, decoding where it has structure). Text without anchors
//! costs one automaton scan. Overlapping candidates are resolved in favour of the more specific
//! rule, so matches are non-overlapping and in order.
//!
//! ```
//! use mcpguard_detect::secrets::SecretScanner;
//! let scanner = SecretScanner::shared();
//! // Built at run time so that the source holds no credential-shaped literal.
//! let text = format!("export AWS_ACCESS_KEY_ID={}{}", "AKIA", "Z7VQXLPMR4T2WQ5N");
//! let (redacted, found) = scanner.redact(&text).unwrap();
//! assert_eq!(redacted, "export AWS_ACCESS_KEY_ID=[REDACTED:aws-access-key]");
//! assert_eq!(found[0].rule, "aws-access-key");
//! assert!(scanner.redact("nothing to see").is_none());
//! ```
//!
//! Rule ids, what they match and how they are verified: [`rules`] and docs/secrets.md.

mod check;
mod json;
mod keyword;
mod rules;
mod special;

use std::sync::OnceLock;

use regex_automata::meta::Regex;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

pub use json::Redaction;

use crate::starts::Starts;
pub use rules::{Confidence, RuleInfo};

use rules::{Check, Pattern, PATTERNS, SPECIAL};

/// One secret found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretMatch {
    /// Stable rule id, e.g. `aws-access-key` (see [`rules`]).
    pub rule: &'static str,
    /// Byte offset where the secret starts (a char boundary).
    pub start: usize,
    /// Byte offset just past the secret (a char boundary).
    pub end: usize,
    /// A checksum or structural check beyond the pattern passed (see [`RuleInfo::verification`]).
    pub verified: bool,
}

/// A candidate before overlap resolution.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    m: SecretMatch,
    /// Higher wins an overlap: PEM 4, token formats 3, URL passwords 2, generic 1.
    priority: u8,
}

impl Candidate {
    pub(crate) fn new(
        rule: &'static str,
        start: usize,
        end: usize,
        verified: bool,
        priority: u8,
    ) -> Self {
        Candidate {
            m: SecretMatch {
                rule,
                start,
                end,
                verified,
            },
            priority,
        }
    }
}

/// What runs when an anchor is found.
#[derive(Debug, Clone, Copy)]
enum Matcher {
    Pattern(usize),
    Pem,
    UrlPassword,
    Keyword,
}

struct Anchor {
    text: &'static str,
    exact: bool,
    matcher: Matcher,
}

/// The compiled rule set: immutable, `Send + Sync`, cheap to share behind an `Arc` (or use
/// [`SecretScanner::shared`]).
pub struct SecretScanner {
    /// Every anchor, matched in any ASCII case: `starts` reports the longest anchor at each
    /// position and `prefixes` every anchor that also starts there (`aws_secret` and `secret`
    /// must both run); case-sensitive anchors are checked byte-for-byte on a hit.
    starts: Starts,
    /// Per anchor, the anchors (itself included) that are a prefix of it in any ASCII case.
    prefixes: Vec<Vec<u32>>,
    anchors: Vec<Anchor>,
    regexes: Vec<Regex>,
}

impl std::fmt::Debug for SecretScanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretScanner")
            .field("anchors", &self.anchors.len())
            .field("patterns", &self.regexes.len())
            .finish()
    }
}

impl Default for SecretScanner {
    fn default() -> Self {
        Self::new()
    }
}

/// Every rule the scanner reports, one entry per id.
pub fn rules() -> Vec<RuleInfo> {
    let mut out: Vec<RuleInfo> = Vec::new();
    for info in PATTERNS
        .iter()
        .map(|p| p.info)
        .chain(SPECIAL.iter().copied())
    {
        if !out.iter().any(|r| r.id == info.id) {
            out.push(info);
        }
    }
    out
}

impl SecretScanner {
    /// Compiles the built-in rule set. The patterns are constants checked by the tests, so this
    /// only panics on a bug in mcpguard.
    pub fn new() -> Self {
        let mut anchors = Vec::new();
        let mut regexes = Vec::new();
        let cfg = syntax::Config::new().unicode(false).utf8(false);
        for (i, p) in PATTERNS.iter().enumerate() {
            let re = Regex::builder()
                .syntax(cfg)
                .build(p.regex)
                .unwrap_or_else(|e| panic!("secret rule {}: {e}", p.info.id));
            regexes.push(re);
            for a in p.anchors {
                anchors.push(anchor(a, Matcher::Pattern(i)));
            }
        }
        anchors.push(anchor("-----BEGIN ", Matcher::Pem));
        anchors.push(anchor("://", Matcher::UrlPassword));
        for k in keyword::ANCHORS {
            anchors.push(Anchor {
                text: k,
                exact: false,
                matcher: Matcher::Keyword,
            });
        }
        // One anchor set: a second one for the case-sensitive anchors would double the work,
        // while the extra hits it saves cost a byte comparison each.
        let prefixes = anchors
            .iter()
            .map(|long| {
                let long = long.text.as_bytes();
                (0u32..)
                    .zip(&anchors)
                    .filter(|(_, a)| {
                        let a = a.text.as_bytes();
                        a.len() <= long.len() && long[..a.len()].eq_ignore_ascii_case(a)
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        SecretScanner {
            starts: Starts::new(anchors.iter().map(|a| a.text.as_bytes())),
            prefixes,
            anchors,
            regexes,
        }
    }

    /// A scanner built on first use and shared by the whole process.
    pub fn shared() -> &'static SecretScanner {
        static SHARED: OnceLock<SecretScanner> = OnceLock::new();
        SHARED.get_or_init(SecretScanner::new)
    }

    /// All secrets in `text`: non-overlapping, in order of position.
    pub fn find(&self, text: &str) -> Vec<SecretMatch> {
        let mut cands = Vec::new();
        let bytes = text.as_bytes();
        let mut ident_end = 0;
        let mut handle = |(he, hs, pid): (usize, usize, u32)| {
            let a = &self.anchors[pid as usize];
            if a.exact && &bytes[hs..he] != a.text.as_bytes() {
                return;
            }
            if let Matcher::Keyword = a.matcher {
                // One identifier (`DB_PASSWORD`) holds several keywords: judge it once.
                if hs < ident_end {
                    return;
                }
                let (end, cand) = keyword::find(text, hs, he);
                ident_end = end;
                cands.extend(cand);
            } else {
                cands.extend(self.run(a.matcher, text, hs));
            }
        };
        // Anchor occurrences as (end, start, anchor index), handled in the order of an
        // overlapping automaton scan: by end, then the longer first, then by index. Positions
        // come in order, so a hit ending at or before the current position is final.
        let mut pending: Vec<(usize, usize, u32)> = Vec::new();
        self.starts
            .for_each(bytes, 0, bytes.len(), false, |p, longest| {
                if !pending.is_empty() {
                    pending.sort_unstable();
                    let done = pending.partition_point(|h| h.0 <= p);
                    pending.drain(..done).for_each(&mut handle);
                }
                for &i in &self.prefixes[longest] {
                    pending.push((p + self.anchors[i as usize].text.len(), p, i));
                }
                true
            });
        pending.sort_unstable();
        pending.into_iter().for_each(handle);
        resolve(cands)
    }

    /// `text` with every secret replaced by `[REDACTED:<rule>]`, and the matches (offsets into
    /// the original); `None` when there is nothing to redact, so callers keep the original bytes.
    pub fn redact(&self, text: &str) -> Option<(String, Vec<SecretMatch>)> {
        let found = self.find(text);
        if found.is_empty() {
            return None;
        }
        Some((redact_with(text, &found), found))
    }

    fn run(&self, matcher: Matcher, text: &str, hs: usize) -> Option<Candidate> {
        match matcher {
            Matcher::Pattern(i) => self.pattern(text, i, hs),
            Matcher::Pem => special::pem(text, hs),
            Matcher::UrlPassword => special::url_password(text, hs),
            Matcher::Keyword => None,
        }
    }

    /// Runs the rule of pattern `i` around an anchor at `hs`.
    fn pattern(&self, text: &str, i: usize, hs: usize) -> Option<Candidate> {
        let p: &Pattern = &PATTERNS[i];
        let re = &self.regexes[i];
        let b = text.as_bytes();
        let ws = floor_boundary(text, hs.saturating_sub(p.back));
        let we = ceil_boundary(text, (hs + p.max_len).min(text.len()));
        let input = Input::new(text).range(ws..we).anchored(if p.back == 0 {
            Anchored::Yes
        } else {
            Anchored::No
        });
        let m = re
            .find_iter(input)
            .find(|m| m.start() <= hs && hs < m.end())?;
        let (mut s, mut e) = (m.start(), m.end());
        if re
            .group_info()
            .to_index(regex_automata::PatternID::ZERO, "s")
            .is_some()
        {
            let mut caps = re.create_captures();
            re.search_captures(
                &Input::new(text).range(s..e).anchored(Anchored::Yes),
                &mut caps,
            );
            let g = caps.get_group_by_name("s")?;
            (s, e) = (g.start, g.end);
        } else if !boundary_before(b, s) {
            return None;
        }
        if b.get(e).is_some_and(|c| {
            c.is_ascii_alphanumeric()
                || (matches!(p.check, Check::Entropy(_)) && matches!(c, b'/' | b'+'))
        }) {
            return None;
        }
        let secret = &text[s..e];
        if !matches!(p.check, Check::Jwt | Check::Base64Body(_)) && check::looks_fake(secret) {
            return None;
        }
        let verified = verify(p.check, text, s, secret)?;
        Some(Candidate::new(p.info.id, s, e, verified, 3))
    }
}

fn anchor(a: &'static str, matcher: Matcher) -> Anchor {
    match a.strip_prefix('~') {
        Some(t) => Anchor {
            text: t,
            exact: false,
            matcher,
        },
        None => Anchor {
            text: a,
            exact: true,
            matcher,
        },
    }
}

/// `Some(verified)` when the candidate passes the rule's check, `None` when it is rejected.
fn verify(check: Check, text: &str, start: usize, secret: &str) -> Option<bool> {
    match check {
        Check::None => Some(false),
        Check::Crc32Base62(prefix) => Some(check::crc32_base62_ok(secret, prefix)),
        Check::Jwt => check::jwt(secret),
        Check::Base64Len(n) => Some(check::b64(secret).is_some_and(|d| d.len() == n)),
        Check::DiscordId => check::discord_id_ok(secret).then_some(true),
        Check::OpenAiMarker => Some(secret.contains("T3BlbkFJ")),
        Check::Base64Body(skip) => Some(check::b64(&secret[skip..]).is_some()),
        Check::Bech32 => check::bech32_ok(secret).then_some(true),
        Check::Entropy(min) => (check::entropy(secret) >= min).then_some(false),
        Check::SasContext => {
            let lo = floor_boundary(text, start.saturating_sub(512));
            text[lo..start].contains("sv=").then_some(false)
        }
    }
}

/// The byte before `s` does not continue a token: start of text, a non-alphanumeric byte, or the
/// letter of an escaped `\n`, `\r`, `\t` (text that carries JSON-escaped newlines).
fn boundary_before(b: &[u8], s: usize) -> bool {
    if s == 0 || !b[s - 1].is_ascii_alphanumeric() {
        return true;
    }
    s >= 2 && matches!(b[s - 1], b'n' | b'r' | b't') && b[s - 2] == b'\\'
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Non-overlapping matches in order; on overlap the higher-priority (then longer) candidate wins.
fn resolve(mut cands: Vec<Candidate>) -> Vec<SecretMatch> {
    cands.sort_by(|a, b| {
        a.m.start
            .cmp(&b.m.start)
            .then(b.priority.cmp(&a.priority))
            .then(b.m.end.cmp(&a.m.end))
    });
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        match out.last_mut() {
            Some(last) if c.m.start < last.m.end => {
                if c.priority > last.priority {
                    *last = c;
                }
            }
            _ => out.push(c),
        }
    }
    out.into_iter().map(|c| c.m).collect()
}

/// Replaces each match with `[REDACTED:<rule>]`. Spans never contain quotes or end inside an
/// escape sequence, so text that was valid JSON stays valid JSON.
fn redact_with(text: &str, found: &[SecretMatch]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in found {
        out.push_str(&text[last..m.start]);
        out.push_str("[REDACTED:");
        out.push_str(m.rule);
        out.push(']');
        last = m.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_ids_are_listed() {
        let s = SecretScanner::new();
        assert_eq!(s.regexes.len(), PATTERNS.len());
        let ids = rules();
        for r in &ids {
            assert!(!r.description.is_empty(), "{}", r.id);
            assert!(r
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }

    #[test]
    fn scanner_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<SecretScanner>();
    }
}
