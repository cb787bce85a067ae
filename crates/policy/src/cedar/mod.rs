//! Cedar policies: loading, validation against mcpguard's schema, and evaluation.
//!
//! Cedar says what `mcpguard.toml` cannot: conditions across principal, taint, findings and
//! arguments. It is an extra layer, never a way around the TOML rules: its verdicts join the
//! others and the strictest wins. A satisfied `forbid` denies — or, annotated
//! `@verdict("approve")`, holds the request for approval. A satisfied `permit` contributes an
//! allow. When nothing permits, `[cedar] default` decides: `allow` (Cedar only restricts) or `deny`.
//! A policy that fails to evaluate is not skipped, as Cedar would: an erroring `forbid` denies.

mod build;

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use cedar_policy::{
    Authorizer, Effect, EntityTypeName, PolicyId, PolicySet, Schema, ValidationMode, Validator,
};
use miette::Diagnostic;

use crate::decision::{Contribution, RuleId, Verdict};
use crate::error::{line_col, PolicyError};

pub use build::CedarFacts;
use build::Uses;

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

/// Entity type names parsed once.
#[derive(Debug)]
struct Types {
    client: EntityTypeName,
    server: EntityTypeName,
    tool: EntityTypeName,
    prompt: EntityTypeName,
    resource: EntityTypeName,
    args: EntityTypeName,
    action: EntityTypeName,
}

/// The compiled Cedar layer.
#[derive(Debug)]
pub struct CedarPolicies {
    set: PolicySet,
    meta: HashMap<PolicyId, PolicyMeta>,
    default: Verdict,
    types: Types,
    schema: Schema,
    authorizer: Authorizer,
    uses: Uses,
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
        let mut meta = HashMap::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut uses = Uses::default();
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
            uses.add(&source.text);
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
                set.add(policy.new_id(id.clone())).map_err(|e| {
                    cedar_error(source, offset, format!("cannot add policy `{name}`: {e}"))
                })?;
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
        let ty = |name: &str| EntityTypeName::from_str(name).map_err(schema_error);
        let types = Types {
            client: ty("Client")?,
            server: ty("Server")?,
            tool: ty("Tool")?,
            prompt: ty("Prompt")?,
            resource: ty("Resource")?,
            args: ty("Args")?,
            action: ty("Action")?,
        };
        Ok(Some(CedarPolicies {
            set,
            meta,
            default,
            types,
            schema,
            authorizer: Authorizer::new(),
            uses,
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
        let built = match self.build(facts, false) {
            Ok(built) => built,
            Err(e) => return self.unexpressible(&e, actions, out),
        };
        for (action, reading) in actions {
            match self.request(&built, action) {
                Ok(request) => {
                    let response =
                        self.authorizer
                            .is_authorized(&request, &self.set, &built.entities);
                    self.read(&response, action, *reading, out);
                }
                Err(e) => self.unexpressible(&e, &[(action, *reading)], out),
            }
        }
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

    /// Turn Cedar's response into contributions.
    fn read(
        &self,
        response: &cedar_policy::Response,
        action: &str,
        reading: Reading,
        out: &mut Vec<Contribution>,
    ) {
        let mut decided = false;
        for id in response.diagnostics().reason() {
            let Some(meta) = self.meta.get(id) else {
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
        for error in response.diagnostics().errors() {
            let cedar_policy::AuthorizationError::PolicyEvaluationError(e) = error;
            let Some(meta) = self.meta.get(e.policy_id()) else {
                continue;
            };
            if meta.effect == Effect::Forbid {
                out.push(Contribution {
                    rule: meta.rule.clone(),
                    verdict: Verdict::Deny,
                    reason: format!(
                        "Cedar policy {} failed to evaluate: {}",
                        meta.rule,
                        e.inner()
                    ),
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
