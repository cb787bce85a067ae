//! Turning a [`Request`] and the facts the engine established into Cedar's request and entities.
//!
//! Built per request, so built lean: an attribute or entity that no loaded policy names is left
//! out (policies can only reach an attribute by writing its name, and they were validated against
//! the full schema at load), and entities without content (principal, server) stay out of the
//! store. The store is built without Cedar's transitive-closure pass (a quarter of the cost of a
//! decision): our hierarchy is one level deep — an item's parent is its server, which has no
//! parents — so the closure is the parent set already. A test builds every request in full, with
//! the closure computed, and validates it against the schema.

use std::collections::{BTreeMap, HashSet};

use cedar_policy::{
    Context, Entities, Entity, EntityId, EntityTypeName, EntityUid, Request as CedarRequest,
    RestrictedExpression,
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

/// The identifiers that occur in the loaded policies' text.
#[derive(Debug, Default)]
pub(crate) struct Uses(HashSet<String>);

impl Uses {
    /// Collect the identifiers of `text`.
    pub(crate) fn add(&mut self, text: &str) {
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if !word.is_empty() {
                self.0.insert(word.to_string());
            }
        }
    }
}

/// Entities and context of one request, shared by every action evaluated for it.
#[derive(Debug)]
pub(crate) struct Built {
    principal: EntityUid,
    resource: EntityUid,
    context: Context,
    /// The entity store.
    pub entities: Entities,
    validate: bool,
}

/// The entity store, trusting that `entities` is transitively closed (every entity we build has at
/// most one parent, and that parent has none).
fn store_without_closure(entities: Vec<Entity>) -> Result<Entities, String> {
    use cedar_policy_core::entities::{Entities as CoreEntities, NoEntitiesSchema, TCComputation};
    use cedar_policy_core::extensions::Extensions;
    CoreEntities::from_entities(
        entities.iter().map(|e| e.as_ref().clone()),
        None::<&NoEntitiesSchema>,
        TCComputation::AssumeAlreadyComputed,
        Extensions::all_available(),
    )
    .map(Entities::from)
    .map_err(|e| e.to_string())
}

fn string(s: &str) -> RestrictedExpression {
    RestrictedExpression::new_string(s.to_string())
}

fn set_of<'s>(items: impl IntoIterator<Item = &'s str>) -> RestrictedExpression {
    RestrictedExpression::new_set(items.into_iter().map(string))
}

fn bool_(b: bool) -> RestrictedExpression {
    RestrictedExpression::new_bool(b)
}

/// The arguments object of the request, if any.
fn args_of<'a>(request: &Request<'a>) -> Option<&'a serde_json::Map<String, Value>> {
    match request.action {
        Action::CallTool { args, .. } => args.as_object(),
        Action::GetPrompt { args, .. } => args.and_then(Value::as_object),
        _ => None,
    }
}

/// Attribute pairs, keeping those `keep` accepts.
struct Pairs<'k> {
    keep: &'k dyn Fn(&str) -> bool,
    pairs: Vec<(String, RestrictedExpression)>,
}

impl Pairs<'_> {
    fn add(&mut self, name: &str, value: impl FnOnce() -> RestrictedExpression) {
        if (self.keep)(name) {
            self.pairs.push((name.to_string(), value()));
        }
    }
}

impl CedarPolicies {
    fn uid(ty: &EntityTypeName, id: &str) -> EntityUid {
        EntityUid::from_type_name_and_id(ty.clone(), EntityId::new(id))
    }

    /// The resource's uid and, for items with attributes, its entity.
    fn resource(
        &self,
        req: &Request<'_>,
        keep: &dyn Fn(&str) -> bool,
    ) -> Result<(EntityUid, Option<Entity>), String> {
        let t = &self.types;
        let server = Self::uid(&t.server, req.server);
        let mut attrs = Pairs {
            keep,
            pairs: Vec::new(),
        };
        attrs.add("server", || string(req.server));
        let id = match req.action {
            Action::CallTool { tool, .. } | Action::ListTools { tool } => {
                let a = req.annotations;
                attrs.add("name", || string(tool));
                attrs.add("read_only", || bool_(a.read_only == Some(true)));
                attrs.add("destructive", || bool_(a.destructive != Some(false)));
                attrs.add("idempotent", || bool_(a.idempotent == Some(true)));
                attrs.add("open_world", || bool_(a.open_world != Some(false)));
                Self::uid(&t.tool, &format!("{}/{tool}", req.server))
            }
            Action::GetPrompt { name, .. } => {
                attrs.add("name", || string(name));
                Self::uid(&t.prompt, &format!("{}/{name}", req.server))
            }
            Action::ReadResource { uri } => {
                let scheme = uri.split_once(':').map_or("", |(s, _)| s);
                attrs.add("uri", || string(uri));
                attrs.add("scheme", || string(&scheme.to_ascii_lowercase()));
                Self::uid(&t.resource, &format!("{}/{uri}", req.server))
            }
            Action::Sample { .. } | Action::Elicit => return Ok((server, None)),
        };
        let entity = Entity::new_with_tags(id.clone(), attrs.pairs, [server], [])
            .map_err(|e| e.to_string())?;
        Ok((id, Some(entity)))
    }

    /// The parts of a Cedar request that do not depend on the action. With `validate`, every
    /// attribute and entity is built and checked against the schema.
    pub(crate) fn build(&self, facts: &CedarFacts<'_>, validate: bool) -> Result<Built, String> {
        let req = facts.request;
        let keep = |name: &str| validate || self.uses.0.contains(name);
        let principal = Self::uid(&self.types.client, req.principal);
        let (resource, resource_entity) = self.resource(req, &keep)?;
        let mut entities: Vec<Entity> = resource_entity.into_iter().collect();

        let args = args_of(req);
        let mut context = Pairs {
            keep: &keep,
            pairs: Vec::new(),
        };
        context.add("server", || string(req.server));
        if keep("args") {
            let args_uid = Self::uid(&self.types.args, "request");
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
            entities.push(
                Entity::new_with_tags(args_uid.clone(), [], [], tags).map_err(|e| e.to_string())?,
            );
            context.add("args", || RestrictedExpression::new_entity_uid(args_uid));
        }
        context.add("arg_names", || {
            set_of(args.into_iter().flatten().map(|(k, _)| k.as_str()))
        });
        context.add("paths", || set_of(facts.paths.iter().map(String::as_str)));
        context.add("paths_within_roots", || bool_(facts.paths_within_roots));
        context.add("url_hosts", || {
            set_of(facts.url_hosts.iter().map(String::as_str))
        });
        context.add("findings", || {
            set_of(req.findings.iter().map(|f| f.rule.as_str()))
        });
        context.add("max_severity", || {
            let max = req.findings.iter().map(|f| f.severity.level()).max();
            RestrictedExpression::new_long(max.unwrap_or(0))
        });
        context.add("taint", || set_of(req.taint.iter().map(String::as_str)));
        context.add("approved", || bool_(req.approved));
        context.add("max_tokens", || {
            let n = match req.action {
                Action::Sample { max_tokens } => max_tokens.unwrap_or(0),
                _ => 0,
            };
            RestrictedExpression::new_long(i64::try_from(n).unwrap_or(i64::MAX))
        });
        let context = Context::from_pairs(context.pairs).map_err(|e| e.to_string())?;

        let schema = validate.then_some(&self.schema);
        if validate {
            entities.push(Entity::new_no_attrs(principal.clone(), Default::default()));
            if !matches!(req.action, Action::Sample { .. } | Action::Elicit) {
                let server = Self::uid(&self.types.server, req.server);
                entities.push(Entity::new_no_attrs(server, Default::default()));
            }
        }
        let entities = if validate {
            Entities::from_entities(entities, schema).map_err(|e| e.to_string())?
        } else {
            store_without_closure(entities)?
        };
        Ok(Built {
            principal,
            resource,
            context,
            entities,
            validate,
        })
    }

    /// The request for `action` over the built parts.
    pub(crate) fn request(&self, built: &Built, action: &str) -> Result<CedarRequest, String> {
        let action_uid = Self::uid(&self.types.action, action);
        let schema = built.validate.then_some(&self.schema);
        CedarRequest::new(
            built.principal.clone(),
            action_uid,
            built.resource.clone(),
            built.context.clone(),
            schema,
        )
        .map_err(|e| e.to_string())
    }
}
