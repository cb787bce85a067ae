//! Signed capability manifests: what a server is, what it offers, and what it may ask of the client.
//!
//! MCP has no way for a server to prove what it is; mcpguard enforces a signed statement on its
//! side of the boundary. A manifest names the server, the SHA-256 of each tool, prompt, resource
//! template and the instructions (the same canonical form as pins), and the capabilities the
//! server may use. It is canonicalised with RFC 8785 and signed with Ed25519 by a key the user
//! trusts. At run time a server configured with a manifest must match it, or it is blocked —
//! item by item, capability by capability, or whole (bad signature, untrusted, revoked or expired
//! key). See docs/manifests.md for the format.

mod enforce;
mod format;
mod sign;

pub use enforce::ManifestState;
pub use format::{Capabilities, Manifest, ServerId, SignedManifest, FORMAT};
pub use sign::{
    key_id, public_key_b64, sign, signing_key_from_b64, verify, KeyStatus, VerifyError,
};

#[cfg(test)]
mod tests;
