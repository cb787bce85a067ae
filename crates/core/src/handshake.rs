//! The session's lifecycle: which requests each phase accepts, and what the answers change.
//!
//! Legacy era (2024-11-05 … 2025-11-25): `initialize` → response → `notifications/initialized`.
//! Stateless era (2026-07-28): no handshake; `server/discover` is optional and every request names
//! its protocol version in `params._meta["io.modelcontextprotocol/protocolVersion"]`. Current
//! clients try `server/discover` first and fall back to `initialize` on -32601, so a failed
//! discovery returns the session to `New`.

use std::borrow::Cow;

use mcpguard_proto::version::is_stateless;
use mcpguard_proto::{Kind, Message};
use serde::Deserialize;
use serde_json::Value;

use crate::session::{Phase, Session};

#[derive(Deserialize)]
struct ParamsMeta<'a> {
    #[serde(rename = "_meta", borrow)]
    meta: Option<MetaVersion<'a>>,
}

#[derive(Deserialize)]
struct MetaVersion<'a> {
    #[serde(rename = "io.modelcontextprotocol/protocolVersion", borrow)]
    version: Option<Cow<'a, str>>,
}

/// The protocol version a stateless-era request names in its `_meta`, if any.
fn meta_version(m: &Message<'_>) -> Option<String> {
    let params = m.params?;
    let parsed: ParamsMeta<'_> = serde_json::from_str(params.get()).ok()?;
    parsed.meta?.version.map(Cow::into_owned)
}

/// Checks a client request against the phase and advances the phase. `Err` holds the reason the
/// request is refused.
pub(crate) fn client_request(s: &mut Session, m: &Message<'_>) -> Result<(), String> {
    match m.method() {
        "initialize" => match s.phase {
            Phase::New | Phase::Discovering => {
                let params: Value = m
                    .params
                    .and_then(|p| serde_json::from_str(p.get()).ok())
                    .unwrap_or(Value::Null);
                s.client_capabilities = params.get("capabilities").cloned();
                s.client_info = params.get("clientInfo").cloned();
                s.phase = Phase::Initializing;
                Ok(())
            }
            _ => Err("the session is already initialised: initialize may be sent only once".into()),
        },
        "server/discover" => {
            if s.phase == Phase::New {
                s.phase = Phase::Discovering;
            }
            Ok(())
        }
        "ping" => Ok(()),
        method => match s.phase {
            Phase::New | Phase::Discovering => match meta_version(m) {
                Some(v) if is_stateless(&v) => {
                    s.phase = Phase::Stateless;
                    s.version = Some(v);
                    remember_stateless_client(s, m);
                    Ok(())
                }
                _ => Err(format!(
                    "the session has not started: send initialize (or server/discover) before {method}"
                )),
            },
            Phase::Stateless => {
                if let Some(v) = meta_version(m) {
                    s.version = Some(v);
                }
                remember_stateless_client(s, m);
                Ok(())
            }
            Phase::Initializing | Phase::Initialized | Phase::Ready => Ok(()),
        },
    }
}

/// A client notification: `notifications/initialized` completes the legacy handshake.
pub(crate) fn client_notification(s: &mut Session, m: &Message<'_>) {
    if m.method() == "notifications/initialized" && s.phase == Phase::Initialized {
        s.phase = Phase::Ready;
    }
}

/// The server answered a client request whose method was `method`.
pub(crate) fn server_response(s: &mut Session, method: &str, m: &Message<'_>) {
    let ok = m.kind == Kind::Response;
    match method {
        "initialize" if s.phase == Phase::Initializing => {
            if !ok {
                s.phase = Phase::New;
                return;
            }
            let result: Value = m
                .result
                .and_then(|r| serde_json::from_str(r.get()).ok())
                .unwrap_or(Value::Null);
            s.version = result
                .get("protocolVersion")
                .and_then(Value::as_str)
                .map(str::to_owned);
            remember_server(s, &result);
            s.phase = Phase::Initialized;
        }
        "server/discover" if s.phase == Phase::Discovering => {
            if !ok {
                s.phase = Phase::New;
                return;
            }
            let result: Value = m
                .result
                .and_then(|r| serde_json::from_str(r.get()).ok())
                .unwrap_or(Value::Null);
            remember_server(s, &result);
            s.phase = Phase::Stateless;
        }
        _ => {}
    }
}

fn remember_server(s: &mut Session, result: &Value) {
    s.server_capabilities = result.get("capabilities").cloned();
    s.server_info = result
        .get("serverInfo")
        .or_else(|| result.pointer("/_meta/io.modelcontextprotocol~1serverInfo"))
        .cloned();
    s.instructions = result
        .get("instructions")
        .and_then(Value::as_str)
        .map(str::to_owned);
}

/// A stateless-era client names itself per request (`_meta["io.modelcontextprotocol/clientInfo"]`).
fn remember_stateless_client(s: &mut Session, m: &Message<'_>) {
    if s.client_info.is_some() {
        return;
    }
    let Some(params) = m.params else { return };
    if !params.get().contains("io.modelcontextprotocol/clientInfo") {
        return;
    }
    let parsed: Option<Value> = serde_json::from_str(params.get()).ok();
    s.client_info = parsed.and_then(|p| {
        p.pointer("/_meta/io.modelcontextprotocol~1clientInfo")
            .cloned()
    });
}
