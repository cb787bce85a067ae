//! What the engine answers: a verdict, the rules that produced it, and why.
//!
//! A bare bool cannot be audited or explained, so every rule that matched a request leaves a
//! [`Contribution`]; the final verdict is the strictest one (deny beats approve beats allow) and the
//! decision names every rule at that level.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What may happen. Ordered by strictness: `Allow < Approve < Deny`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Let it through.
    Allow,
    /// Hold it until a human approves.
    Approve,
    /// Refuse it.
    Deny,
}

impl Verdict {
    /// The lowercase name used in files, output and the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Approve => "approve",
            Verdict::Deny => "deny",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stable name for one rule: a config path such as `servers.git.tools.deny["git_push"]`, or
/// `cedar:<policy id>` for a Cedar policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleId(pub String);

impl RuleId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for RuleId {
    fn from(s: String) -> Self {
        RuleId(s)
    }
}

/// One rule that matched the request, with its own verdict and reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contribution {
    /// Which rule.
    pub rule: RuleId,
    /// What this rule alone says.
    pub verdict: Verdict,
    /// Why, in words a user understands.
    pub reason: String,
}

/// The engine's answer to one [`crate::Request`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The strictest verdict among the contributions (allow when nothing matched).
    pub verdict: Verdict,
    /// The rules whose verdict is the final one (each once, in evaluation order): these decided.
    pub rules: Vec<RuleId>,
    /// The reasons of those rules, joined with `; `.
    pub reason: String,
    /// Every rule that matched, in evaluation order, including those that were outvoted.
    pub contributions: Vec<Contribution>,
}

impl Decision {
    /// Combine contributions: deny beats approve beats allow; every rule at the final level is named.
    pub fn from_contributions(contributions: Vec<Contribution>) -> Decision {
        let verdict = contributions
            .iter()
            .map(|c| c.verdict)
            .max()
            .unwrap_or(Verdict::Allow);
        let deciding = contributions.iter().filter(|c| c.verdict == verdict);
        let mut rules: Vec<RuleId> = Vec::new();
        for c in deciding.clone() {
            if !rules.contains(&c.rule) {
                rules.push(c.rule.clone());
            }
        }
        let reason = if rules.is_empty() {
            "no rule matched; allowed by default".to_string()
        } else {
            deciding
                .map(|c| c.reason.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        Decision {
            verdict,
            rules,
            reason,
            contributions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Contribution, Decision, RuleId, Verdict};

    fn c(rule: &str, verdict: Verdict) -> Contribution {
        Contribution {
            rule: RuleId(rule.to_string()),
            verdict,
            reason: format!("{rule} says {verdict}"),
        }
    }

    #[test]
    fn deny_beats_approve_beats_allow() {
        let cases = [
            (vec![], Verdict::Allow, vec![]),
            (vec![c("a", Verdict::Allow)], Verdict::Allow, vec!["a"]),
            (
                vec![c("a", Verdict::Allow), c("b", Verdict::Approve)],
                Verdict::Approve,
                vec!["b"],
            ),
            (
                vec![
                    c("a", Verdict::Deny),
                    c("b", Verdict::Approve),
                    c("d", Verdict::Deny),
                ],
                Verdict::Deny,
                vec!["a", "d"],
            ),
        ];
        for (input, verdict, rules) in cases {
            let d = Decision::from_contributions(input.clone());
            assert_eq!(d.verdict, verdict, "{input:?}");
            let got: Vec<&str> = d.rules.iter().map(RuleId::as_str).collect();
            assert_eq!(got, rules);
            assert_eq!(d.contributions, input);
        }
    }

    #[test]
    fn reason_joins_deciding_rules() {
        let d = Decision::from_contributions(vec![c("a", Verdict::Deny), c("b", Verdict::Deny)]);
        assert_eq!(d.reason, "a says deny; b says deny");
    }

    #[test]
    fn a_rule_is_named_once() {
        let d = Decision::from_contributions(vec![c("a", Verdict::Deny), c("a", Verdict::Deny)]);
        assert_eq!(d.rules, [RuleId("a".to_string())]);
        assert_eq!(d.contributions.len(), 2);
    }
}
