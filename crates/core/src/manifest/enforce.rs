//! Holding a running server to its manifest.

use mcpguard_store::ItemKind;
use serde_json::Value;

use super::format::Manifest;

/// The manifest of a session's server, as verified by the gateway at start.
#[derive(Debug, Clone)]
pub enum ManifestState {
    Valid(Box<Manifest>),
    /// The whole server is blocked; the text says why (e.g. "its manifest expired at …").
    Invalid(String),
}

fn list_kind(method: &str) -> Option<&'static str> {
    match method {
        "notifications/tools/list_changed" => Some("tools"),
        "notifications/prompts/list_changed" => Some("prompts"),
        "notifications/resources/list_changed" => Some("resources"),
        _ => None,
    }
}

impl ManifestState {
    /// Why the whole server is blocked, if it is.
    pub fn blocked(&self) -> Option<&str> {
        match self {
            ManifestState::Invalid(why) => Some(why),
            ManifestState::Valid(_) => None,
        }
    }

    /// May the server offer this item with this definition?
    pub fn allows_item(&self, kind: ItemKind, name: &str, hash: &str) -> Result<(), String> {
        let m = match self {
            ManifestState::Invalid(why) => return Err(why.clone()),
            ManifestState::Valid(m) => m,
        };
        let declared = match kind {
            ItemKind::Tool => m.tools.get(name),
            ItemKind::Prompt => m.prompts.get(name),
            ItemKind::ResourceTemplate => m.resource_templates.get(name),
            ItemKind::Instructions => m.instructions.as_ref(),
        };
        match declared {
            None => Err(format!(
                "it is not in the server's signed manifest (key {})",
                m.key_id
            )),
            Some(h) if h != hash => Err(format!(
                "its definition differs from the one in the server's signed manifest (key {})",
                m.key_id
            )),
            Some(_) => Ok(()),
        }
    }

    /// May the server send this request to the client?
    pub fn check_server_request(&self, method: &str) -> Result<(), String> {
        let m = match self {
            ManifestState::Invalid(why) => return Err(why.clone()),
            ManifestState::Valid(m) => m,
        };
        let (allowed, capability) = match method {
            "sampling/createMessage" => (m.capabilities.sampling, "sampling"),
            "elicitation/create" => (m.capabilities.elicitation, "elicitation"),
            "roots/list" => (m.capabilities.roots, "roots"),
            _ => return Ok(()),
        };
        if allowed {
            Ok(())
        } else {
            Err(format!("{method} needs the `{capability}` capability, which the server's signed manifest does not declare"))
        }
    }

    /// May the client send this request to the server?
    pub fn check_client_request(&self, method: &str) -> Result<(), String> {
        match self {
            ManifestState::Invalid(why) => Err(why.clone()),
            ManifestState::Valid(m)
                if method == "resources/subscribe" && !m.capabilities.resources_subscribe =>
            {
                Err("resources/subscribe is not declared in the server's signed manifest".into())
            }
            ManifestState::Valid(_) => Ok(()),
        }
    }

    /// May this notification from the server pass? (`list_changed` only for declared lists.)
    pub fn allows_notification(&self, method: &str) -> Result<(), String> {
        match (self, list_kind(method)) {
            (ManifestState::Invalid(why), _) => Err(why.clone()),
            (ManifestState::Valid(m), Some(kind))
                if !m.capabilities.list_changed.iter().any(|k| k == kind) =>
            {
                Err(format!(
                    "{method} is not declared in the server's signed manifest"
                ))
            }
            _ => Ok(()),
        }
    }

    /// The server's `serverInfo` must be the one the manifest names.
    pub fn check_identity(&self, server_info: Option<&Value>) -> Result<(), String> {
        let ManifestState::Valid(m) = self else {
            return Ok(());
        };
        let name = server_info
            .and_then(|i| i.get("name"))
            .and_then(Value::as_str);
        let version = server_info
            .and_then(|i| i.get("version"))
            .and_then(Value::as_str);
        if name != Some(m.server.name.as_str()) {
            return Err(format!(
                "the server says it is {:?} but its signed manifest is for {:?}",
                name.unwrap_or("(no name)"),
                m.server.name
            ));
        }
        if let Some(v) = &m.server.version {
            if version != Some(v.as_str()) {
                return Err(format!("the server says it is version {:?} but its signed manifest is for version {v:?}", version.unwrap_or("(none)")));
            }
        }
        Ok(())
    }

    /// In the stateless era, server→client requests travel inside `InputRequiredResult.inputRequests`:
    /// each must be a method the manifest allows.
    pub fn check_input_requests(&self, result: &Value) -> Result<(), String> {
        let Some(requests) = result.get("inputRequests").and_then(Value::as_object) else {
            return Ok(());
        };
        for request in requests.values() {
            let method = request.get("method").and_then(Value::as_str).unwrap_or("");
            self.check_server_request(method)?;
        }
        Ok(())
    }
}
