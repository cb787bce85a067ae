//! Cedar policies: loading, validation against mcpguard's schema, and evaluation.
//!
//! Cedar says what `mcpguard.toml` cannot: conditions across principal, taint, findings and
//! arguments. It is an extra layer, never a way around the TOML rules: its verdicts join the
//! others and the strictest wins. A satisfied `forbid` denies — or, annotated
//! `@verdict("approve")`, holds the request for approval. A satisfied `permit` contributes an
//! allow. When nothing permits, `[cedar] default` decides: `allow` (Cedar only restricts) or `deny`.
//! A policy that fails to evaluate is not skipped, as Cedar would: an erroring `forbid` denies.
//!
//! Evaluation is Cedar's own evaluator (`cedar_policy_core`), driven policy by policy rather than
//! through `Authorizer` (same semantics: satisfied forbids decide, else satisfied permits, else
//! nothing; an error never satisfies). That lets a decision skip what cannot matter: a policy
//! whose scope excludes the request is not evaluated (see [`scope`]), and when none is left the
//! request is not even built. Each policy's condition is assembled once, at load.

mod build;
mod scope;

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use cedar_policy::{
    Effect, EntityTypeName, PolicyId, PolicySet, Schema, ValidationMode, Validator,
};
use cedar_policy_core::ast::{
    Eid, EntityUID, EntityUIDEntry, Expr, Literal, Policy as CorePolicy, Request as CoreRequest,
    ValueKind,
};
use cedar_policy_core::evaluator::{EvaluationError, Evaluator};
use cedar_policy_core::extensions::Extensions;
use miette::Diagnostic;

use crate::decision::{Contribution, RuleId, Verdict};
use crate::error::{line_col, PolicyError};

pub use build::CedarFacts;
use build::{Built, Types, Uses};
use scope::{PolicyScope, ACTIONS};

/// The schema every policy is validated against (also in `docs/policy.md`).
pub const SCHEMA: &str = include_str!("mcpguard.cedarschema");

/// A Cedar file's name (for errors) and text.
#[derive(Debug, Clone)]
pub struct CedarSource {
    /// The file as the user named it.
    pub file: String,
    /// Its contents.
    pub text: String,
}

#[derive(Debug)]
struct PolicyMeta {
    rule: RuleId,
    effect: Effect,
    verdict: Verdict,
    reason: Option<String>,
}

/// One policy, ready to evaluate.
#[derive(Debug)]
struct Compiled {
    id: PolicyId,
    policy: CorePolicy,
    /// `policy.condition()`, assembled once.
    condition: Expr,
    scope: PolicyScope,
    /// The attributes it names.
    uses: Uses,
}

/// The compiled Cedar layer.
#[derive(Debug)]
pub struct CedarPolicies {
    /// Every policy, in file order.
    policies: Vec<Compiled>,
    meta: HashMap<PolicyId, PolicyMeta>,
    default: Verdict,
    types: Types,
    /// `Action::"<name>"` for each of [`ACTIONS`].
    actions: Vec<EntityUID>,
    schema: Schema,
}

/// How a Cedar answer is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Full semantics: forbids, permits, the default and evaluation errors all count.
    Full,
    /// Probing whether an item could ever be used (for listings): only forbids that deny count.
    Probe,
}

fn schema_error(e: impl std::fmt::Display) -> PolicyError {
    PolicyError::Schema(e.to_string())
}

/// The built-in schema.
pub fn schema() -> Result<Schema, PolicyError> {
    let (schema, _warnings) = Schema::from_cedarschema_str(SCHEMA).map_err(schema_error)?;
    Ok(schema)
}

fn cedar_error(source: &CedarSource, offset: usize, message: String) -> PolicyError {
    let (line, column) = line_col(&source.text, offset);
    PolicyError::Cedar {
        file: source.file.clone(),
        line,
        column,
        message,
    }
}

fn diagnostic_offset(d: &dyn Diagnostic) -> usize {
    d.labels()
        .and_then(|mut labels| labels.next())
        .map_or(0, |l| l.offset())
}

fn diagnostic_message(d: &(impl Diagnostic + std::fmt::Display)) -> String {
    match d.help() {
        Some(help) => format!("{d} ({help})"),
        None => d.to_string(),
    }
}

impl CedarPolicies {
    /// Parse and validate every source; `None` when there are no policies at all.
    pub fn compile(
        sources: &[CedarSource],
        default: Verdict,
    ) -> Result<Option<CedarPolicies>, PolicyError> {
        let schema = schema()?;
        let validator = Validator::new(schema.clone());
        let mut set = PolicySet::new();
        let mut policies = Vec::new();
        let mut meta = HashMap::new();
        let mut seen: HashSet<String> = HashSet::new();
        for source in sources {
            let parsed = PolicySet::from_str(&source.text)
                .map_err(|e| cedar_error(source, diagnostic_offset(&e), diagnostic_message(&e)))?;
            if parsed.templates().next().is_some() {
                return Err(cedar_error(
                    source,
                    0,
                    "policy templates (`?principal`, `?resource`) are not supported".to_string(),
                ));
            }
            let result = validator.validate(&parsed, ValidationMode::Strict);
            if let Some(e) = result.validation_errors().next() {
                return Err(cedar_error(
                    source,
                    diagnostic_offset(e),
                    diagnostic_message(e),
                ));
            }
            for (policy, offset) in in_file_order(&parsed, &source.text) {
                let (line, _) = line_col(&source.text, offset);
                let name = match policy.annotation("id") {
                    Some(id) => id.to_string(),
                    None => format!("{}:{line}", source.file),
                };
                let verdict = match (policy.annotation("verdict"), policy.effect()) {
                    (None, Effect::Forbid) | (Some("deny"), Effect::Forbid) => Verdict::Deny,
                    (Some("approve"), Effect::Forbid) => Verdict::Approve,
                    (None, Effect::Permit) => Verdict::Allow,
                    (Some(v), _) => {
                        return Err(cedar_error(
                            source,
                            offset,
                            format!(
                                "@verdict(\"{v}\"): allowed on `forbid` policies only, with the value \"deny\" or \"approve\""
                            ),
                        ))
                    }
                };
                if !seen.insert(name.clone()) {
                    return Err(cedar_error(
                        source,
                        offset,
                        format!("duplicate policy id `{name}`"),
                    ));
                }
                let id = PolicyId::new(&name);
                let renamed = policy.new_id(id.clone());
                set.add(renamed.clone()).map_err(|e| {
                    cedar_error(source, offset, format!("cannot add policy `{name}`: {e}"))
                })?;
                let core: &CorePolicy = renamed.as_ref();
                policies.push(Compiled {
                    id: id.clone(),
                    policy: core.clone(),
                    condition: core.condition(),
                    scope: PolicyScope::of(&renamed),
                    uses: Uses::of(&renamed.to_string()),
                });
                meta.insert(
                    id,
                    PolicyMeta {
                        rule: RuleId(format!("cedar:{name}")),
                        effect: policy.effect(),
                        verdict,
                        reason: policy.annotation("reason").map(str::to_string),
                    },
                );
            }
        }
        if meta.is_empty() && default == Verdict::Allow {
            return Ok(None);
        }
        let ty = |name: &str| {
            EntityTypeName::from_str(name)
                .map(|t| t.as_ref().clone())
                .map_err(schema_error)
        };
        let types = Types {
            client: ty("Client")?,
            server: ty("Server")?,
            tool: ty("Tool")?,
            prompt: ty("Prompt")?,
            resource: ty("Resource")?,
            args: ty("Args")?,
        };
        let action = ty("Action")?;
        let actions = ACTIONS
            .iter()
            .map(|a| EntityUID::from_components(action.clone(), Eid::new(*a), None))
            .collect();
        Ok(Some(CedarPolicies {
            policies,
            meta,
            default,
            types,
            actions,
            schema,
        }))
    }

    /// Number of policies loaded.
    pub fn len(&self) -> usize {
        self.meta.len()
    }

    /// Evaluate each `(action, reading)` for the facts; push the contributions.
    pub fn evaluate(
        &self,
        facts: &CedarFacts<'_>,
        actions: &[(&str, Reading)],
        out: &mut Vec<Contribution>,
    ) {
        let req = facts.request;
        let resource = build::resource_of(req);
        // Per action, the policies that can apply, in file order; and what they name.
        let mut uses = Uses::default();
        let candidates: Vec<(Option<usize>, Vec<&Compiled>)> = actions
            .iter()
            .map(|(action, _)| {
                let index = scope::action_index(action);
                let policies: Vec<&Compiled> = self
                    .policies
                    .iter()
                    .filter(|p| {
                        index.is_none_or(|i| p.scope.admits_action(i))
                            && p.scope.may_apply(req.principal, &resource)
                    })
                    .collect();
                uses = policies.iter().fold(uses, |u, p| u.union(p.uses));
                (index, policies)
            })
            .collect();
        let mut built: Option<Built> = None;
        for ((action, reading), (index, policies)) in actions.iter().zip(&candidates) {
            let mut outcome = Outcome::default();
            if !policies.is_empty() {
                if built.is_none() {
                    match self.build_lean(facts, uses, false) {
                        Ok(b) => built = Some(b),
                        Err(e) => return self.unexpressible(&e, actions, out),
                    }
                }
                let (Some(b), Some(uid)) = (&built, index.and_then(|i| self.actions.get(i))) else {
                    self.unexpressible("unknown action", &[(action, *reading)], out);
                    continue;
                };
                outcome = Self::run(b, uid, policies);
            }
            self.read(&outcome, action, *reading, out);
        }
    }

    /// Evaluate `policies` for one action over the built request.
    fn run<'p>(built: &Built, action: &EntityUID, policies: &[&'p Compiled]) -> Outcome<'p> {
        let request = CoreRequest::new_unchecked(
            EntityUIDEntry::known(built.principal.clone(), None),
            EntityUIDEntry::known(action.clone(), None),
            EntityUIDEntry::known(built.resource.clone(), None),
            Some(built.context.clone()),
        );
        let evaluator = Evaluator::new(request, &built.entities, Extensions::all_available());
        let mut outcome = Outcome::default();
        for &p in policies {
            let satisfied = match evaluator.interpret(&p.condition, p.policy.env()) {
                Ok(v) => match v.value {
                    ValueKind::Lit(Literal::Bool(b)) => Ok(b),
                    // Not a boolean: let Cedar say so, in its words.
                    _ => evaluator.evaluate(&p.policy),
                },
                Err(e) => Err(e),
            };
            match satisfied {
                Ok(true) if p.policy.effect() == cedar_policy_core::ast::Effect::Forbid => {
                    outcome.forbids.push(p)
                }
                Ok(true) => outcome.permits.push(p),
                Ok(false) => {}
                Err(e) => outcome.errors.push((p, e)),
            }
        }
        outcome
    }

    /// A request Cedar cannot represent denies (when read in full).
    fn unexpressible(&self, e: &str, actions: &[(&str, Reading)], out: &mut Vec<Contribution>) {
        if actions.iter().any(|(_, r)| *r == Reading::Full) {
            out.push(Contribution {
                rule: RuleId("cedar".to_string()),
                verdict: Verdict::Deny,
                reason: format!("the request could not be expressed to Cedar: {e}"),
            });
        }
    }

    /// Turn Cedar's answer into contributions. As Cedar's `Authorizer` reports it: the satisfied
    /// forbids decide when there are any, else the satisfied permits.
    fn read(
        &self,
        outcome: &Outcome<'_>,
        action: &str,
        reading: Reading,
        out: &mut Vec<Contribution>,
    ) {
        let deciding = if outcome.forbids.is_empty() {
            &outcome.permits
        } else {
            &outcome.forbids
        };
        let mut decided = false;
        for p in deciding {
            let Some(meta) = self.meta.get(&p.id) else {
                continue;
            };
            decided = true;
            if reading == Reading::Probe && meta.verdict != Verdict::Deny {
                continue;
            }
            let reason = meta.reason.clone().unwrap_or_else(|| match meta.effect {
                Effect::Permit => format!("Cedar policy {} permits {action}", meta.rule),
                Effect::Forbid => format!("Cedar policy {} forbids {action}", meta.rule),
            });
            out.push(Contribution {
                rule: meta.rule.clone(),
                verdict: meta.verdict,
                reason,
            });
        }
        if reading == Reading::Probe {
            return;
        }
        for (p, e) in &outcome.errors {
            let Some(meta) = self.meta.get(&p.id) else {
                continue;
            };
            if meta.effect == Effect::Forbid {
                out.push(Contribution {
                    rule: meta.rule.clone(),
                    verdict: Verdict::Deny,
                    reason: format!("Cedar policy {} failed to evaluate: {e}", meta.rule),
                });
            }
        }
        if !decided && self.default == Verdict::Deny {
            out.push(Contribution {
                rule: RuleId("cedar.default".to_string()),
                verdict: Verdict::Deny,
                reason: format!("no Cedar policy permits {action} (cedar.default = \"deny\")"),
            });
        }
    }
}

/// What the evaluated policies said about one action, each list in file order.
#[derive(Default)]
struct Outcome<'p> {
    forbids: Vec<&'p Compiled>,
    permits: Vec<&'p Compiled>,
    errors: Vec<(&'p Compiled, EvaluationError)>,
}

/// The policies of one parsed file with the byte offset each starts at, in file order.
fn in_file_order<'p>(set: &'p PolicySet, text: &str) -> Vec<(&'p cedar_policy::Policy, usize)> {
    let mut policies: Vec<&cedar_policy::Policy> = set.policies().collect();
    // `from_str` numbers policies `policy0`, `policy1`, … in file order.
    policies.sort_by_key(|p| {
        p.id()
            .to_string()
            .trim_start_matches("policy")
            .parse::<usize>()
            .unwrap_or(usize::MAX)
    });
    let mut cursor = 0;
    policies
        .into_iter()
        .map(|p| {
            let offset = p
                .to_cedar()
                .and_then(|src| text.get(cursor..)?.find(src.as_str()).map(|at| cursor + at))
                .unwrap_or(cursor);
            cursor = offset.saturating_add(1).min(text.len());
            (p, offset)
        })
        .collect()
}

#[cfg(test)]
mod tests;
