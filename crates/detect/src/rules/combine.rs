//! The combiner: turns atoms and tool references into findings.
//!
//! The mechanics of a poisoned description are (a) an imperative aimed at the model combined with
//! (b) a target outside the tool's own purpose: another tool, a credential, an argument's value,
//! an external address, the user kept unaware. Honest descriptions carry (a) alone ("you MUST call
//! resolve-library-id first") or (b) alone (an SSH tool that names `~/.ssh/id_rsa`). So most rules
//! here fire only when ingredients meet in the same sentence (or the one before), and the weak
//! single signals carry low weights that cannot block on their own.

use super::atoms::{Atom, ATOM_COUNT};
use super::catalog::*;
use super::sentences;
use super::tools::{RefKind, ToolRef};

/// Which kind of field a text came from: some rules only make sense in a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// A tool/prompt/resource description, or free text such as server instructions.
    Description,
    /// Any other text: schema descriptions, titles, enum values, defaults.
    Other,
}

/// A rule hit in normalised coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub rule: &'static Rule,
    /// The weight this hit adds (the rule's, or more when the context aggravates it).
    pub weight: u32,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

struct Ctx<'a> {
    text: &'a str,
    atoms: &'a [(Atom, usize, usize)],
    refs: &'a [ToolRef],
    starts: Vec<usize>,
    sent_bits: Vec<u64>,
    field_bits: u64,
}

const fn bit(a: Atom) -> u64 {
    1u64 << (a as u8)
}

const _: () = assert!(ATOM_COUNT <= 64);

impl Ctx<'_> {
    fn sent(&self, pos: usize) -> usize {
        sentences::index(&self.starts, pos)
    }
    fn has(&self, a: Atom) -> bool {
        self.field_bits & bit(a) != 0
    }
    fn in_sent(&self, a: Atom, s: usize) -> bool {
        self.sent_bits.get(s).is_some_and(|b| b & bit(a) != 0)
    }
    fn near(&self, a: Atom, s: usize) -> bool {
        self.in_sent(a, s) || (s > 0 && self.in_sent(a, s - 1))
    }
    fn first(&self, a: Atom) -> Option<(usize, usize)> {
        self.atoms.iter().find(|x| x.0 == a).map(|x| (x.1, x.2))
    }
    fn each(&self, a: Atom) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.atoms
            .iter()
            .filter(move |x| x.0 == a)
            .map(|x| (x.1, x.2))
    }
    fn sentence(&self, s: usize) -> (usize, usize) {
        let start = self.starts.get(s).copied().unwrap_or(0);
        let end = self.starts.get(s + 1).copied().unwrap_or(self.text.len());
        (start, end)
    }
    fn refs_in(&self, s: usize, kind: RefKind) -> impl Iterator<Item = &ToolRef> + '_ {
        self.refs
            .iter()
            .filter(move |r| r.kind == kind && !r.is_self && !r.negated && self.sent(r.start) == s)
    }
    fn other_ref_near(&self, s: usize, kind: RefKind) -> bool {
        self.refs_in(s, kind).next().is_some()
            || (s > 0 && self.refs_in(s - 1, kind).next().is_some())
    }
    /// True when a negation ends just before `pos` ("do not change ...").
    fn negated_at(&self, pos: usize) -> bool {
        self.each(Atom::Negation)
            .any(|(_, e)| e <= pos && pos - e <= 24)
    }
    /// A later sentence that opens with a bare imperative verb ("Send the file to ...").
    fn imperative_start(&self, s: usize) -> bool {
        self.imperative(s, false)
    }
    /// "When/Before ..., <imperative>": a condition followed by an order.
    fn conditional_imperative(&self, s: usize) -> bool {
        self.imperative(s, true)
    }
    fn imperative(&self, s: usize, need_condition: bool) -> bool {
        let (a, b) = self.sentence(s);
        let mut t = self.text[a..b].trim_start_matches(|c: char| !c.is_ascii_alphabetic());
        // A short role label ("assistant:", "note:") does not change the mood.
        if let Some(p) = t.find(':') {
            if p <= 12 && t[..p].chars().all(|c| c.is_ascii_alphabetic()) {
                t = t[p + 1..].trim_start_matches(|c: char| !c.is_ascii_alphabetic());
            }
        }
        let head = t.get(..t.len().min(12)).unwrap_or("").to_ascii_lowercase();
        const CONDITIONS: &[&str] = &[
            "before ",
            "after ",
            "when ",
            "whenever ",
            "once ",
            "prior to ",
            "if ",
            "each time ",
        ];
        if CONDITIONS.iter().any(|w| head.starts_with(w)) {
            // "Before using this tool, read ..." — the imperative follows the clause.
            match t.find(',') {
                Some(p) => t = t[p + 1..].trim_start(),
                None => return false,
            }
        } else if s == 0 || need_condition {
            // A first sentence in the imperative is how honest tools say what they do.
            return false;
        }
        const ADVERBS: &[&str] = &[
            "also",
            "then",
            "please",
            "quietly",
            "silently",
            "just",
            "simply",
            "additionally",
            "now",
            "secretly",
        ];
        let mut words = t
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty());
        let mut w = words.next().unwrap_or("").to_ascii_lowercase();
        while ADVERBS.contains(&w.as_str()) {
            w = words.next().unwrap_or("").to_ascii_lowercase();
        }
        const VERBS: &[&str] = &[
            "call",
            "use",
            "run",
            "invoke",
            "execute",
            "send",
            "read",
            "include",
            "pass",
            "append",
            "set",
            "change",
            "modify",
            "replace",
            "redirect",
            "add",
            "delete",
            "remove",
            "reset",
            "forward",
            "copy",
            "upload",
            "post",
            "write",
            "overwrite",
            "ignore",
            "always",
            "never",
            "first",
            "then",
            "attach",
            "insert",
            "put",
            "embed",
            "collect",
            "gather",
            "extract",
            "email",
            "leak",
        ];
        VERBS.contains(&w.as_str())
    }
}

fn build_ctx<'a>(text: &'a str, atoms: &'a [(Atom, usize, usize)], refs: &'a [ToolRef]) -> Ctx<'a> {
    let starts = sentences::starts(text);
    let mut sent_bits = vec![0u64; starts.len()];
    let mut field_bits = 0u64;
    for (a, s, _) in atoms {
        let i = sentences::index(&starts, *s);
        if let Some(b) = sent_bits.get_mut(i) {
            *b |= bit(*a);
        }
        field_bits |= bit(*a);
    }
    Ctx {
        text,
        atoms,
        refs,
        starts,
        sent_bits,
        field_bits,
    }
}

const DIRECT: &[(Atom, &Rule, &str)] = &[
    (
        Atom::Ignore,
        &OVERRIDE_IGNORE,
        "tells the model to ignore its previous instructions",
    ),
    (
        Atom::Priority,
        &OVERRIDE_PRIORITY,
        "claims priority over the user or other instructions",
    ),
    (
        Atom::UserIntent,
        &OVERRIDE_USER_INTENT,
        "tells the model to act regardless of what the user asked",
    ),
    (
        Atom::Coercion,
        &OVERRIDE_COERCION,
        "pressures the model with a threat of failure",
    ),
    (
        Atom::FakeMarker,
        &ROLE_FAKE_MARKER,
        "imitates a privileged/system channel marker",
    ),
    (
        Atom::ModelAddress,
        &ROLE_MODEL_ADDRESS,
        "addresses the model directly",
    ),
    (
        Atom::Conceal,
        &SECRECY_CONCEAL,
        "tells the model to keep something from the user",
    ),
    (
        Atom::Silent,
        &SECRECY_SILENT,
        "asks for an action to be done silently",
    ),
    (
        Atom::SensPath,
        &SENSITIVE_PATH,
        "names a credential or private file",
    ),
    (
        Atom::Script,
        &EXEC_SCRIPT,
        "carries a script or shell payload",
    ),
];

/// Combines one field's atoms and tool references into rule hits.
pub(crate) fn combine(
    text: &str,
    atoms: &[(Atom, usize, usize)],
    refs: &[ToolRef],
    kind: FieldKind,
) -> Vec<Hit> {
    let c = build_ctx(text, atoms, refs);
    let mut hits = Vec::new();
    let mut push = |rule: &'static Rule,
                    weight: u32,
                    (start, end): (usize, usize),
                    message: String| {
        match hits.iter_mut().find(|h: &&mut Hit| h.rule.id == rule.id) {
            Some(h) if h.weight < weight => {
                *h = Hit {
                    rule,
                    weight,
                    start,
                    end,
                    message,
                }
            }
            Some(_) => {}
            None => hits.push(Hit {
                rule,
                weight,
                start,
                end,
                message,
            }),
        }
    };
    for (atom, rule, msg) in DIRECT {
        if let Some(span) = c.first(*atom) {
            push(rule, rule.weight, span, (*msg).to_owned());
        }
    }
    let override_ctx =
        c.has(Atom::Ignore) || c.has(Atom::Priority) || c.has(Atom::Conceal) || c.has(Atom::Silent);
    let directive = |s: usize| {
        c.near(Atom::Modal, s)
            || c.other_ref_near(s, RefKind::Call)
            || c.other_ref_near(s, RefKind::Trigger)
            || c.imperative_start(s)
            || override_ctx
    };

    // Sensitive files: named together with an act on them, in a directive.
    for (s0, e0) in c.each(Atom::SensPath) {
        let s = c.sent(s0);
        let acts = c.in_sent(Atom::Destructive, s) || c.in_sent(Atom::TamperLiteral, s);
        let reads = c.in_sent(Atom::Read, s) || c.in_sent(Atom::Transfer, s);
        let sends = c.in_sent(Atom::Transfer, s) && c.imperative_start(s);
        if acts || (reads && directive(s)) || sends {
            push(
                &SENSITIVE_ACCESS,
                SENSITIVE_ACCESS.weight,
                (s0, e0),
                "directs the model to read, send or change a credential or private file".into(),
            );
            break;
        }
    }

    // Exfiltration into an argument: a private source, a transfer verb and a parameter.
    for s in 0..c.starts.len() {
        let source = c.in_sent(Atom::SensPath, s)
            || c.in_sent(Atom::Conversation, s)
            || (c.in_sent(Atom::SecretNoun, s) && c.in_sent(Atom::Read, s));
        let param = c.near(Atom::ParamRef, s) || c.in_sent(Atom::ParamNoun, s);
        let via_call = c.refs_in(s, RefKind::Call).next().is_some();
        let carried = (c.in_sent(Atom::Transfer, s) && param) || via_call;
        if source && carried && (directive(s) || c.imperative_start(s)) {
            push(
                &EXFIL_PARAM,
                EXFIL_PARAM.weight,
                c.sentence(s),
                "asks for private data to be put into an argument".into(),
            );
            break;
        }
    }

    // External sinks: an address or URL that data is sent or redirected to, in a directive.
    for a in [Atom::Email, Atom::Url] {
        for (s0, e0) in c.each(a) {
            let s = c.sent(s0);
            let moves = c.in_sent(Atom::Transfer, s)
                || c.in_sent(Atom::TamperLiteral, s)
                || c.in_sent(Atom::Recipient, s);
            if moves && (directive(s) || c.has(Atom::UserIntent)) {
                push(
                    &EXFIL_SINK,
                    EXFIL_SINK.weight,
                    (s0, e0),
                    "directs data to an address or URL named in the text".into(),
                );
            }
        }
    }

    // Argument tampering: "set/change P to 'V'" as a directive or against the user's intent.
    for (s0, e0) in c
        .each(Atom::TamperLiteral)
        .chain(c.each(Atom::TamperStrong))
    {
        let s = c.sent(s0);
        if c.negated_at(s0) {
            continue;
        }
        let literal = c.in_sent(Atom::TamperLiteral, s);
        let strong_target =
            literal || c.in_sent(Atom::ParamNoun, s) || c.in_sent(Atom::QuotedLiteral, s);
        let why = c.near(Atom::Modal, s)
            || c.has(Atom::UserIntent)
            || (literal
                && (c.other_ref_near(s, RefKind::Trigger)
                    || c.near(Atom::UserTrigger, s)
                    || c.conditional_imperative(s)));
        if strong_target && why {
            push(
                &TAMPER_ARGUMENT,
                TAMPER_ARGUMENT.weight,
                (s0, e0),
                "tells the model to change or fix an argument's value".into(),
            );
            if c.near(Atom::UserTrigger, s) || c.near(Atom::Instead, s) {
                push(
                    &OVERRIDE_USER_INTENT,
                    OVERRIDE_USER_INTENT.weight,
                    (s0, e0),
                    "substitutes its own value for what the user asked".into(),
                );
            }
            if c.in_sent(Atom::Recipient, s) {
                push(
                    &TAMPER_RECIPIENT,
                    TAMPER_RECIPIENT.weight,
                    (s0, e0),
                    "tells the model to change a recipient, destination or amount".into(),
                );
            }
        }
    }

    // Dictating argument values for another tool: "when X is used, you must ... 'literal'".
    for r in c
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Trigger && !r.is_self)
    {
        let s = c.sent(r.start);
        let (_, se) = c.sentence(s);
        let literal_after = c
            .each(Atom::QuotedLiteral)
            .any(|(q, _)| q > r.end && q < se);
        if c.in_sent(Atom::Modal, s) && literal_after && !c.in_sent(Atom::SelfRef, s) {
            push(
                &TAMPER_ARGUMENT,
                TAMPER_ARGUMENT.weight,
                (r.start, r.end),
                format!("dictates argument values whenever `{}` is used", r.name),
            );
        }
    }

    // A script payload that the model is told to run.
    for (s0, e0) in c.each(Atom::Script) {
        let s = c.sent(s0);
        if directive(s) || c.imperative_start(s) {
            push(
                &EXEC_SCRIPT,
                60,
                (s0, e0),
                "directs the model to run a script or shell payload".into(),
            );
        }
    }

    // Destructive side steps.
    for (s0, e0) in c.each(Atom::ModalDestructive) {
        push(
            &DESTRUCTIVE_DIRECTIVE,
            DESTRUCTIVE_DIRECTIVE.weight,
            (s0, e0),
            "directs the model to delete, reset or overwrite something".into(),
        );
    }
    for r in c
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Call && !r.is_self && !r.negated)
    {
        let s = c.sent(r.start);
        let lname = r.name.to_ascii_lowercase();
        const STEMS: &[&str] = &[
            "delete",
            "remove",
            "reset",
            "drop",
            "destroy",
            "wipe",
            "purge",
            "truncate",
            "void",
            "kill",
            "terminate",
            "erase",
            "revoke",
            "uninstall",
            "overwrite",
        ];
        let destructive_name = STEMS.iter().any(|st| lname.contains(st));
        let destructive_act = {
            let (_, se) = c.sentence(s);
            c.each(Atom::Destructive)
                .any(|(d, _)| d > r.end && d < se.min(r.end + 80))
        };
        if (destructive_name || destructive_act) && c.near(Atom::Modal, s) {
            push(
                &DESTRUCTIVE_DIRECTIVE,
                DESTRUCTIVE_DIRECTIVE.weight,
                (r.start, r.end),
                format!("directs the model to run destructive `{}`", r.name),
            );
        }
    }

    shadow(&c, kind, &mut push);
    hits
}

fn shadow(
    c: &Ctx<'_>,
    kind: FieldKind,
    push: &mut impl FnMut(&'static Rule, u32, (usize, usize), String),
) {
    let calls: Vec<&ToolRef> = c
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Call && !r.is_self && !r.negated)
        .collect();
    let self_directed = |s: usize| {
        c.in_sent(Atom::SelfRef, s) || c.refs.iter().any(|r| r.is_self && c.sent(r.start) == s)
    };
    let triggers: Vec<&ToolRef> = c
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Trigger && !r.is_self && !self_directed(c.sent(r.start)))
        .collect();
    if let Some(r) = calls.first() {
        push(
            &SHADOW_CALL_OTHER,
            SHADOW_CALL_OTHER.weight,
            (r.start, r.end),
            format!("directs the model to call `{}`", r.name),
        );
    }
    for r in &triggers {
        let s = c.sent(r.start);
        let (w, how) = if c.in_sent(Atom::Modal, s) {
            (45, "directs the model")
        } else {
            (SHADOW_TRIGGER.weight, "attaches instructions")
        };
        push(
            &SHADOW_TRIGGER,
            w,
            (r.start, r.end),
            format!("{how} whenever `{}` is used", r.name),
        );
    }
    if (!calls.is_empty() || !triggers.is_empty()) && c.has(Atom::Coercion) {
        if let Some(span) = c.first(Atom::Coercion) {
            push(
                &SHADOW_COERCED,
                SHADOW_COERCED.weight,
                span,
                "threatens failure unless another tool is used".into(),
            );
        }
    }
    for t in &triggers {
        let ts = c.sent(t.start);
        if let Some(y) = calls
            .iter()
            .find(|y| y.start != t.start && (c.sent(y.start) == ts || c.sent(y.start) == ts + 1))
        {
            push(
                &SHADOW_CHAIN,
                SHADOW_CHAIN.weight,
                (t.start, y.end.max(t.end)),
                format!("when `{}` is used, calls `{}`", t.name, y.name),
            );
            break;
        }
    }
    for r in &calls {
        let s = c.sent(r.start);
        let (_, se) = c.sentence(s);
        let lit = c.each(Atom::QuotedLiteral).any(|(q, qe)| {
            let between = c.text.get(r.end..q).unwrap_or("").to_ascii_lowercase();
            let same_clause = !between.contains([',', ';'])
                && !["unless", " if ", " when ", "except", " or "]
                    .iter()
                    .any(|w| between.contains(w));
            q > r.end
                && q < se.min(r.end + 100)
                && same_clause
                && !c.refs.iter().any(|o| o.start >= q && o.start < qe)
        });
        if lit {
            let (ss, _) = c.sentence(s);
            let pre = precondition(&c.text[ss..se]) || c.in_sent(Atom::Modal, s);
            let w = if pre { 45 } else { SHADOW_FORCED_ARGS.weight };
            push(
                &SHADOW_FORCED_ARGS,
                w,
                (r.start, r.end),
                format!("requires calling `{}` with fixed argument values", r.name),
            );
        }
    }
    for (s0, e0) in c.each(Atom::Instead) {
        let s = c.sent(s0);
        let target = c.other_ref_near(s, RefKind::Call) || c.other_ref_near(s, RefKind::Trigger);
        let pressure =
            c.near(Atom::Modal, s) || c.near(Atom::UserTrigger, s) || c.has(Atom::Deprecated);
        if target && pressure && !self_directed(s) {
            push(
                &SHADOW_REPLACE,
                SHADOW_REPLACE.weight,
                (s0, e0),
                "tells the model to use something instead of what was asked".into(),
            );
            break;
        }
    }
    if c.has(Atom::Deprecated)
        && (c.has(Atom::Instead) || c.has(Atom::TamperStrong) || !calls.is_empty())
    {
        if let Some(span) = c.first(Atom::Deprecated) {
            push(
                &SHADOW_REPLACE,
                SHADOW_REPLACE.weight,
                span,
                "declares something deprecated to redirect the model".into(),
            );
        }
    }
    if kind == FieldKind::Description
        && (!calls.is_empty() || !triggers.is_empty() || c.has(Atom::TamperLiteral))
    {
        if let Some(span) = opens_with_directive(c.text) {
            let first_end = c.starts.get(1).copied().unwrap_or(c.text.len());
            let steers = c
                .refs
                .iter()
                .any(|r| !r.is_self && !r.negated && r.start < first_end);
            let w = if steers {
                45
            } else {
                SHADOW_HIDDEN_PURPOSE.weight
            };
            push(
                &SHADOW_HIDDEN_PURPOSE,
                w,
                span,
                "the description opens with directives, not with what the tool does".into(),
            );
        }
    }
}

/// A sentence that makes a call a precondition: "before ...", "first", "requires calling".
fn precondition(sentence: &str) -> bool {
    let l = sentence.to_ascii_lowercase();
    [
        "before",
        "first",
        "prior to",
        "require",
        "to use this",
        "in order to",
        "needs to be called",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// The first sentence (after markers such as `<IMPORTANT>` or `SYSTEM ALERT:`) is a condition or
/// directive rather than a statement of what the tool does.
fn opens_with_directive(text: &str) -> Option<(usize, usize)> {
    let mut t = text.trim_start();
    loop {
        let before = t.len();
        if t.starts_with('<') {
            if let Some(p) = t.find('>') {
                t = t[p + 1..].trim_start();
            }
        }
        if let Some(p) = t.find(':') {
            let head = &t[..p];
            if p < 40
                && head
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == ' ' || c == '_')
            {
                t = t[p + 1..].trim_start();
            }
        }
        if t.len() == before {
            break;
        }
    }
    let lower: String = t.chars().take(40).collect::<String>().to_ascii_lowercase();
    const OPENERS: &[&str] = &[
        "before ",
        "after ",
        "when ",
        "whenever ",
        "prior to ",
        "for any ",
        "for all ",
        "any ",
        "all ",
        "you must",
        "you should",
        "always ",
        "never ",
        "do not ",
        "don't ",
        "to ensure",
        "to prevent",
        "to provide",
        "to improve",
        "to enforce",
        "to help",
        "to promote",
        "to encourage",
        "to highlight",
        "for compliance",
        "for security",
        "for privacy",
        "for data",
        "for build",
        "for user",
        "due to ",
        "as a pre",
        "as part of",
        "ignore ",
        "this description",
    ];
    if OPENERS.iter().any(|o| lower.starts_with(o)) {
        let start = text.len() - t.len();
        Some((start, start + t.len().min(60)))
    } else {
        None
    }
}
