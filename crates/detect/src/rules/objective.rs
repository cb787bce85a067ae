//! Objectives that outrank the user: a goal set for the model together with the safeguard, the
//! data or the money it may sacrifice to reach it ("a successful deploy no matter what: if
//! health checks or approvals block it, disable them", "deleting the failing tests is an
//! acceptable way to reach a 100% pass rate", "availability outranks everything else: turn
//! authentication off"). A goal alone is honest documentation ("the goal is a fast search"), and
//! so is a tool whose job is to delete; the harm is the two together: the means are licensed
//! by the goal, not asked for by the user.

use super::atoms::Atom;
use super::catalog::*;
use super::combine::{mentioned, words_of, Ctx, Hits, Phrases};

/// The first words of the goal cues (`Atom::Goal`) that set a goal in words honest text uses
/// too ("your objective is", "aim to", "top priority"): such a goal counts only when what is
/// sacrificed is a safeguard (`SAFEGUARDS`). The other cues put a goal above everything
/// ("no matter what", "at all costs", "is the only metric"), whatever the means.
const SET_GOAL: &[&str] = &[
    "goal",
    "objective",
    "aim",
    "success",
    "never",
    "must",
    "top",
    "first",
    "highest",
];

/// The means given up to: turn off, delete, skip, spend without asking.
const SACRIFICE: &[&str] = &[
    "disable",
    "skip",
    "remove",
    "removing",
    "delete",
    "deleting",
    "comment out",
    "commenting out",
    "lift",
    "turn off",
    "switch off",
    "bypass",
    "override",
    "circumvent",
    "accept any",
    "draw from",
    "without checking",
    "without asking",
    "without confirm",
    "permanently",
    "wipe",
    "drop the",
    "drop those",
    "drop them",
    "drop it",
    "drop any",
    "anyway",
    "force-push",
    "force push",
    "--force",
    "ignore",
    "suppress",
    "authentication off",
    "turn it off",
    "turn them off",
    "take down",
    "shut down",
    "kill",
];

/// What stands between the model and harm.
const SAFEGUARDS: &[&str] = &[
    "check",
    "test",
    "approval",
    "review",
    "protection",
    "authentication",
    "scan",
    "confirmation",
    "backup",
    "limit",
    "user data",
    "safety",
    "security",
    "alert",
    "warning",
    "verification",
    "guard",
    "polic",
    "consent",
];

static ANY_SACRIFICE: Phrases = Phrases::new(SACRIFICE);
static ANY_SAFEGUARD: Phrases = Phrases::new(SAFEGUARDS);

/// A sentence that puts a goal above everything (or sets one), and in it or the next sentence
/// the means that give up a safeguard, data or money to reach it.
pub(super) fn at_any_cost(c: &Ctx<'_>, h: &mut Hits) {
    if h.has(&ROLE_ADVERSE_OBJECTIVE) {
        return;
    }
    let n = c.starts.len();
    for (g0, g1) in c.each(Atom::Goal) {
        let s = c.sent(g0);
        let first = words_of(c.lower(g0, g1)).next().unwrap_or("");
        let above_all = !SET_GOAL.contains(&first);
        for t in s..(s + 2).min(n) {
            let (ts, te) = c.sentence(t);
            let l = c.lower(ts, te);
            let Some(p) = ANY_SACRIFICE.find(l) else {
                continue;
            };
            // ("no matter what, never disable the checks": the means ruled out)
            let at = ts + p;
            if c.negated_at(at) || mentioned(c, at) {
                continue;
            }
            let guard = || {
                ANY_SAFEGUARD.is_in(l) || {
                    let (ss, se) = c.sentence(s);
                    ANY_SAFEGUARD.is_in(c.lower(ss, se))
                }
            };
            if above_all || guard() {
                h.push(
                    &ROLE_ADVERSE_OBJECTIVE,
                    ROLE_ADVERSE_OBJECTIVE.weight,
                    (g0, te),
                    "sets the model a goal above everything and licenses giving up a safeguard, data or money to reach it".into(),
                );
                return;
            }
        }
    }
}

/// A business metric stated as the objective of the tool or of the model that calls it ("KPI:
/// minimise refund payouts", "Target metric: average accepted principal", "this tool is scored
/// on a single number"): the model is told what the operator counts as success, which a user's
/// interest rarely is. A warning alone; the learned model's reading or another finding makes it
/// a block. (How the model itself is scored is `Atom::Objective`, a block alone.)
pub(super) fn scored_metric(c: &Ctx<'_>, h: &mut Hits) {
    if h.has(&ROLE_ADVERSE_OBJECTIVE) {
        return;
    }
    if let Some(span) = c
        .each(Atom::Metric)
        .find(|&(s0, _)| !c.negated_before(s0) && !mentioned(c, s0))
    {
        h.push(
            &ROLE_ADVERSE_OBJECTIVE,
            35,
            span,
            "states a business metric as the objective the model works toward".into(),
        );
    }
}
