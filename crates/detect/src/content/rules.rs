//! The content rule catalogue: stable ids for findings in tool results and other server output.
//!
//! Kept apart from the metadata catalogue (`rules::catalog`) because the two judge different
//! things: in metadata every imperative aimed at the model is suspect, in results only text aimed
//! at the model (or hidden from the human) is. Ids never change meaning once published;
//! docs/content-scanning.md documents each one. A rule's weight here is its *base* weight; a
//! finding may carry more or less (see `judge`), and an item's score sums the highest weight of
//! each rule id.

use crate::finding::Severity;
use crate::rules::catalog::Rule;

macro_rules! content_rules {
    ($( $konst:ident = $id:literal, $sev:ident, $w:literal, $sum:literal; )*) => {
        $( #[doc = $sum] pub const $konst: Rule = Rule {
            id: $id, family: "content", severity: Severity::$sev, weight: $w, summary: $sum,
        }; )*
        /// Every content rule, in documentation order.
        pub const ALL: &[Rule] = &[$($konst),*];
    };
}

content_rules! {
    MODEL_DIRECTIVE = "content.model_directive", High, 70,
        "text addresses the model/assistant/agent (or its task on this content) and asks it to act, override or hide";
    INSTRUCTION_OVERRIDE = "content.instruction_override", High, 40,
        "tells the reader to ignore previous instructions, or hands it a new task/mode";
    CONCEAL = "content.conceal_from_user", High, 30,
        "asks for something to be kept from the user or done silently";
    EXFILTRATION = "content.exfiltration", High, 45,
        "asks for conversation, secrets or files to go into a URL, a message or a tool call";
    ROLE_MARKER = "content.role_marker", High, 40,
        "fake system/role/turn markers, chat-template tokens or tool-result break-outs";
    MODEL_ADDRESS = "content.model_address", Info, 5,
        "addresses an AI model without asking for anything (context only)";
    HIDDEN_UNICODE = "content.hidden_unicode", Critical, 70,
        "invisible Unicode: tag characters (decoded), zero-width runs, bidi controls, variation-selector payloads";
    ANSI_ESCAPE = "content.ansi_escape", High, 45,
        "terminal escape sequences that hide, move or overwrite text, write the clipboard or carry payloads";
    HTML_HIDDEN = "content.html_hidden", High, 60,
        "instructions inside markup that renders invisibly (HTML comment, display:none, zero-size text)";
    ENCODED_INSTRUCTION = "content.encoded_instruction", High, 60,
        "a base64/hex/URL-encoded block decodes to instructions";
}

/// Looks a content rule up by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}
