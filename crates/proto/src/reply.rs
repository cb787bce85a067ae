//! Building the JSON-RPC messages the gateway itself sends.

use serde_json::{json, Value};

use crate::error::ProtoError;
use crate::message::IdKey;

/// An error response. `id: None` writes `"id": null` (the id could not be determined).
pub fn error_response(id: Option<&IdKey>, code: i64, message: &str, data: Value) -> Vec<u8> {
    let id_json = id.map(IdKey::as_json).unwrap_or("null");
    let mut error = json!({ "code": code, "message": message });
    if !data.is_null() {
        error["data"] = data;
    }
    // The id is already canonical JSON text: splice it in rather than re-parse it.
    format!(r#"{{"jsonrpc":"2.0","id":{id_json},"error":{error}}}"#).into_bytes()
}

/// The error response for a frame that failed to decode.
pub fn proto_error_response(id: Option<&IdKey>, err: &ProtoError) -> Vec<u8> {
    error_response(
        id,
        err.code(),
        &format!("mcpguard: {err}"),
        json!({ "mcpguard": { "kind": err.kind() } }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_responses_are_valid_json_rpc() {
        let id = IdKey::from_raw("\"x\"").unwrap();
        let bytes = error_response(Some(&id), -32000, "gone", json!({"a": 1}));
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["id"], "x");
        assert_eq!(v["error"]["code"], -32000);
        assert_eq!(v["error"]["data"]["a"], 1);
        let bytes = proto_error_response(None, &ProtoError::EmptyBatch);
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["id"], Value::Null);
        assert_eq!(v["error"]["data"]["mcpguard"]["kind"], "empty_batch");
    }
}
