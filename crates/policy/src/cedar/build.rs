//! Turning a [`Request`] and the facts the engine established into Cedar's request and entities.
//!
//! Entities are built per request (a handful: principal, server, the item, the arguments), without
//! schema checks on the hot path; a test validates them against the schema instead.

use std::collections::BTreeMap;

use cedar_policy::{
    Context, Entities, Entity, EntityId, EntityUid, Request as CedarRequest, RestrictedExpression,
};
use serde_json::Value;

use super::CedarPolicies;
use crate::request::{Action, Request};

/// What the engine knows about a request by the time Cedar runs.
#[derive(Debug, Clone)]
pub struct CedarFacts<'a> {
    /// The request.
    pub request: &'a Request<'a>,
    /// Top-level arguments whose value an `args` rule normalised (path resolved, URL parsed).
    pub normalized: &'a BTreeMap<String, String>,
    /// Every path an `args` rule checked, resolved.
    pub paths: &'a [String],
    /// False when any checked path lay outside its roots.
    pub paths_within_roots: bool,
    /// Hosts of every URL an `args` rule checked.
    pub url_hosts: &'a [String],
}

fn string(s: &str) -> RestrictedExpression {
    RestrictedExpression::new_string(s.to_string())
}

fn set_of<'s>(items: impl IntoIterator<Item = &'s str>) -> RestrictedExpression {
    RestrictedExpression::new_set(items.into_iter().map(string))
}

fn attrs(
    pairs: impl IntoIterator<Item = (&'static str, RestrictedExpression)>,
) -> Vec<(String, RestrictedExpression)> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The arguments object of the request, if any.
fn args_of<'a>(request: &Request<'a>) -> Option<&'a serde_json::Map<String, Value>> {
    match request.action {
        Action::CallTool { args, .. } => args.as_object(),
        Action::GetPrompt { args, .. } => args.and_then(Value::as_object),
        _ => None,
    }
}

impl CedarPolicies {
    pub(crate) fn build(
        &self,
        facts: &CedarFacts<'_>,
        action: &str,
        validate: bool,
    ) -> Result<(CedarRequest, Entities), String> {
        let req = facts.request;
        let t = &self.types;
        let uid = |ty: &cedar_policy::EntityTypeName, id: &str| {
            EntityUid::from_type_name_and_id(ty.clone(), EntityId::new(id))
        };
        let principal = uid(&t.client, req.principal);
        let server = uid(&t.server, req.server);
        let args_uid = uid(&t.args, "request");
        let err = |e: &dyn std::fmt::Display| e.to_string();

        let (resource, resource_entity) = match req.action {
            Action::CallTool { tool, .. } | Action::ListTools { tool } => {
                let a = req.annotations;
                let id = uid(&t.tool, &format!("{}/{tool}", req.server));
                let entity = Entity::new_with_tags(
                    id.clone(),
                    attrs([
                        ("name", string(tool)),
                        ("server", string(req.server)),
                        (
                            "read_only",
                            RestrictedExpression::new_bool(a.read_only == Some(true)),
                        ),
                        (
                            "destructive",
                            RestrictedExpression::new_bool(a.destructive != Some(false)),
                        ),
                        (
                            "idempotent",
                            RestrictedExpression::new_bool(a.idempotent == Some(true)),
                        ),
                        (
                            "open_world",
                            RestrictedExpression::new_bool(a.open_world != Some(false)),
                        ),
                    ]),
                    [server.clone()],
                    [],
                )
                .map_err(|e| err(&e))?;
                (id, Some(entity))
            }
            Action::GetPrompt { name, .. } => {
                let id = uid(&t.prompt, &format!("{}/{name}", req.server));
                let entity = Entity::new_with_tags(
                    id.clone(),
                    attrs([("name", string(name)), ("server", string(req.server))]),
                    [server.clone()],
                    [],
                )
                .map_err(|e| err(&e))?;
                (id, Some(entity))
            }
            Action::ReadResource { uri } => {
                let id = uid(&t.resource, &format!("{}/{uri}", req.server));
                let scheme = uri.split_once(':').map_or("", |(s, _)| s);
                let entity = Entity::new_with_tags(
                    id.clone(),
                    attrs([
                        ("uri", string(uri)),
                        ("server", string(req.server)),
                        ("scheme", string(&scheme.to_ascii_lowercase())),
                    ]),
                    [server.clone()],
                    [],
                )
                .map_err(|e| err(&e))?;
                (id, Some(entity))
            }
            Action::Sample { .. } | Action::Elicit => (server.clone(), None),
        };

        let args = args_of(req);
        let tags: Vec<(String, RestrictedExpression)> = args
            .into_iter()
            .flatten()
            .map(|(name, value)| {
                let text = match (facts.normalized.get(name), value) {
                    (Some(n), _) => n.clone(),
                    (None, Value::String(s)) => s.clone(),
                    (None, other) => other.to_string(),
                };
                (name.clone(), RestrictedExpression::new_string(text))
            })
            .collect();
        let args_entity =
            Entity::new_with_tags(args_uid.clone(), [], [], tags).map_err(|e| err(&e))?;

        let max_severity = req
            .findings
            .iter()
            .map(|f| f.severity.level())
            .max()
            .unwrap_or(0);
        let max_tokens = match req.action {
            Action::Sample { max_tokens } => {
                i64::try_from(max_tokens.unwrap_or(0)).unwrap_or(i64::MAX)
            }
            _ => 0,
        };
        let context = Context::from_pairs(attrs([
            ("server", string(req.server)),
            ("args", RestrictedExpression::new_entity_uid(args_uid)),
            (
                "arg_names",
                set_of(args.into_iter().flatten().map(|(k, _)| k.as_str())),
            ),
            ("paths", set_of(facts.paths.iter().map(String::as_str))),
            (
                "paths_within_roots",
                RestrictedExpression::new_bool(facts.paths_within_roots),
            ),
            (
                "url_hosts",
                set_of(facts.url_hosts.iter().map(String::as_str)),
            ),
            (
                "findings",
                set_of(req.findings.iter().map(|f| f.rule.as_str())),
            ),
            ("max_severity", RestrictedExpression::new_long(max_severity)),
            ("taint", set_of(req.taint.iter().map(String::as_str))),
            ("approved", RestrictedExpression::new_bool(req.approved)),
            ("max_tokens", RestrictedExpression::new_long(max_tokens)),
        ]))
        .map_err(|e| err(&e))?;

        let schema = validate.then_some(&self.schema);
        let action_uid = uid(&t.action, action);
        let request = CedarRequest::new(principal.clone(), action_uid, resource, context, schema)
            .map_err(|e| err(&e))?;
        let mut entities = vec![
            Entity::new_no_attrs(principal, Default::default()),
            Entity::new_no_attrs(server, Default::default()),
            args_entity,
        ];
        entities.extend(resource_entity);
        let entities = Entities::from_entities(entities, schema).map_err(|e| err(&e))?;
        Ok((request, entities))
    }
}
