use super::*;
use ed25519_dalek::SigningKey;
use mcpguard_store::ItemKind;
use serde_json::json;
use time::macros::datetime;

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn trusted(k: &SigningKey, revoked: bool) -> KeyStatus {
    let public = k.verifying_key();
    KeyStatus {
        id: key_id(&public),
        public_key: public_key_b64(&public),
        revoked,
    }
}

fn manifest() -> Manifest {
    let tool =
        json!({"name": "read", "description": "Reads a file.", "inputSchema": {"type": "object"}});
    Manifest {
        format: FORMAT.into(),
        server: ServerId {
            name: "files".into(),
            version: Some("1.0".into()),
        },
        issued_at: "2026-01-01T00:00:00Z".into(),
        expires_at: "2027-01-01T00:00:00Z".into(),
        key_id: String::new(),
        capabilities: Capabilities {
            sampling: false,
            elicitation: true,
            roots: false,
            resources_subscribe: false,
            list_changed: vec!["tools".into()],
        },
        tools: [(
            "read".to_owned(),
            crate::canonical::pinned(ItemKind::Tool, &tool).hash,
        )]
        .into(),
        prompts: Default::default(),
        resource_templates: Default::default(),
        instructions: None,
    }
}

const NOW: time::OffsetDateTime = datetime!(2026-06-01 00:00 UTC);

#[test]
fn a_signed_manifest_verifies() {
    let k = key(1);
    let signed = sign(manifest(), &k).unwrap();
    assert_eq!(verify(&signed, &[trusted(&k, false)], NOW), Ok(()));
}

#[test]
fn every_failure_has_its_own_error() {
    let k = key(1);
    let signed = sign(manifest(), &k).unwrap();
    assert!(matches!(
        verify(&signed, &[trusted(&key(2), false)], NOW),
        Err(VerifyError::UntrustedKey(_))
    ));
    assert!(matches!(
        verify(&signed, &[trusted(&k, true)], NOW),
        Err(VerifyError::RevokedKey(_))
    ));
    assert!(matches!(
        verify(
            &signed,
            &[trusted(&k, false)],
            datetime!(2027-02-01 00:00 UTC)
        ),
        Err(VerifyError::Expired(_))
    ));
    assert!(matches!(
        verify(
            &signed,
            &[trusted(&k, false)],
            datetime!(2025-02-01 00:00 UTC)
        ),
        Err(VerifyError::NotYetValid(_))
    ));
    let unsigned = SignedManifest {
        manifest: signed.manifest.clone(),
        signature: None,
    };
    assert_eq!(
        verify(&unsigned, &[trusted(&k, false)], NOW),
        Err(VerifyError::Unsigned)
    );
    // signed by another key that claims this key's id
    let mut forged = sign(manifest(), &key(2)).unwrap();
    forged.manifest.key_id = signed.manifest.key_id.clone();
    assert!(matches!(
        verify(&forged, &[trusted(&k, false)], NOW),
        Err(VerifyError::BadSignature(_))
    ));
}

#[test]
fn any_change_to_the_signed_content_breaks_the_signature() {
    let k = key(1);
    let keys = [trusted(&k, false)];
    let signed = sign(manifest(), &k).unwrap();
    let mut m = signed.clone();
    m.manifest.capabilities.sampling = true;
    assert!(matches!(
        verify(&m, &keys, NOW),
        Err(VerifyError::BadSignature(_))
    ));
    let mut m = signed.clone();
    m.manifest.tools.insert("delete".into(), "00".into());
    assert!(matches!(
        verify(&m, &keys, NOW),
        Err(VerifyError::BadSignature(_))
    ));
    let mut m = signed.clone();
    m.manifest.expires_at = "2099-01-01T00:00:00Z".into();
    assert!(matches!(
        verify(&m, &keys, NOW),
        Err(VerifyError::BadSignature(_))
    ));
    // every byte of the signature matters
    let sig = signed.signature.clone().unwrap();
    for i in 0..sig.len() - 2 {
        let mut bytes = sig.clone().into_bytes();
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        let tampered = SignedManifest {
            manifest: signed.manifest.clone(),
            signature: Some(String::from_utf8(bytes).unwrap()),
        };
        assert!(verify(&tampered, &keys, NOW).is_err(), "byte {i}");
    }
}

#[test]
fn enforcement() {
    let state = ManifestState::Valid(Box::new(manifest()));
    let tool =
        json!({"name": "read", "description": "Reads a file.", "inputSchema": {"type": "object"}});
    let hash = crate::canonical::pinned(ItemKind::Tool, &tool).hash;
    assert!(state.allows_item(ItemKind::Tool, "read", &hash).is_ok());
    assert!(state
        .allows_item(ItemKind::Tool, "read", "beef")
        .unwrap_err()
        .contains("differs"));
    assert!(state
        .allows_item(ItemKind::Tool, "delete", &hash)
        .unwrap_err()
        .contains("not in"));
    assert!(state
        .check_server_request("sampling/createMessage")
        .unwrap_err()
        .contains("sampling"));
    assert!(state.check_server_request("elicitation/create").is_ok());
    assert!(state.check_server_request("roots/list").is_err());
    assert!(state.check_client_request("resources/subscribe").is_err());
    assert!(state
        .allows_notification("notifications/tools/list_changed")
        .is_ok());
    assert!(state
        .allows_notification("notifications/prompts/list_changed")
        .is_err());
    assert!(state
        .check_identity(Some(&json!({"name": "files", "version": "1.0"})))
        .is_ok());
    assert!(state
        .check_identity(Some(&json!({"name": "files", "version": "2.0"})))
        .is_err());
    assert!(state
        .check_identity(Some(&json!({"name": "evil"})))
        .is_err());
    let input = json!({"resultType": "input_required", "inputRequests": {"a": {"method": "sampling/createMessage", "params": {}}}});
    assert!(state.check_input_requests(&input).is_err());
    let invalid = ManifestState::Invalid("its manifest expired".into());
    assert!(invalid.check_client_request("tools/list").is_err());
}
