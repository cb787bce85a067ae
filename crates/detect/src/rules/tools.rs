//! Tool references: which tools a text names, and how (call it, condition on it, or a parameter).
//!
//! Shadowing is about *other* tools: "before using X, call Y", "when X is called, set its `to`".
//! A description that only talks about itself ("call this function before 'get-library-docs'") is
//! an honest workflow note. So each reference is classified by its context in the sentence and
//! compared with the tool's own name.

use regex::bytes::{Regex, RegexBuilder};

use crate::error::Error;

/// How a tool is referenced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    /// "call / use / invoke X"
    Call,
    /// "before / when / after using X", "any call to X", "when X is called"
    Trigger,
    /// "the buy_shares tool ..." — another tool talked about, neither called nor conditioned on.
    Mention,
}

/// One reference to a tool name in normalised text.
#[derive(Debug, Clone)]
pub(crate) struct ToolRef {
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub kind: RefKind,
    pub is_self: bool,
    pub negated: bool,
}

pub(crate) struct ToolRefFinder {
    call_before: Regex,
    trigger_word: Regex,
    blocker: Regex,
    trigger_after: Regex,
    use_before: Regex,
    use_of: Regex,
    param_after: Regex,
    negation: Regex,
}

fn build(p: &str, ci: bool) -> Result<Regex, Error> {
    RegexBuilder::new(p)
        .unicode(false)
        .case_insensitive(ci)
        .build()
        .map_err(|e| Error::Rule {
            rule: "tool-refs",
            reason: e.to_string(),
        })
}

fn starts_with_ci(hay: &[u8], word: &[u8]) -> bool {
    hay.len() >= word.len() && hay[..word.len()].eq_ignore_ascii_case(word)
}

/// Lowercase alphanumerics only: `send_email`, `sendEmail` and `send-email` compare equal.
pub(crate) fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn code_like(s: &str) -> bool {
    code_like_bytes(s.as_bytes())
}

fn code_like_bytes(b: &[u8]) -> bool {
    let sep = b.windows(3).any(|w| {
        w[0].is_ascii_alphanumeric()
            && (w[1] == b'_' || w[1] == b'-')
            && w[2].is_ascii_alphanumeric()
    });
    let camel = b
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    sep || camel
}

const GLUE: &[&str] = &[
    "to", "by", "of", "in", "on", "and", "the", "a", "or", "at", "for",
];

fn plain_kebab(s: &str) -> bool {
    !s.contains('_')
        && s.contains('-')
        && s.split('-')
            .any(|p| GLUE.contains(&p.to_ascii_lowercase().as_str()))
}

/// A possible tool name: a quoted identifier, a code-like word, or the word after "tool".
struct Candidate {
    start: usize,
    end: usize,
    /// Start of the whole form (the opening quote, or the word "tool").
    whole_start: usize,
    /// End of the whole form (after the closing quote).
    whole_end: usize,
    quoted: bool,
    after_tool_word: bool,
}

fn is_tok(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/' | b':')
}

/// Length of a quote character ending at `i` (exclusive), if any.
fn quote_before(hay: &[u8], i: usize) -> Option<usize> {
    if i >= 1 && matches!(hay[i - 1], b'`' | b'\'' | b'"') {
        return Some(1);
    }
    if i >= 3
        && hay[i - 3] == 0xE2
        && hay[i - 2] == 0x80
        && matches!(hay[i - 1], 0x98 | 0x99 | 0x9C | 0x9D)
    {
        return Some(3);
    }
    None
}

/// Length of a quote character starting at `j`, if any.
fn quote_after(hay: &[u8], j: usize) -> Option<usize> {
    match hay.get(j) {
        Some(b'`' | b'\'' | b'"') => Some(1),
        Some(0xE2)
            if hay.get(j + 1) == Some(&0x80)
                && matches!(hay.get(j + 2), Some(0x98 | 0x99 | 0x9C | 0x9D)) =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// The word before byte `i` (skipping spaces) and where it starts.
fn previous_word(hay: &[u8], i: usize) -> (&[u8], usize) {
    let mut e = i;
    while e > 0 && hay[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && hay[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    (&hay[s..e], s)
}

/// True when the word after byte `j` is "tool" or "function" ("the merge tool").
fn next_word_is_tool(hay: &[u8], j: usize) -> bool {
    if j >= hay.len() || hay[j] != b' ' {
        return false;
    }
    let rest = &hay[j..];
    let rest = &rest[rest.iter().take_while(|b| **b == b' ').count()..];
    let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let w = &rest[..len];
    w.eq_ignore_ascii_case(b"tool") || w.eq_ignore_ascii_case(b"function")
}

fn candidates(hay: &[u8]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let n = hay.len();
    let mut i = 0;
    while i < n {
        if !hay[i].is_ascii_alphabetic() || (i > 0 && is_tok(hay[i - 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && is_tok(hay[j]) {
            j += 1;
        }
        let next = j;
        while j > i && matches!(hay[j - 1], b'.' | b':' | b'/' | b'-' | b'_') {
            j -= 1;
        }
        let tok = &hay[i..j];
        if let (Some(ql), Some(qr)) = (quote_before(hay, i), quote_after(hay, j)) {
            out.push(Candidate {
                start: i,
                end: j,
                whole_start: i - ql,
                whole_end: j + qr,
                quoted: true,
                after_tool_word: false,
            });
        } else if !tok.iter().any(|b| matches!(b, b'.' | b'/' | b':')) {
            let (prev, prev_start) = previous_word(hay, i);
            let after_tool =
                prev.eq_ignore_ascii_case(b"tool") || prev.eq_ignore_ascii_case(b"function");
            if after_tool && tok.len() >= 3 {
                out.push(Candidate {
                    start: i,
                    end: j,
                    whole_start: prev_start,
                    whole_end: j,
                    quoted: false,
                    after_tool_word: true,
                });
            } else if code_like_bytes(tok) || next_word_is_tool(hay, j) {
                out.push(Candidate {
                    start: i,
                    end: j,
                    whole_start: i,
                    whole_end: j,
                    quoted: false,
                    after_tool_word: false,
                });
            }
        }
        i = next.max(i + 1);
    }
    out
}

impl ToolRefFinder {
    pub(crate) fn compile() -> Result<Self, Error> {
        Ok(ToolRefFinder {
            call_before: build(
                r"\b(call|calls|calling|use|uses|using|invoke|invokes|invoking|run|runs|running|execute|executes|executing|trigger|triggers|triggering|query|querying|launch|launching|via|perform|performing|calling\s+the|use\s+the|call\s+to|calls\s+to|(send|sends|sending|post|posting|pass|passing|forward|forwarding)\s+(\w+\s+){0,6}to)\s+((the|a|an|another|the\s+same|one\s+more)\s+)?((\w+\s+){0,2}(tool|function|command|endpoint|api|action)\s+)?$",
                true,
            )?,
            trigger_word: build(
                r"\b(before|after|when|whenever|prior\s+to|each\s+time|every\s+time|once|upon|any|all|every)\b",
                true,
            )?,
            blocker: build(
                r"[,;:.!?]|\b(must|should|need|needs|have\s+to|you|then|first)\b",
                true,
            )?,
            trigger_after: build(
                r"^\W{0,3}\s*((tool|function)\s+)?((is|are|gets?|was)\s+(called|used|invoked|run|executed|triggered|requested)|(calls?|requests?|invocations?|queries|lookups|operations?)\b)",
                true,
            )?,
            use_before: build(
                r"\b(using|calling|invoking|running|executing|use|call|calls|to|via|with|through)\s+((the|a|an)\s+)?((tool|function|command)\s+)?$",
                true,
            )?,
            use_of: build(
                r"\b(made|done|performed|sent|executed|processed|handled|placed|submitted|created)\s+(with|via|through|using|by)\s+((the|a|an)\s+)?$",
                true,
            )?,
            param_after: build(
                r"^\W{0,3}\s*((parameter|param|argument|arg|field|property|key|value|attribute|option|flag|column|header)s?\b|[=:]|\()",
                true,
            )?,
            negation: build(
                r"\b(do\s+not|don'?t|never|not|avoid|without)\s+((\w+)\s+){0,2}$",
                true,
            )?,
        })
    }

    /// Finds tool references in `text`; `sentence_start(pos)` gives the start of pos's sentence.
    pub(crate) fn find(
        &self,
        text: &str,
        own_name: &str,
        sentence_start: impl Fn(usize) -> usize,
    ) -> Vec<ToolRef> {
        let hay = text.as_bytes();
        let own = squash(own_name);
        let mut out: Vec<ToolRef> = Vec::new();
        for cand in candidates(hay).into_iter().take(64) {
            let Candidate {
                start,
                end,
                whole_start: whole,
                whole_end,
                quoted,
                after_tool_word,
            } = cand;
            let name = &text[start..end];
            let ss = sentence_start(whole);
            let wstart = whole.saturating_sub(90).max(ss);
            let window = &hay[wstart..whole];
            let after = &hay[whole_end..];
            let after = &after[..after.len().min(40)];
            // Cheap byte tests first; the regexes run only for candidates that survive them.
            let next = {
                let skip = after
                    .iter()
                    .take_while(|b| !b.is_ascii_alphanumeric())
                    .count();
                &after[skip..]
            };
            let tool_suffix = after_tool_word
                || starts_with_ci(next, b"tool")
                || starts_with_ci(next, b"function")
                || (starts_with_ci(next, b"command") && code_like(name));
            let code = code_like(name) && (quoted || !plain_kebab(name));
            // A quoted plain word is a tool only with a tool noun or a strong call verb.
            let strong_call = quoted && {
                let trail = window
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                let w = &window[..window.len() - trail];
                [
                    &b"call"[..],
                    b"invoke",
                    b"trigger",
                    b"execute",
                    b"tool",
                    b"function",
                ]
                .iter()
                .any(|v| w.len() >= v.len() && w[w.len() - v.len()..].eq_ignore_ascii_case(v))
            };
            if !(code || tool_suffix || strong_call) {
                continue;
            }
            if self.param_after.is_match(after) {
                continue;
            }
            let trig_ctx = ((quoted || tool_suffix || self.use_before.is_match(window))
                && self.trigger_word.find_iter(window).last().is_some_and(|t| {
                    let between = &window[t.end()..];
                    !self.blocker.is_match(between)
                        && between
                            .split(|b| *b == b' ')
                            .filter(|w| !w.is_empty())
                            .count()
                            <= 6
                }))
                || self.trigger_after.is_match(after)
                || (code && self.use_of.is_match(window));
            let kind = if trig_ctx {
                RefKind::Trigger
            } else if self.call_before.is_match(window) || tool_suffix && quoted {
                RefKind::Call
            } else if tool_suffix && code {
                RefKind::Mention
            } else {
                continue;
            };
            let negated = self.negation.is_match(window);
            let sq = squash(name);
            if sq.is_empty() || out.iter().any(|r| r.start == start) {
                continue;
            }
            out.push(ToolRef {
                is_self: !own.is_empty() && sq == own,
                name: name.to_owned(),
                start,
                end,
                kind,
                negated,
            });
        }
        out
    }
}
