//! The judge: turns content atoms into findings.
//!
//! In results, imperatives are normal ("click here", "run the following command"); what marks an
//! injection is a *lead* — the reader is an AI model (addressed, or its task on this content is
//! referred to), previous instructions are overridden, a privileged channel is faked, something is
//! to be hidden from the user — combined with a *payload* close by: use a tool, send data, visit
//! a URL, answer in a dictated way, keep quiet. A lead alone is a weak signal (warn at most, often
//! less); a lead with a payload within a short reach blocks.
//!
//! Text that *discusses* injection (security docs, papers, test fixtures) carries the same phrases.
//! When a lead sits in quotes or code on its line, or when injection vocabulary surrounds it
//! ("prompt injection", "attacker", "payload" — two distinct words within reach), its combined
//! weight is capped below the block threshold: such text warns. Hidden leads are never capped.

use super::atoms::{Atom, Kind};
use super::markup::Region;
use super::rules::*;
use crate::rules::catalog::Rule;

/// How far before a lead a payload may start, and how far after it.
const BEFORE: usize = 160;
const AFTER: usize = 500;
/// Weight cap for leads in discussion context (below the default block threshold of 60).
const DISCUSSED: u32 = 40;

/// A rule hit (offsets in the scanned text).
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub rule: &'static Rule,
    pub weight: u32,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

fn payload_name(k: Kind) -> &'static str {
    match k {
        Kind::ToolCall => "to call a tool",
        Kind::Send => "to send data somewhere",
        Kind::Data => "for private data (conversation, secrets, files)",
        Kind::UrlExfil => "to build a URL that carries data out",
        Kind::Output => "to answer in a dictated way",
        Kind::Visit => "to visit a URL or run a command",
        Kind::Secrecy => "to keep it from the user",
        Kind::Override => "to ignore its instructions",
        Kind::NewTask => "to take a new task or mode",
        Kind::Address => "(addressed to an AI)",
        Kind::TaskRef => "(tied to the model's task)",
        Kind::Marker | Kind::RoleTag | Kind::JsonRole => "(behind a fake role marker)",
        _ => "",
    }
}

/// What each lead combines with, the weight alone and combined, and the rule.
fn lead_rule(k: Kind) -> Option<(&'static Rule, u32, u32, &'static [Kind], &'static str)> {
    use Kind::*;
    Some(match k {
        Address => (
            &MODEL_DIRECTIVE,
            0,
            70,
            &[
                ToolCall, Send, Data, UrlExfil, Output, Visit, Secrecy, Override, NewTask,
            ],
            "addresses an AI reader and asks it",
        ),
        TaskRef => (
            &MODEL_DIRECTIVE,
            0,
            65,
            &[
                ToolCall, Send, UrlExfil, Output, Secrecy, Override, NewTask, Visit,
            ],
            "refers to the model's task on this content and asks it",
        ),
        Override => (
            &INSTRUCTION_OVERRIDE,
            45,
            70,
            &[
                Address, TaskRef, Marker, RoleTag, ToolCall, Send, Data, UrlExfil, Output, Visit,
                Secrecy, NewTask,
            ],
            "tells the reader to ignore its instructions, and asks",
        ),
        NewTask => (
            &INSTRUCTION_OVERRIDE,
            30,
            65,
            &[
                Address, Marker, ToolCall, Send, Data, UrlExfil, Output, Visit, Secrecy, Override,
            ],
            "hands the reader a new task or mode, and asks",
        ),
        Secrecy => (
            &CONCEAL,
            30,
            70,
            &[
                ToolCall, Send, Data, UrlExfil, Visit, Address, TaskRef, Override, NewTask, Marker,
            ],
            "asks to keep something from the user, and asks",
        ),
        Marker => (
            &ROLE_MARKER,
            40,
            65,
            &[
                Override, NewTask, Secrecy, ToolCall, Send, Data, UrlExfil, Output, Address,
            ],
            "fakes a system/role/turn marker, and asks",
        ),
        RoleTag => (
            &ROLE_MARKER,
            15,
            60,
            &[
                Override, NewTask, Secrecy, ToolCall, Send, UrlExfil, Address,
            ],
            "fakes a role label or tag, and asks",
        ),
        UrlExfil => (
            &EXFILTRATION,
            45,
            70,
            &[Data, Address, TaskRef, Override, NewTask, Secrecy, Output],
            "builds a URL or image link that carries data out, and asks",
        ),
        _ => return None,
    })
}

struct Ctx<'a> {
    text: &'a str,
    atoms: &'a [Atom],
    regions: &'a [Region],
}

impl Ctx<'_> {
    fn near(&self, lead: &Atom, kinds: &[Kind]) -> Option<&Atom> {
        let lo = lead.start.saturating_sub(BEFORE);
        let hi = lead.end + AFTER;
        let from = self.atoms.partition_point(|a| a.start < lo);
        self.atoms[from..]
            .iter()
            .take_while(|a| a.start <= hi)
            .find(|a| kinds.contains(&a.kind) && !(a.start == lead.start && a.kind == lead.kind))
    }

    fn hidden(&self, a: &Atom) -> bool {
        self.regions
            .iter()
            .any(|r| a.start >= r.start && a.start < r.end)
    }

    /// The lead sits in quotes or code on its line with injection vocabulary in reach, or two
    /// distinct injection words surround it.
    fn discussed(&self, a: &Atom) -> bool {
        let b = self.text.as_bytes();
        let lo = a.start.saturating_sub(600);
        let hi = a.end + 600;
        let from = self.atoms.partition_point(|x| x.start < lo);
        let mut seen: Vec<&[u8]> = Vec::new();
        for x in self.atoms[from..].iter().take_while(|x| x.start <= hi) {
            if x.kind == Kind::Discuss {
                let w = &b[x.start..x.end.min(x.start + 6)];
                if !seen.iter().any(|s| s.eq_ignore_ascii_case(w)) {
                    seen.push(w);
                }
            }
        }
        if seen.len() >= 2 {
            return true;
        }
        if seen.is_empty() {
            return false;
        }
        let ls = memchr::memrchr(b'\n', &b[..a.start]).map_or(0, |p| p + 1);
        let before = &b[ls..a.start];
        let odd = |q: u8| before.iter().filter(|&&c| c == q).count() % 2 == 1;
        let curly = crate::normalize::slice(self.text, ls, a.start);
        odd(b'"') || odd(b'`') || curly.matches('“').count() > curly.matches('”').count()
    }
}

/// Judges the atoms of one text; `regions` are the hidden regions (markup and terminal).
pub(crate) fn judge(text: &str, atoms: &[Atom], regions: &[Region]) -> Vec<Hit> {
    let c = Ctx {
        text,
        atoms,
        regions,
    };
    let mut hits: Vec<Hit> = Vec::new();
    let mut leads: Vec<(u32, bool)> = Vec::new();
    let mut push = |h: Hit| match hits.iter_mut().find(|x| x.rule.id == h.rule.id) {
        Some(x) if x.weight < h.weight => *x = h,
        Some(_) => {}
        None => hits.push(h),
    };
    let mut address_only: Option<&Atom> = None;
    for a in atoms {
        let Some((rule, alone, combined, kinds, what)) = lead_rule(a.kind) else {
            continue;
        };
        let hidden = c.hidden(a);
        match c.near(a, kinds) {
            Some(p) => {
                let mut w = combined;
                let discussed = !hidden && c.discussed(a);
                leads.push((w, discussed));
                if discussed {
                    w = w.min(DISCUSSED);
                }
                let msg = format!("{what} {}", payload_name(p.kind));
                push(Hit {
                    rule,
                    weight: w,
                    start: a.start.min(p.start),
                    end: a.end.max(p.end),
                    message: msg,
                });
            }
            None if a.kind == Kind::Address => {
                address_only.get_or_insert(a);
            }
            None if alone > 0 => {
                let w = if hidden { alone.max(45) } else { alone };
                leads.push((w, !hidden && c.discussed(a)));
                let msg = what
                    .trim_end_matches(", and asks")
                    .trim_end_matches(" and asks it")
                    .to_owned();
                push(Hit {
                    rule,
                    weight: w,
                    start: a.start,
                    end: a.end,
                    message: msg,
                });
            }
            None => {}
        }
    }
    if let Some(a) = address_only {
        push(Hit {
            rule: &MODEL_ADDRESS,
            weight: MODEL_ADDRESS.weight,
            start: a.start,
            end: a.end,
            message: "addresses an AI reader".into(),
        });
    }
    turns(&c, &mut push);
    send_data(&c, &mut push);
    hidden_regions(&c, &mut push);
    // Text that only discusses injection (every lead in discussion context, nothing hidden)
    // warns at most: its strongest finding keeps the capped weight, the others become context.
    let all_discussed = !leads.is_empty() && leads.iter().all(|l| l.1);
    if all_discussed && !hits.iter().any(|h| h.rule.id == HTML_HIDDEN.id) {
        hits.sort_by_key(|h| std::cmp::Reverse(h.weight));
        for (i, h) in hits.iter_mut().enumerate() {
            let cap = if i == 0 { DISCUSSED } else { 5 };
            h.weight = h.weight.min(cap);
        }
    }
    hits
}

/// A fake conversation: user and assistant turns at line starts, with an override in reach.
fn turns(c: &Ctx<'_>, push: &mut impl FnMut(Hit)) {
    let user = c.atoms.iter().find(|a| a.kind == Kind::TurnUser);
    let asst = c.atoms.iter().find(|a| a.kind == Kind::TurnAssistant);
    let (Some(u), Some(a)) = (user, asst) else {
        return;
    };
    let strong = [Kind::Override, Kind::NewTask, Kind::Secrecy];
    let lead = c
        .atoms
        .iter()
        .filter(|x| matches!(x.kind, Kind::TurnUser | Kind::TurnAssistant));
    let armed = lead
        .clone()
        .find_map(|t| c.near(t, &strong).map(|p| (t, p)));
    let (w, s, e, msg) = match armed {
        Some((t, p)) => (
            60,
            t.start,
            p.end,
            "fakes conversation turns that carry instructions",
        ),
        None => (
            25,
            u.start.min(a.start),
            u.end.max(a.end),
            "fakes user/assistant conversation turns",
        ),
    };
    let w = if w > DISCUSSED && armed.is_some_and(|(t, _)| c.discussed(t)) {
        DISCUSSED
    } else {
        w
    };
    push(Hit {
        rule: &ROLE_MARKER,
        weight: w,
        start: s,
        end: e,
        message: msg.into(),
    });
}

/// Private data and a destination in one short stretch, without any lead: a weak signal.
fn send_data(c: &Ctx<'_>, push: &mut impl FnMut(Hit)) {
    for s in c.atoms.iter().filter(|a| a.kind == Kind::Send) {
        let lo = s.start.saturating_sub(120);
        let hi = s.end + 120;
        if c.atoms
            .iter()
            .any(|d| d.kind == Kind::Data && d.start >= lo && d.start <= hi)
        {
            push(Hit {
                rule: &EXFILTRATION,
                weight: 20,
                start: s.start,
                end: s.end,
                message: "names private data and a destination together".into(),
            });
            return;
        }
    }
}

/// Instructions inside hidden regions.
fn hidden_regions(c: &Ctx<'_>, push: &mut impl FnMut(Hit)) {
    use Kind::*;
    for r in c.regions {
        let from = c.atoms.partition_point(|a| a.start < r.start);
        let inside = c.atoms[from..].iter().take_while(|a| a.start < r.end);
        let mut strong = None;
        let mut weak = None;
        for a in inside {
            match a.kind {
                Address | TaskRef | Override | NewTask | Secrecy | Marker | RoleTag | UrlExfil
                | ToolCall | Send | Output => {
                    strong.get_or_insert(a);
                }
                Data | Visit => {
                    weak.get_or_insert(a);
                }
                _ => {}
            }
        }
        let rule = if r.how.starts_with("terminal") {
            &ANSI_ESCAPE
        } else {
            &HTML_HIDDEN
        };
        if let Some(a) = strong.or(weak) {
            let w = if strong.is_some() { 60 } else { 30 };
            push(Hit {
                rule,
                weight: w,
                start: r.start,
                end: r.end,
                message: format!(
                    "{} hides text aimed at the model ({})",
                    r.how,
                    payload_name(a.kind).trim_matches(['(', ')'])
                ),
            });
        }
    }
}
