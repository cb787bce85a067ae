//! Keys trusted to sign capability manifests.

use serde::Serialize;

/// A public key the user trusts (or trusted, until `revoked_at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustedKey {
    /// First 16 hex characters of sha256(public key bytes).
    pub id: String,
    /// Base64 of the 32-byte Ed25519 public key.
    pub public_key: String,
    pub label: String,
    pub trusted_at: i64,
    pub revoked_at: Option<i64>,
}
