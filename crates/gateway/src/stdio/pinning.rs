//! The store side of pinning for one wrapped server: load the pin book at start, record what the
//! gate observed before it takes effect, and pick up approvals made from another terminal.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use mcpguard_core::manifest::ManifestState;
use mcpguard_core::{PinBook, Session};
use mcpguard_store::{ItemKind, Store, StoreError};

use super::pump::{log, Shared};

/// Pinning for one server: where pins live and the identity they belong to.
#[derive(Clone)]
pub struct PinSetup {
    pub store: Arc<dyn Store>,
    /// The launch spec recorded with the server (a changed command line is itself a change).
    pub launch: String,
    /// The server's verified (or invalid) signed manifest, if one is configured.
    pub manifest: Option<ManifestState>,
}

impl std::fmt::Debug for PinSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinSetup")
            .field("launch", &self.launch)
            .finish_non_exhaustive()
    }
}

/// Loads the server's pins (recording it on first use) into a new session.
pub(crate) fn session_for(setup: &PinSetup, server: &str) -> Result<Session, StoreError> {
    let record = setup.store.record_server(server, &setup.launch)?;
    if let Some(new) = &record.pending_launch {
        log(server, &format!("warning: the launch command changed from {} to {new}: the server is blocked until `mcpguard pins approve {server} server`", record.launch));
    }
    let pins = setup.store.pins(server)?;
    let session = Session::with_pins(PinBook::new(&record, pins));
    Ok(match &setup.manifest {
        Some(m) => session.with_manifest(m.clone()),
        None => session,
    })
}

fn load_book(store: &dyn Store, server: &str) -> Result<Option<PinBook>, StoreError> {
    let Some(record) = store.server(server)? else {
        return Ok(None);
    };
    Ok(Some(PinBook::new(&record, store.pins(server)?)))
}

/// The notification that tells the client to list `kind` again.
fn list_changed(kind: ItemKind) -> Option<&'static [u8]> {
    match kind {
        ItemKind::Tool => Some(br#"{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}"#),
        ItemKind::Prompt => {
            Some(br#"{"jsonrpc":"2.0","method":"notifications/prompts/list_changed"}"#)
        }
        ItemKind::ResourceTemplate => {
            Some(br#"{"jsonrpc":"2.0","method":"notifications/resources/list_changed"}"#)
        }
        ItemKind::Instructions => None,
    }
}

/// Watches the store's generation; on a change, reloads the pin book into the session and tells
/// the client to list again what became usable. Runs until the process ends.
pub(crate) fn spawn_watcher(shared: Arc<Shared>, store: Arc<dyn Store>) {
    thread::spawn(move || {
        let mut seen = store.generation().ok();
        loop {
            thread::sleep(Duration::from_millis(300));
            let now = match store.generation() {
                Ok(g) => Some(g),
                Err(e) => {
                    log(
                        &shared.name,
                        &format!("warning: cannot read the store: {e}"),
                    );
                    continue;
                }
            };
            if now == seen {
                continue;
            }
            seen = now;
            let book = match load_book(store.as_ref(), &shared.name) {
                Ok(Some(book)) => book,
                Ok(None) => continue,
                Err(e) => {
                    log(&shared.name, &format!("warning: cannot reload pins: {e}"));
                    continue;
                }
            };
            let kinds = shared.lock_session().set_pin_book(book);
            for kind in kinds {
                log(
                    &shared.name,
                    &format!(
                        "an approved {} is usable again; asking the client to list again",
                        kind.as_str()
                    ),
                );
                if let Some(n) = list_changed(kind) {
                    shared.write_client(n);
                }
            }
        }
    });
}
