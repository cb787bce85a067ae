//! The rule catalogue: every stable rule id with its family, severity, weight and message.
//!
//! Ids never change meaning once published (scripts, SARIF baselines and audit logs refer to
//! them); a retired rule keeps its id reserved. The weights are the rule's contribution to an
//! item's score; the verdict thresholds are in `Config`. docs/detection.md documents each rule.

use crate::finding::Severity;

/// A rule's static description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, `family.name`.
    pub id: &'static str,
    /// The family (the part of the id before the dot).
    pub family: &'static str,
    /// Severity of the rule on its own.
    pub severity: Severity,
    /// Score contribution.
    pub weight: u32,
    /// One-line description of what the rule means.
    pub summary: &'static str,
}

macro_rules! rules {
    ($( $konst:ident = $id:literal, $fam:literal, $sev:ident, $w:literal, $sum:literal; )*) => {
        $( #[doc = $sum] pub const $konst: Rule = Rule {
            id: $id, family: $fam, severity: Severity::$sev, weight: $w, summary: $sum,
        }; )*
        /// Every rule, in documentation order.
        pub const ALL: &[Rule] = &[$($konst),*];
    };
}

rules! {
    HIDDEN_TAG_CHARS = "hidden.tag_characters", "hidden", Critical, 70,
        "Unicode tag characters (U+E0000-E007F) carry invisible ASCII text";
    HIDDEN_VARIATION = "hidden.variation_selectors", "hidden", High, 50,
        "a run of variation selectors smuggles bytes after a visible character";
    HIDDEN_ZERO_WIDTH = "hidden.zero_width", "hidden", Medium, 25,
        "zero-width characters split words or hide content";
    HIDDEN_BIDI = "hidden.bidi_control", "hidden", Medium, 30,
        "bidirectional override or isolate controls reorder what a human sees";
    HIDDEN_TERMINAL = "hidden.terminal_escape", "hidden", High, 40,
        "ANSI/terminal escape sequences or control characters can hide or rewrite displayed text";
    HIDDEN_HTML_COMMENT = "hidden.html_comment", "hidden", Medium, 25,
        "an HTML comment holds text that renderers hide from the user";
    HIDDEN_MARKDOWN = "hidden.markdown", "hidden", Medium, 25,
        "markdown or HTML constructs that hide text when rendered";
    HIDDEN_PADDING = "hidden.padding", "hidden", Low, 15,
        "a long run of blank space pushes text out of view";
    HIDDEN_ENCODED = "hidden.encoded_payload", "hidden", Low, 10,
        "an encoded payload (base64, hex, URL-encoding, rot13) decodes to readable text";
    HIDDEN_ENCODED_INSTR = "hidden.encoded_instructions", "hidden", High, 40,
        "an encoded payload decodes to text that itself triggers rules";
    HIDDEN_SPELT_OUT = "hidden.spelt_out", "hidden", High, 60,
        "a whole phrase spelt out letter by letter with no gaps between its words";
    HIDDEN_HOMOGLYPH = "hidden.homoglyph", "hidden", High, 40,
        "Cyrillic or Greek look-alike letters inside Latin words (confusable spelling)";
    OVERRIDE_IGNORE = "override.ignore_instructions", "override", Critical, 70,
        "tells the model to ignore or replace its previous instructions";
    OVERRIDE_PRIORITY = "override.priority_claim", "override", High, 50,
        "claims priority over the user, the system or other instructions";
    OVERRIDE_USER_INTENT = "override.user_intent", "override", High, 45,
        "tells the model to act regardless of, or instead of, what the user asked";
    OVERRIDE_SAFEGUARD = "override.disable_safeguard", "override", High, 50,
        "tells the model to turn off approvals, confirmations or other safeguards";
    OVERRIDE_CONSENT = "override.consent_claim", "override", Medium, 30,
        "claims the user already agreed to a data flow, so the model need not ask";
    OVERRIDE_COERCION = "override.coercion", "override", Low, 15,
        "threatens failure or insists a step is not optional, to pressure the model";
    ROLE_FAKE_MARKER = "role.fake_marker", "role", Medium, 30,
        "markup that imitates a system/privileged channel (<IMPORTANT>, [SYSTEM], <|im_start|>)";
    ROLE_REPLY_STEERING = "role.reply_steering", "role", High, 45,
        "orders the model to shape every reply (promote, disparage, add content), beyond this tool's use";
    ROLE_ADVERSE_OBJECTIVE = "role.adverse_objective", "role", High, 60,
        "sets the model an objective that works against the user (a sales or engagement target, the user talked into or out of something whatever their situation, calls kept going for their own sake)";
    ROLE_PRIVILEGE = "role.privilege_grant", "role", High, 45,
        "grants the model elevated privileges or an unrestricted mode (administrator, root, developer mode, restrictions lifted)";
    ROLE_MODEL_ADDRESS = "role.model_address", "role", Low, 15,
        "addresses the model directly or reassigns its role";
    SECRECY_CONCEAL = "secrecy.conceal_from_user", "secrecy", High, 55,
        "tells the model to keep something from the user";
    SECRECY_DECEIVE = "secrecy.deceive_user", "secrecy", High, 60,
        "tells the model to tell the user something untrue (success regardless, only the chosen destination)";
    SECRECY_SILENT = "secrecy.silent_action", "secrecy", High, 45,
        "asks for an action to be done silently or secretly";
    SENSITIVE_PATH = "sensitive.path", "sensitive", Low, 15,
        "names a credential or private file (SSH keys, cloud credentials, .env, history, wallets)";
    SENSITIVE_ACCESS = "sensitive.access_directive", "sensitive", High, 50,
        "directs the model to read, send or change a credential or private file";
    SENSITIVE_SOLICIT = "sensitive.solicit_secret", "sensitive", High, 60,
        "has the model ask the user for a wallet seed phrase, private key or card secret";
    EXFIL_PARAM = "exfil.to_parameter", "exfil", Critical, 60,
        "asks for secrets, files or the conversation to be put into an argument";
    EXFIL_SINK = "exfil.external_sink", "exfil", High, 40,
        "directs data to an external address or URL named in the text";
    EXFIL_DECLARED = "exfil.declared_collection", "exfil", High, 60,
        "says the tool itself ships the conversation, secrets or personal data away (analytics, telemetry, third parties, 'to improve the service')";
    EXEC_SCRIPT = "exec.script_payload", "exec", High, 40,
        "carries a script or shell payload (cookie theft, fetch to a URL, curl | sh)";
    SHADOW_CALL_OTHER = "shadow.call_other_tool", "shadow", Low, 15,
        "directs the model to call a different, named tool";
    SHADOW_TRIGGER = "shadow.cross_tool_trigger", "shadow", Medium, 30,
        "attaches instructions to the use of another tool (before/when using X)";
    SHADOW_CHAIN = "shadow.tool_chain", "shadow", High, 40,
        "rewires other tools: when X is used, call Y (neither is this tool)";
    SHADOW_FORCED_ARGS = "shadow.forced_arguments", "shadow", Medium, 25,
        "tells the model to call another tool with fixed argument values";
    SHADOW_MUTATING_CALL = "shadow.mutating_call", "shadow", High, 45,
        "a tool that only reads orders a call that changes, sends or spends through another tool";
    SHADOW_COERCED = "shadow.coerced_call", "shadow", High, 35,
        "pressures the model with a threat of failure into using another tool";
    SHADOW_REPLACE = "shadow.replace_tool", "shadow", Medium, 30,
        "tells the model to use something instead of the tool the user asked for";
    SHADOW_ADVERTISING = "shadow.preference_manipulation", "shadow", Medium, 30,
        "advertises the tool over others (disparaged alternatives, rankings, social proof, urgency) to win the model's choice";
    SHADOW_HIDDEN_PURPOSE = "shadow.no_own_purpose", "shadow", Medium, 30,
        "the description opens with directives instead of saying what the tool does";
    TAMPER_ARGUMENT = "tamper.argument_override", "tamper", High, 45,
        "tells the model to change, fix or append to an argument's value";
    TAMPER_RECIPIENT = "tamper.recipient", "tamper", High, 45,
        "tells the model to change a recipient, destination, account or amount";
    TAMPER_LOOKALIKE = "tamper.lookalike_name", "tamper", High, 60,
        "swaps a name for a misspelling of it (typosquatting: 'requests -> reqeusts', 'lodahs' in place of 'lodash')";
    SCOPE_BEYOND_PURPOSE = "scope.beyond_purpose", "scope", Medium, 35,
        "an order to the model that reaches beyond this tool on several fronts (other tools, private data, outside destinations, the user kept unaware, money, a safeguard bypassed)";
    DESTRUCTIVE_DIRECTIVE = "destructive.directive", "destructive", High, 45,
        "directs the model to delete, reset or overwrite something as a side step";
    DESTRUCTIVE_REPEATED = "destructive.repeated_calls", "destructive", High, 60,
        "orders calls or records repeated twenty times or more (cost, quota or spam: denial of service)";
    DESTRUCTIVE_ANNOTATION = "destructive.annotation_mismatch", "destructive", High, 45,
        "the annotations say the tool is read-only or harmless while its description says it deletes or overwrites along the way";
    LEARNED_POISONING = "learned.poisoning", "learned", Medium, 25,
        "the learned model reads the definition as an attack (its words and word pairs weigh like those of poisoned tools; 25 from probability 0.9, 60 from 0.97)";
    LEARNED_HONEST = "learned.honest_reading", "learned", Info, 0,
        "the learned model reads the definition as honest (probability of an attack under 0.005): a block that only medium findings (each under 60) add up to is lowered to a warning";
    ENGINE_INTERNAL_ERROR = "engine.internal_error", "engine", Critical, 100,
        "the detection engine failed on this item (an internal error); it is blocked so that nothing passes unjudged";
    CROSS_COLLISION = "cross.name_collision", "cross", High, 40,
        "two servers expose a tool with the same name";
    CROSS_LOOKALIKE = "cross.lookalike_name", "cross", High, 40,
        "a tool name imitates another server's tool name (look-alike letters, one edit away)";
    CROSS_REFERENCE = "cross.foreign_reference", "cross", Medium, 30,
        "a tool's text names a tool of another server";
    LANG_SWITCH = "lang.script_switch", "lang", Low, 10,
        "part of the text is written in another script than the rest";
    DENSITY_LONG = "density.long_text", "density", Info, 5,
        "unusually long text: more room to hide instructions";
    DENSITY_IMPERATIVE = "density.imperative_dense", "density", Low, 10,
        "a dense run of imperatives aimed at the model";
}

/// Looks a rule up by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}
