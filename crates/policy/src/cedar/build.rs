//! Turning a [`Request`] and the facts the engine established into Cedar's request and entities.
//!
//! Built per request, so built lean and built directly: the values are Cedar's own evaluated
//! values (`cedar_policy_core::ast::Value`), not expressions Cedar would have to evaluate first,
//! and an attribute or entity that no loaded policy names is left out (policies can only reach an
//! attribute by writing its name, and they were validated against the full schema at load).
//! Entities without content (principal, server) stay out of the store, and the store is built
//! without Cedar's transitive-closure pass: our hierarchy is one level deep — an item's parent is
//! its server, which has no parents — so the closure is the parent set already. Nothing is checked
//! against the schema at run time (the facts are typed by construction); a test builds every
//! request in full, with the closure computed, and validates it against the schema.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use cedar_policy_core::ast::{
    Context, Eid, Entity, EntityType, EntityUID, PartialValue, Value as CedarValue,
};
use cedar_policy_core::entities::{Entities, NoEntitiesSchema, TCComputation};
use cedar_policy_core::extensions::Extensions;
use serde_json::Value;

use super::scope::Resource;
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

/// Every attribute name of the context and of the resource entities (and `args`, which names
/// the `Args` entity too), in the order of the bits of [`Uses`].
const ATTRIBUTES: [&str; 18] = [
    "server",
    "args",
    "arg_names",
    "paths",
    "paths_within_roots",
    "url_hosts",
    "findings",
    "max_severity",
    "taint",
    "approved",
    "max_tokens",
    "name",
    "read_only",
    "destructive",
    "idempotent",
    "open_world",
    "uri",
    "scheme",
];

/// The attribute names that occur as identifiers in a policy's text: the attributes it can
/// reach (`context.taint`, `context["taint"]`, `resource.name`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Uses(u32);

impl Uses {
    /// Every attribute.
    #[cfg(test)]
    pub(crate) const ALL: Uses = Uses((1 << ATTRIBUTES.len()) - 1);

    /// The attributes `text` names.
    pub(crate) fn of(text: &str) -> Uses {
        let mut bits = 0;
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if let Some(i) = ATTRIBUTES.iter().position(|a| *a == word) {
                bits |= 1 << i;
            }
        }
        Uses(bits)
    }

    /// The attributes either names.
    pub(crate) fn union(self, other: Uses) -> Uses {
        Uses(self.0 | other.0)
    }

    /// Whether `name` is among them.
    fn has(self, name: &str) -> bool {
        ATTRIBUTES
            .iter()
            .position(|a| *a == name)
            .is_some_and(|i| self.0 & (1 << i) != 0)
    }
}

/// Entity types parsed once.
#[derive(Debug)]
pub(crate) struct Types {
    pub client: EntityType,
    pub server: EntityType,
    pub tool: EntityType,
    pub prompt: EntityType,
    pub resource: EntityType,
    pub args: EntityType,
}

/// Entities and context of one request, shared by every action evaluated for it.
#[derive(Debug)]
pub(crate) struct Built {
    /// `Client::"<principal>"`.
    pub principal: EntityUID,
    /// The item or server.
    pub resource: EntityUID,
    /// The context record.
    pub context: Context,
    /// The entity store.
    pub entities: Entities,
    #[cfg(test)]
    validate: bool,
}

fn uid(ty: &EntityType, id: &str) -> EntityUID {
    EntityUID::from_components(ty.clone(), Eid::new(id), None)
}

fn string(s: &str) -> CedarValue {
    CedarValue::from(s)
}

fn set_of<'s>(items: impl IntoIterator<Item = &'s str>) -> CedarValue {
    CedarValue::set(items.into_iter().map(string), None)
}

fn long(n: i64) -> CedarValue {
    CedarValue::from(n)
}

/// The arguments object of the request, if any.
fn args_of<'a>(request: &Request<'a>) -> Option<&'a serde_json::Map<String, Value>> {
    match request.action {
        Action::CallTool { args, .. } => args.as_object(),
        Action::GetPrompt { args, .. } => args.and_then(Value::as_object),
        _ => None,
    }
}

/// The resource of `req`, as the scope check sees it.
pub(crate) fn resource_of<'a>(req: &Request<'a>) -> Resource<'a> {
    let (ty, item) = match req.action {
        Action::CallTool { tool, .. } | Action::ListTools { tool } => ("Tool", Some(tool)),
        Action::GetPrompt { name, .. } => ("Prompt", Some(name)),
        Action::ReadResource { uri } => ("Resource", Some(uri)),
        Action::Sample { .. } | Action::Elicit => ("Server", None),
    };
    Resource {
        ty,
        server: req.server,
        item,
    }
}

/// Attribute pairs, keeping those `keep` accepts.
struct Pairs<'k> {
    keep: &'k dyn Fn(&str) -> bool,
    pairs: Vec<(&'static str, CedarValue)>,
}

impl Pairs<'_> {
    fn add(&mut self, name: &'static str, value: impl FnOnce() -> CedarValue) {
        if (self.keep)(name) {
            self.pairs.push((name, value()));
        }
    }
}

impl CedarPolicies {
    /// The resource's uid and, for items, its entity.
    fn resource(
        &self,
        req: &Request<'_>,
        keep: &dyn Fn(&str) -> bool,
    ) -> (EntityUID, Option<Entity>) {
        let t = &self.types;
        let server = uid(&t.server, req.server);
        let mut attrs = Pairs {
            keep,
            pairs: Vec::new(),
        };
        attrs.add("server", || string(req.server));
        let id = match req.action {
            Action::CallTool { tool, .. } | Action::ListTools { tool } => {
                let a = req.annotations;
                attrs.add("name", || string(tool));
                attrs.add("read_only", || (a.read_only == Some(true)).into());
                attrs.add("destructive", || (a.destructive != Some(false)).into());
                attrs.add("idempotent", || (a.idempotent == Some(true)).into());
                attrs.add("open_world", || (a.open_world != Some(false)).into());
                uid(&t.tool, &format!("{}/{tool}", req.server))
            }
            Action::GetPrompt { name, .. } => {
                attrs.add("name", || string(name));
                uid(&t.prompt, &format!("{}/{name}", req.server))
            }
            Action::ReadResource { uri } => {
                let scheme = uri.split_once(':').map_or("", |(s, _)| s);
                attrs.add("uri", || string(uri));
                attrs.add("scheme", || string(&scheme.to_ascii_lowercase()));
                uid(&t.resource, &format!("{}/{uri}", req.server))
            }
            Action::Sample { .. } | Action::Elicit => return (server, None),
        };
        let entity = Entity::new_with_attr_partial_value(
            id.clone(),
            attrs
                .pairs
                .into_iter()
                .map(|(k, v)| (k.into(), PartialValue::Value(v))),
            HashSet::new(),
            HashSet::from([server]),
            [],
        );
        (id, Some(entity))
    }

    /// The `Args::"request"` entity: one tag per top-level argument.
    fn args_entity(&self, facts: &CedarFacts<'_>) -> Entity {
        let args = args_of(facts.request);
        let tags = args.into_iter().flatten().map(|(name, value)| {
            let text = match (facts.normalized.get(name), value) {
                (Some(n), _) => string(n),
                (None, Value::String(s)) => string(s),
                (None, other) => CedarValue::from(other.to_string()),
            };
            (name.as_str().into(), PartialValue::Value(text))
        });
        Entity::new_with_attr_partial_value(
            uid(&self.types.args, "request"),
            [],
            HashSet::new(),
            HashSet::new(),
            tags,
        )
    }

    /// The context record (only the attributes `keep` accepts).
    fn context(&self, facts: &CedarFacts<'_>, keep: &dyn Fn(&str) -> bool) -> Context {
        let req = facts.request;
        let args = args_of(req);
        let mut context = Pairs {
            keep,
            pairs: Vec::new(),
        };
        context.add("server", || string(req.server));
        context.add("args", || uid(&self.types.args, "request").into());
        context.add("arg_names", || {
            set_of(args.into_iter().flatten().map(|(k, _)| k.as_str()))
        });
        context.add("paths", || set_of(facts.paths.iter().map(String::as_str)));
        context.add("paths_within_roots", || facts.paths_within_roots.into());
        context.add("url_hosts", || {
            set_of(facts.url_hosts.iter().map(String::as_str))
        });
        context.add("findings", || {
            set_of(req.findings.iter().map(|f| f.rule.as_str()))
        });
        context.add("max_severity", || {
            long(
                req.findings
                    .iter()
                    .map(|f| f.severity.level())
                    .max()
                    .unwrap_or(0),
            )
        });
        context.add("taint", || set_of(req.taint.iter().map(String::as_str)));
        context.add("approved", || req.approved.into());
        context.add("max_tokens", || {
            let n = match req.action {
                Action::Sample { max_tokens } => max_tokens.unwrap_or(0),
                _ => 0,
            };
            long(i64::try_from(n).unwrap_or(i64::MAX))
        });
        let record: BTreeMap<_, CedarValue> = context
            .pairs
            .into_iter()
            .map(|(k, v)| (k.into(), v))
            .collect();
        Context::Value(Arc::new(record))
    }

    /// The parts of a Cedar request that do not depend on the action, with every attribute.
    /// With `validate` (tests), the store is checked against the schema.
    #[cfg(test)]
    pub(crate) fn build(&self, facts: &CedarFacts<'_>, validate: bool) -> Result<Built, String> {
        self.build_lean(facts, Uses::ALL, validate)
    }

    /// The parts of a Cedar request that do not depend on the action, with the attributes in
    /// `uses` only. With `validate`, the store is checked against the schema.
    pub(crate) fn build_lean(
        &self,
        facts: &CedarFacts<'_>,
        uses: Uses,
        validate: bool,
    ) -> Result<Built, String> {
        let req = facts.request;
        let keep = |name: &str| uses.has(name);
        let principal = uid(&self.types.client, req.principal);
        let (resource, resource_entity) = self.resource(req, &keep);
        let mut entities: Vec<Entity> = resource_entity.into_iter().collect();
        if keep("args") {
            entities.push(self.args_entity(facts));
        }
        let context = self.context(facts, &keep);
        if validate {
            self.validate_entities(req, &principal, &entities)?;
        }
        let entities = Entities::from_entities(
            entities,
            None::<&NoEntitiesSchema>,
            TCComputation::AssumeAlreadyComputed,
            Extensions::all_available(),
        )
        .map_err(|e| e.to_string())?;
        Ok(Built {
            principal,
            resource,
            context,
            entities,
            #[cfg(test)]
            validate,
        })
    }

    /// Check the entities of a request, with the principal and server added, against the schema.
    fn validate_entities(
        &self,
        req: &Request<'_>,
        principal: &EntityUID,
        entities: &[Entity],
    ) -> Result<(), String> {
        let mut all: Vec<cedar_policy::Entity> = entities
            .iter()
            .cloned()
            .map(cedar_policy::Entity::from)
            .collect();
        all.push(Entity::with_uid(principal.clone()).into());
        if !matches!(req.action, Action::Sample { .. } | Action::Elicit) {
            all.push(Entity::with_uid(uid(&self.types.server, req.server)).into());
        }
        cedar_policy::Entities::from_entities(all, Some(&self.schema))
            .map(drop)
            .map_err(|e| e.to_string())
    }

    /// The request for `action` over the built parts, checked against the schema when the parts
    /// were built with `validate`.
    #[cfg(test)]
    pub(crate) fn request(
        &self,
        built: &Built,
        action: &str,
    ) -> Result<cedar_policy::Request, String> {
        let index = super::scope::action_index(action).ok_or("unknown action")?;
        cedar_policy::Request::new(
            built.principal.clone().into(),
            self.actions[index].clone().into(),
            built.resource.clone().into(),
            cedar_policy::Context::from(built.context.clone()),
            built.validate.then_some(&self.schema),
        )
        .map_err(|e| e.to_string())
    }
}
