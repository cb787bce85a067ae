//! The Streamable HTTP transport of the client (MCP 2025-03-26 and later).
//!
//! Each request is one POST of a JSON-RPC message to the server's single endpoint, with
//! `Accept: application/json, text/event-stream`; the server answers with one JSON body or an SSE
//! stream that carries the response (possibly after notifications). The `Mcp-Session-Id` the
//! server assigns at `initialize` and the negotiated `MCP-Protocol-Version` go on every later
//! request, and the session is deleted at the end. Redirects are not followed: the configured
//! headers (often a bearer token) must go only to the configured URL.

use std::time::{Duration, Instant};

use serde_json::Value;
use ureq::http::Response;
use ureq::{Agent, Body};

use super::error::ClientError;
use super::rpc::{self, excerpt, Rpc};
use super::sse::EventReader;

/// How to reach a Streamable HTTP server.
#[derive(Debug, Clone, Default)]
pub struct HttpTarget {
    pub url: String,
    /// Sent on every request (e.g. `Authorization`), as configured.
    pub headers: Vec<(String, String)>,
}

pub(crate) struct HttpRpc {
    agent: Agent,
    target: HttpTarget,
    session: Option<String>,
    version: Option<String>,
    next_id: u64,
    max_message_bytes: usize,
}

impl HttpRpc {
    pub fn new(target: &HttpTarget, max_message_bytes: usize) -> HttpRpc {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(concat!("mcpguard/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        HttpRpc {
            agent,
            target: target.clone(),
            session: None,
            version: None,
            next_id: 0,
            max_message_bytes,
        }
    }

    /// POSTs one frame; returns the response when the status is a success.
    fn post(&mut self, frame: String, deadline: Instant) -> Result<Response<Body>, ClientError> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ClientError::Http("the deadline passed".into()));
        }
        let mut req = self
            .agent
            .post(&self.target.url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream");
        for (k, v) in &self.target.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        if let Some(s) = &self.session {
            req = req.header("Mcp-Session-Id", s.as_str());
        }
        if let Some(v) = &self.version {
            req = req.header("MCP-Protocol-Version", v.as_str());
        }
        let mut resp = req
            .config()
            .timeout_global(Some(left))
            .build()
            .send(frame)
            .map_err(|e| ClientError::Http(e.to_string()))?;
        let status = resp.status().as_u16();
        if !(200..300).contains(&status) {
            let body = resp
                .body_mut()
                .with_config()
                .limit(4096)
                .read_to_string()
                .unwrap_or_default();
            return Err(ClientError::HttpStatus {
                status,
                body: excerpt(body.trim()),
            });
        }
        if let Some(s) = resp
            .headers()
            .get("mcp-session-id")
            .and_then(|v| v.to_str().ok())
        {
            self.session = Some(s.to_owned());
        }
        Ok(resp)
    }
}

impl Rpc for HttpRpc {
    fn request(
        &mut self,
        method: &str,
        params: Value,
        deadline: Instant,
    ) -> Result<Value, ClientError> {
        self.next_id += 1;
        let id = self.next_id;
        let mut resp = self.post(rpc::request_frame(id, method, &params), deadline)?;
        let content_type = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        if content_type.starts_with("text/event-stream") {
            let reader = resp.body_mut().as_reader();
            let mut events = EventReader::new(reader, self.max_message_bytes);
            while let Some(ev) = events
                .next_event()
                .map_err(|e| ClientError::Http(format!("reading the event stream: {e}")))?
            {
                if !(ev.event.is_empty() || ev.event == "message") {
                    continue;
                }
                if let Ok(Value::Object(msg)) = serde_json::from_str::<Value>(&ev.data) {
                    if rpc::is_response_to(&msg, id) {
                        return rpc::into_result(method, &msg);
                    }
                }
            }
            return Err(ClientError::Protocol(format!(
                "the event stream ended without the answer to `{method}`"
            )));
        }
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.max_message_bytes as u64)
            .read_to_vec()
            .map_err(|e| ClientError::Http(format!("reading the answer: {e}")))?;
        let value: Value = serde_json::from_slice(&body).map_err(|_| {
            ClientError::Protocol(format!(
                "the answer to `{method}` is not JSON ({content_type}): {}",
                excerpt(&String::from_utf8_lossy(&body))
            ))
        })?;
        // One message, or (2025-03-26) a batch that contains it.
        let found = match &value {
            Value::Object(m) => Some(m),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_object)
                .find(|m| rpc::is_response_to(m, id)),
            _ => None,
        };
        match found {
            Some(m) if rpc::is_response_to(m, id) => rpc::into_result(method, m),
            _ => Err(ClientError::Protocol(format!(
                "the answer to `{method}` is not its JSON-RPC response: {}",
                excerpt(&value.to_string())
            ))),
        }
    }

    fn notify(
        &mut self,
        method: &str,
        params: Value,
        deadline: Instant,
    ) -> Result<(), ClientError> {
        // 202 Accepted, no body; anything else in 2xx is read and ignored by dropping it.
        self.post(rpc::notification_frame(method, &params), deadline)
            .map(drop)
    }

    fn set_protocol_version(&mut self, version: &str) {
        self.version = Some(version.to_owned());
    }
}

impl Drop for HttpRpc {
    /// Ends the session on the server (best effort, briefly): servers keep state per session.
    fn drop(&mut self) {
        let Some(session) = self.session.take() else {
            return;
        };
        let mut req = self
            .agent
            .delete(&self.target.url)
            .header("Mcp-Session-Id", session.as_str());
        for (k, v) in &self.target.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        if let Some(v) = &self.version {
            req = req.header("MCP-Protocol-Version", v.as_str());
        }
        let _ = req
            .config()
            .timeout_global(Some(Duration::from_secs(2)))
            .build()
            .call();
    }
}
