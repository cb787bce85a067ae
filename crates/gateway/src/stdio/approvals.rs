//! Held calls on the gateway side: record them, ask the client or wait for the command line, and
//! time them out. The decisions themselves are applied by the gate (`Gate::resolve`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use mcpguard_core::approval::{HoldTicket, Resolution};
use mcpguard_store::{ApprovalStatus, NewApproval, Remember, Store};

use super::pump::{log, Shared};

/// Where approvals are recorded and how long a held call may wait.
#[derive(Clone)]
pub struct ApprovalSetup {
    pub store: Arc<dyn Store>,
    pub timeout: Duration,
    /// Identifies this gateway run in the approvals table.
    pub session: String,
}

impl std::fmt::Debug for ApprovalSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApprovalSetup")
            .field("timeout", &self.timeout)
            .field("session", &self.session)
            .finish_non_exhaustive()
    }
}

/// When each held call started waiting.
#[derive(Default)]
pub(crate) struct Waiting(Mutex<HashMap<i64, Instant>>);

fn truncated_json(v: &serde_json::Value) -> String {
    let mut s = v.to_string();
    if s.len() > 4096 {
        let cut = (0..=4096)
            .rev()
            .find(|i| s.is_char_boundary(*i))
            .unwrap_or(0);
        s.truncate(cut);
        s.push('…');
    }
    s
}

impl Shared {
    /// A call the gate held: record it, then ask the client or wait for the command line.
    pub(crate) fn hold(&self, ticket: &HoldTicket) {
        let Some(setup) = &self.approvals else {
            self.deny_unrecorded(ticket, "approvals are not available without a store");
            return;
        };
        let new = NewApproval {
            server: self.name.clone(),
            session: setup.session.clone(),
            tool: ticket.tool.clone(),
            arguments: truncated_json(&ticket.arguments),
            reason: ticket.reason.clone(),
        };
        let approval = match setup.store.create_approval(&new) {
            Ok(a) => a,
            Err(e) => {
                // fail closed: a call that cannot be recorded as held is not run
                log(
                    &self.name,
                    &format!("error: could not record the held call: {e}"),
                );
                self.deny_unrecorded(
                    ticket,
                    "the approval could not be recorded (the store is unavailable)",
                );
                return;
            }
        };
        let id = approval.id;
        let ask = self
            .gate
            .hold_registered(&mut self.lock_session(), ticket, id);
        self.waiting
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id, Instant::now());
        log(
            &self.name,
            &format!(
                "holding a call of `{}` for approval {id} ({}): `mcpguard approve {id}` or `mcpguard deny {id}`{} — denied after {} s",
                ticket.tool,
                ticket.reason,
                if ask.is_some() { ", or answer the client's question" } else { "" },
                setup.timeout.as_secs()
            ),
        );
        if let Some(ask) = ask {
            self.write_client(&ask);
        }
    }

    /// Denies a held call that could not be recorded (fail closed).
    fn deny_unrecorded(&self, ticket: &HoldTicket, why: &str) {
        let mut session = self.lock_session();
        let id = i64::MIN;
        let _ = self.gate.hold_registered(&mut session, ticket, id);
        let outcome = self
            .gate
            .resolve(&mut session, id, &Resolution::Deny(why.to_owned()));
        drop(session);
        self.apply(&outcome);
    }

    /// The client answered our form: record the answer (unless the command line was first) and apply.
    pub(crate) fn answered(&self, id: i64, resolution: &Resolution) {
        let resolution = match &self.approvals {
            Some(setup) => {
                let (status, remember) = match resolution {
                    Resolution::Approve(r) => (ApprovalStatus::Approved, *r),
                    Resolution::Deny(_) => (ApprovalStatus::Denied, Remember::Once),
                };
                match setup
                    .store
                    .decide_approval(id, status, remember, "elicitation")
                {
                    Ok(true) => resolution.clone(),
                    // decided elsewhere first: that decision stands
                    Ok(false) => match setup.store.approval(id) {
                        Ok(Some(a)) => from_status(a.status, a.remember),
                        _ => Resolution::Deny("the approval could not be read back".into()),
                    },
                    Err(e) => Resolution::Deny(format!("the decision could not be recorded: {e}")),
                }
            }
            None => resolution.clone(),
        };
        self.finish(id, &resolution);
    }

    fn finish(&self, id: i64, resolution: &Resolution) {
        self.waiting
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
        let outcome = self.gate.resolve(&mut self.lock_session(), id, resolution);
        self.apply(&outcome);
    }
}

fn from_status(status: ApprovalStatus, remember: Remember) -> Resolution {
    match status {
        ApprovalStatus::Approved => Resolution::Approve(remember),
        ApprovalStatus::Denied => Resolution::Deny("denied from the command line".into()),
        ApprovalStatus::Expired => Resolution::Deny("the approval expired".into()),
        ApprovalStatus::Pending => Resolution::Deny("still pending".into()),
    }
}

/// Watches held calls: decisions made from the command line, and timeouts.
pub(crate) fn spawn_watcher(shared: Arc<Shared>, setup: ApprovalSetup) {
    thread::spawn(move || loop {
        thread::sleep(Duration::from_millis(200));
        let held = shared.lock_session().held_approvals();
        for id in held {
            let decided = match setup.store.approval(id) {
                Ok(Some(a)) if a.status != ApprovalStatus::Pending => {
                    Some(from_status(a.status, a.remember))
                }
                Ok(_) => None,
                Err(e) => {
                    log(
                        &shared.name,
                        &format!("warning: cannot read approval {id}: {e}"),
                    );
                    None
                }
            };
            if let Some(resolution) = decided {
                shared.finish(id, &resolution);
                continue;
            }
            let since = shared
                .waiting
                .0
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get(&id)
                .copied();
            if since.is_some_and(|t| t.elapsed() >= setup.timeout) {
                let _ = setup.store.decide_approval(
                    id,
                    ApprovalStatus::Expired,
                    Remember::Once,
                    "timeout",
                );
                let why = format!("no decision within {} s", setup.timeout.as_secs());
                shared.finish(id, &Resolution::Deny(why));
            }
        }
    });
}
