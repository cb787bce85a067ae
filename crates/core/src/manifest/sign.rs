//! Signing and verifying manifests.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::format::{Manifest, SignedManifest, FORMAT};

/// The id of a public key: the first 16 hex characters of sha256 of its 32 bytes.
pub fn key_id(public: &VerifyingKey) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(public.as_bytes()))[..16].to_owned()
}

/// Base64 of a public key's 32 bytes.
pub fn public_key_b64(public: &VerifyingKey) -> String {
    B64.encode(public.as_bytes())
}

/// A signing key from the base64 of its 32-byte seed (the content of a key file).
pub fn signing_key_from_b64(text: &str) -> Result<SigningKey, String> {
    let bytes = B64
        .decode(text.trim())
        .map_err(|e| format!("not base64: {e}"))?;
    let seed: [u8; 32] = bytes
        .try_into()
        .map_err(|_| "a private key is 32 bytes".to_owned())?;
    Ok(SigningKey::from_bytes(&seed))
}

fn canonical_bytes(m: &Manifest) -> Result<Vec<u8>, String> {
    let value = serde_json::to_value(m).map_err(|e| e.to_string())?;
    serde_json_canonicalizer::to_vec(&value).map_err(|e| e.to_string())
}

/// Signs a manifest with `key`, filling in its key id.
pub fn sign(mut manifest: Manifest, key: &SigningKey) -> Result<SignedManifest, String> {
    manifest.key_id = key_id(&key.verifying_key());
    let sig = key.sign(&canonical_bytes(&manifest)?);
    Ok(SignedManifest {
        manifest,
        signature: Some(B64.encode(sig.to_bytes())),
    })
}

/// A trusted key as verification sees it.
#[derive(Debug, Clone)]
pub struct KeyStatus {
    pub id: String,
    pub public_key: String,
    pub revoked: bool,
}

/// Why a manifest is not valid. Each has its own message: the user must know which check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    #[error("is not signed")]
    Unsigned,
    #[error("has format {0:?}, expected {FORMAT:?}")]
    Format(String),
    #[error("is signed by key {0}, which is not trusted (mcpguard keys trust …)")]
    UntrustedKey(String),
    #[error("is signed by key {0}, which was revoked")]
    RevokedKey(String),
    #[error("has a signature that does not verify with key {0}: it was altered after signing, or signed with another key")]
    BadSignature(String),
    #[error("has an unreadable signature: {0}")]
    Malformed(String),
    #[error("expired at {0}")]
    Expired(String),
    #[error("is not valid before {0}")]
    NotYetValid(String),
    #[error("has an invalid time {0:?}")]
    BadTime(String),
}

fn parse_time(s: &str) -> Result<OffsetDateTime, VerifyError> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(|_| VerifyError::BadTime(s.to_owned()))
}

/// Verifies a signed manifest against the trusted keys at time `now`.
pub fn verify(
    signed: &SignedManifest,
    keys: &[KeyStatus],
    now: OffsetDateTime,
) -> Result<(), VerifyError> {
    let m = &signed.manifest;
    if m.format != FORMAT {
        return Err(VerifyError::Format(m.format.clone()));
    }
    let sig_b64 = signed.signature.as_deref().ok_or(VerifyError::Unsigned)?;
    let key = keys
        .iter()
        .find(|k| k.id == m.key_id)
        .ok_or_else(|| VerifyError::UntrustedKey(m.key_id.clone()))?;
    if key.revoked {
        return Err(VerifyError::RevokedKey(key.id.clone()));
    }
    let pk_bytes: [u8; 32] = B64
        .decode(&key.public_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| {
            VerifyError::Malformed(format!(
                "trusted key {} is not a 32-byte Ed25519 key",
                key.id
            ))
        })?;
    let public =
        VerifyingKey::from_bytes(&pk_bytes).map_err(|e| VerifyError::Malformed(e.to_string()))?;
    if key_id(&public) != m.key_id {
        return Err(VerifyError::UntrustedKey(m.key_id.clone()));
    }
    let sig_bytes: [u8; 64] = B64
        .decode(sig_b64)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| VerifyError::Malformed("a signature is 64 bytes of base64".into()))?;
    let bytes = canonical_bytes(m).map_err(VerifyError::Malformed)?;
    public
        .verify(&bytes, &Signature::from_bytes(&sig_bytes))
        .map_err(|_| VerifyError::BadSignature(m.key_id.clone()))?;
    if now < parse_time(&m.issued_at)? {
        return Err(VerifyError::NotYetValid(m.issued_at.clone()));
    }
    if now >= parse_time(&m.expires_at)? {
        return Err(VerifyError::Expired(m.expires_at.clone()));
    }
    Ok(())
}
