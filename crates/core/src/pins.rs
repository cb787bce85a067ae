//! Trust on first use: what a server lists is compared with what the user trusted.
//!
//! The gateway loads a [`PinBook`] (the store's view of one server) into the session; the gate
//! judges every listing against it and returns the [`PinChange`]s to record. An item that differs
//! from its pin, is new in strict mode, or is new and blocked by the detection engine, is removed from
//! the listing the client sees and refused when called, until `mcpguard pins approve`.

use std::collections::HashMap;
use std::fmt;

use mcpguard_store::{
    ItemKind, PendingReason, PendingState, Pin, PinChange, PinnedItem, ServerRecord,
};
use serde_json::Value;

use crate::canonical::{changed_fields, item_name, pinned};
use crate::manifest::ManifestState;
use crate::outcome::Notice;

/// How new items are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PinMode {
    /// The first definition seen is trusted, unless the detection engine blocks it.
    #[default]
    Tofu,
    /// Nothing new is usable until approved.
    Strict,
}

/// The detection engine's say on an item never seen before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub block: bool,
    /// Why (rule ids and messages), kept with the held item.
    pub note: String,
}

/// Judges definitions (implemented over the detection engine by the gateway's wiring).
pub trait Judge: Send + Sync + fmt::Debug {
    fn judge(&self, kind: ItemKind, definition: &Value) -> Judgement;

    /// The findings about a definition, as (rule id, severity name), for the policy's context.
    fn findings(&self, _kind: ItemKind, _definition: &Value) -> Vec<(String, String)> {
        Vec::new()
    }
}

type Key = (ItemKind, String);

/// The store's view of one server, as loaded by the gateway.
#[derive(Debug, Clone)]
pub struct PinBook {
    server: String,
    /// Why the whole server is blocked (its launch spec changed and is not approved).
    launch_blocked: Option<String>,
    pins: HashMap<Key, Pin>,
}

impl PinBook {
    pub fn new(record: &ServerRecord, pins: Vec<Pin>) -> PinBook {
        let launch_blocked = record.pending_launch.as_ref().map(|new| {
            let state = match record.pending_state {
                Some(PendingState::Rejected) => "was rejected",
                _ => "is waiting for approval",
            };
            format!(
                "its launch command changed from {} to {new} and the change {state}",
                record.launch
            )
        });
        let pins = pins
            .into_iter()
            .map(|p| ((p.kind, p.name.clone()), p))
            .collect();
        PinBook {
            server: record.name.clone(),
            launch_blocked,
            pins,
        }
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    fn record(&mut self, change: &PinChange) {
        match change {
            PinChange::Trust { kind, name, item } => {
                let pin = self
                    .pins
                    .entry((*kind, name.clone()))
                    .or_insert_with(|| empty_pin(&self.server, *kind, name));
                pin.approved = Some(item.clone());
                pin.pending = None;
            }
            PinChange::Hold {
                kind,
                name,
                reason,
                item,
                note,
            } => {
                let pin = self
                    .pins
                    .entry((*kind, name.clone()))
                    .or_insert_with(|| empty_pin(&self.server, *kind, name));
                let same = pin.pending.as_ref().is_some_and(|p| {
                    p.reason == *reason
                        && p.item.as_ref().map(|i| &i.hash) == item.as_ref().map(|i| &i.hash)
                });
                if !same {
                    pin.pending = Some(mcpguard_store::Pending {
                        reason: *reason,
                        state: PendingState::Pending,
                        item: item.clone(),
                        note: note.clone(),
                    });
                }
            }
        }
    }
}

fn empty_pin(server: &str, kind: ItemKind, name: &str) -> Pin {
    Pin {
        server: server.to_owned(),
        kind,
        name: name.to_owned(),
        approved: None,
        pending: None,
        first_seen: 0,
        updated_at: 0,
    }
}

/// What this session has seen listed.
#[derive(Debug, Clone)]
struct Seen {
    item: PinnedItem,
    /// Why it may not be used (`None`: usable).
    blocked: Option<String>,
}

/// Pinning state of one session.
#[derive(Debug, Clone)]
pub(crate) struct PinState {
    book: PinBook,
    seen: HashMap<Key, Seen>,
    /// The server's signed manifest, when one is configured: items must match it too.
    pub manifest: Option<ManifestState>,
}

/// The result of judging one listing.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// One flag per item: does the client get to see it?
    pub keep: Vec<bool>,
    pub changes: Vec<PinChange>,
    pub notices: Vec<Notice>,
}

impl PinState {
    pub fn new(book: PinBook) -> PinState {
        PinState {
            book,
            seen: HashMap::new(),
            manifest: None,
        }
    }

    pub fn server(&self) -> &str {
        &self.book.server
    }

    /// Replaces the book (an approval from another terminal). Returns the kinds in which an item
    /// that was blocked in this session is usable now, so the client can be told to list again.
    pub fn set_book(&mut self, book: PinBook) -> Vec<ItemKind> {
        self.book = book;
        let mut unblocked = Vec::new();
        for ((kind, name), seen) in self.seen.iter_mut() {
            if seen.blocked.is_some() {
                let trusted = self
                    .book
                    .pins
                    .get(&(*kind, name.clone()))
                    .is_some_and(|p| p.trusts(&seen.item.hash));
                let declared = self
                    .manifest
                    .as_ref()
                    .is_none_or(|m| m.allows_item(*kind, name, &seen.item.hash).is_ok());
                if trusted && declared && self.book.launch_blocked.is_none() {
                    seen.blocked = None;
                    if !unblocked.contains(kind) {
                        unblocked.push(*kind);
                    }
                }
            }
        }
        unblocked
    }

    /// Why the whole server is blocked, if it is.
    pub fn server_blocked(&self) -> Option<String> {
        if let Some(why) = self.manifest.as_ref().and_then(ManifestState::blocked) {
            return Some(why.to_owned());
        }
        self.book.launch_blocked.clone()
    }

    /// Judges a listing of `kind`. `complete` is true when the listing is the whole set (no
    /// pagination), so that missing items count as removed.
    pub fn judge_listing(
        &mut self,
        mode: PinMode,
        judge: Option<&dyn Judge>,
        kind: ItemKind,
        items: &[Value],
        complete: bool,
    ) -> Listing {
        let mut out = Listing::default();
        let mut listed = Vec::with_capacity(items.len());
        for def in items {
            let Some(name) = item_name(kind, def) else {
                out.keep.push(false);
                out.notices.push(Notice::warn(format!(
                    "withheld a {} without a name",
                    kind.as_str()
                )));
                continue;
            };
            let item = pinned(kind, def);
            let by_manifest = self
                .manifest
                .as_ref()
                .and_then(|m| m.allows_item(kind, &name, &item.hash).err());
            let (blocked, change) = match by_manifest {
                Some(why) => (Some(why), None),
                None => self.decide(mode, judge, kind, &name, def, &item),
            };
            if let Some(change) = change {
                self.book.record(&change);
                out.changes.push(change);
            }
            if let Some(why) = &blocked {
                out.notices.push(Notice::warn(format!(
                    "withheld {} `{name}`: {why}",
                    kind.as_str()
                )));
            }
            out.keep
                .push(blocked.is_none() && self.server_blocked().is_none());
            self.seen
                .insert((kind, name.clone()), Seen { item, blocked });
            listed.push(name);
        }
        if complete {
            self.record_removals(kind, &listed, &mut out);
        }
        out
    }

    fn decide(
        &self,
        mode: PinMode,
        judge: Option<&dyn Judge>,
        kind: ItemKind,
        name: &str,
        def: &Value,
        item: &PinnedItem,
    ) -> (Option<String>, Option<PinChange>) {
        let hold = |reason, note: String| PinChange::Hold {
            kind,
            name: name.to_owned(),
            reason,
            item: Some(item.clone()),
            note,
        };
        match self.book.pins.get(&(kind, name.to_owned())) {
            Some(pin) if pin.trusts(&item.hash) => {
                // back to the trusted definition: clear any pending change (e.g. a removal)
                let clear = pin.pending.is_some().then(|| PinChange::Trust {
                    kind,
                    name: name.to_owned(),
                    item: item.clone(),
                });
                (None, clear)
            }
            Some(Pin {
                approved: Some(old),
                ..
            }) => {
                let fields = changed_fields(&old.content, &item.content).join(", ");
                let state = self.pending_state(kind, name, &item.hash);
                (
                    Some(format!(
                        "it changed since it was approved ({fields} differ) and the change {state}"
                    )),
                    Some(hold(PendingReason::Changed, format!("changed: {fields}"))),
                )
            }
            Some(Pin {
                pending: Some(p), ..
            }) => {
                let state = self.pending_state(kind, name, &item.hash);
                let what = match p.reason {
                    PendingReason::Flagged => {
                        format!("the detection engine flagged it ({})", p.note)
                    }
                    _ => "it is new".to_owned(),
                };
                (
                    Some(format!("{what} and it {state}")),
                    Some(hold(p.reason, p.note.clone())),
                )
            }
            _ => match mode {
                PinMode::Strict => (
                    Some("it is new and strict mode needs an approval".into()),
                    Some(hold(PendingReason::New, String::new())),
                ),
                PinMode::Tofu => match judge.map(|j| j.judge(kind, def)) {
                    Some(j) if j.block => (
                        Some(format!(
                            "it is new and the detection engine blocks it: {}",
                            j.note
                        )),
                        Some(hold(PendingReason::Flagged, j.note)),
                    ),
                    _ => (
                        None,
                        Some(PinChange::Trust {
                            kind,
                            name: name.to_owned(),
                            item: item.clone(),
                        }),
                    ),
                },
            },
        }
    }

    fn pending_state(&self, kind: ItemKind, name: &str, hash: &str) -> &'static str {
        let pending = self
            .book
            .pins
            .get(&(kind, name.to_owned()))
            .and_then(|p| p.pending.as_ref());
        match pending {
            Some(p)
                if p.state == PendingState::Rejected
                    && p.item.as_ref().is_some_and(|i| i.hash == hash) =>
            {
                "was rejected"
            }
            _ => "is waiting for approval",
        }
    }

    fn record_removals(&mut self, kind: ItemKind, listed: &[String], out: &mut Listing) {
        let gone: Vec<String> = self
            .book
            .pins
            .values()
            .filter(|p| p.kind == kind && p.approved.is_some() && !listed.contains(&p.name))
            .filter(|p| {
                !p.pending
                    .as_ref()
                    .is_some_and(|x| x.reason == PendingReason::Removed)
            })
            .map(|p| p.name.clone())
            .collect();
        for name in gone {
            out.notices.push(Notice::info(format!(
                "{} `{name}` is no longer listed by the server",
                kind.as_str()
            )));
            let change = PinChange::Hold {
                kind,
                name,
                reason: PendingReason::Removed,
                item: None,
                note: String::new(),
            };
            self.book.record(&change);
            out.changes.push(change);
        }
    }

    /// May the client use this item? `Err` says why not.
    pub fn check_use(&self, kind: ItemKind, name: &str) -> Result<(), String> {
        if let Some(why) = self.server_blocked() {
            return Err(format!("the server is blocked: {why}"));
        }
        match self.seen.get(&(kind, name.to_owned())) {
            Some(Seen {
                blocked: Some(why), ..
            }) => Err(why.clone()),
            Some(_) => Ok(()),
            None => match self.book.pins.get(&(kind, name.to_owned())) {
                // listed in an earlier session and trusted: the manifest must agree too
                Some(Pin {
                    approved: Some(a),
                    pending: None,
                    ..
                }) => match &self.manifest {
                    Some(m) => m.allows_item(kind, name, &a.hash),
                    None => Ok(()),
                },
                _ => Err(NOT_LISTED.into()),
            },
        }
    }

    /// Is `uri` covered by a resource template that is blocked? Returns the reason.
    pub fn blocked_resource(&self, uri: &str) -> Option<String> {
        if let Some(why) = self.server_blocked() {
            return Some(format!("the server is blocked: {why}"));
        }
        self.seen.iter().find_map(|((kind, template), seen)| {
            let why = seen.blocked.as_ref()?;
            (*kind == ItemKind::ResourceTemplate && template_matches(template, uri))
                .then(|| format!("resource template `{template}` is blocked: {why}"))
        })
    }
}

/// Why an item nobody listed is refused (the server did not offer it through mcpguard).
pub(crate) const NOT_LISTED: &str =
    "it was not offered in any listing seen through mcpguard (list first)";

/// Does `uri` match an RFC 6570 URI template? Simple (`{x}`) expressions match one path segment,
/// reserved (`{+x}`, `{#x}`) ones anything; other operators match anything up to the next literal.
pub fn template_matches(template: &str, uri: &str) -> bool {
    fn go(t: &str, u: &str) -> bool {
        match t.find('{') {
            None => t == u,
            Some(open) => {
                let (lit, rest) = t.split_at(open);
                let Some(u) = u.strip_prefix(lit) else {
                    return false;
                };
                let Some(close) = rest.find('}') else {
                    return false;
                };
                let expr = &rest[1..close];
                let after = &rest[close + 1..];
                let greedy = expr.starts_with('+') || expr.starts_with('#');
                (0..=u.len()).filter(|i| u.is_char_boundary(*i)).any(|i| {
                    let (var, tail) = u.split_at(i);
                    (greedy || !var.contains('/')) && go(after, tail)
                })
            }
        }
    }
    go(template, uri)
}

#[cfg(test)]
mod tests;
