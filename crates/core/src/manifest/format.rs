//! The manifest document.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The `format` value of this version of the document.
pub const FORMAT: &str = "mcpguard-manifest/1";

/// Who the server is, as its `serverInfo` says (version optional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerId {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// What the server may do beyond answering requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capabilities {
    /// May send `sampling/createMessage` (ask the client's model).
    #[serde(default)]
    pub sampling: bool,
    /// May send `elicitation/create` (ask the user).
    #[serde(default)]
    pub elicitation: bool,
    /// May send `roots/list`.
    #[serde(default)]
    pub roots: bool,
    /// Clients may subscribe to its resources (`resources/subscribe`).
    #[serde(default)]
    pub resources_subscribe: bool,
    /// Which lists may announce changes: any of `tools`, `prompts`, `resources`.
    #[serde(default)]
    pub list_changed: Vec<String>,
}

/// The signed part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub server: ServerId,
    /// RFC 3339 UTC times.
    pub issued_at: String,
    pub expires_at: String,
    /// The signing key's id (first 16 hex chars of sha256 of the public key); empty until signed.
    #[serde(default)]
    pub key_id: String,
    #[serde(default)]
    pub capabilities: Capabilities,
    /// Name → sha256 of the canonical definition.
    #[serde(default)]
    pub tools: BTreeMap<String, String>,
    #[serde(default)]
    pub prompts: BTreeMap<String, String>,
    /// URI template → sha256.
    #[serde(default)]
    pub resource_templates: BTreeMap<String, String>,
    /// sha256 of the canonical instructions, if the server has any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}

/// A manifest and its signature (base64 Ed25519 over the RFC 8785 form of `manifest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedManifest {
    pub manifest: Manifest,
    #[serde(default)]
    pub signature: Option<String>,
}
