//! What the gate asks the engine: who, which server, which action, and the facts of the session.
//!
//! The engine keeps no state, so everything that depends on the session — findings of the detection
//! engine, taint labels, whether a remembered approval exists, how many calls were made in the last
//! minute — comes in with the request. Borrowed, so a decision allocates only what it returns.

use serde::Serialize;
use serde_json::Value;

/// How serious a detection finding is (mirrors the detection engine's scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Context only.
    Info,
    /// A weak signal.
    Low,
    /// Unusual in honest metadata.
    Medium,
    /// A strong sign of an attack.
    High,
    /// An attack mechanism stated outright.
    Critical,
}

impl Severity {
    /// From the detection engine's name for it (`info`, `low`, `medium`, `high`, `critical`);
    /// anything else reads as `medium`.
    pub fn parse(name: &str) -> Severity {
        match name.to_ascii_lowercase().as_str() {
            "info" => Severity::Info,
            "low" => Severity::Low,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            _ => Severity::Medium,
        }
    }

    /// The number Cedar policies compare (`context.max_severity`): 1 (info) to 5 (critical);
    /// 0 stands for "no finding".
    pub fn level(self) -> i64 {
        match self {
            Severity::Info => 1,
            Severity::Low => 2,
            Severity::Medium => 3,
            Severity::High => 4,
            Severity::Critical => 5,
        }
    }
}

/// One detection finding, as far as policy cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingFact {
    /// The detection rule id (`poison.hidden_instructions`, …).
    pub rule: String,
    /// Its severity.
    pub severity: Severity,
}

/// Tool annotations as the server declared them; `None` where a hint is absent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Annotations {
    /// `readOnlyHint`.
    pub read_only: Option<bool>,
    /// `destructiveHint`.
    pub destructive: Option<bool>,
    /// `idempotentHint`.
    pub idempotent: Option<bool>,
    /// `openWorldHint`.
    pub open_world: Option<bool>,
}

impl Annotations {
    /// Read the `annotations` object of a tool definition (or the object itself); anything that is
    /// not a boolean counts as absent.
    pub fn from_tool(tool: &Value) -> Annotations {
        let obj = tool.get("annotations").unwrap_or(tool);
        let hint = |key: &str| obj.get(key).and_then(Value::as_bool);
        Annotations {
            read_only: hint("readOnlyHint"),
            destructive: hint("destructiveHint"),
            idempotent: hint("idempotentHint"),
            open_world: hint("openWorldHint"),
        }
    }
}

/// Calls already made in the last minute (not counting this one); see [`crate::RateLimiter`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateCounts {
    /// To this tool of this server, in this session.
    pub tool: u32,
    /// To any tool of this server, in this session.
    pub server: u32,
    /// To any tool of any server, in this session.
    pub session: u32,
}

/// What is being attempted.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Action<'a> {
    /// `tools/call`.
    CallTool {
        /// The tool's name on its server.
        tool: &'a str,
        /// The call's `arguments` (an object; `null` when absent).
        args: &'a Value,
    },
    /// Whether a tool may appear in `tools/list`.
    ListTools {
        /// The tool's name on its server.
        tool: &'a str,
    },
    /// `resources/read` (and whether the resource may be listed).
    ReadResource {
        /// The resource URI.
        uri: &'a str,
    },
    /// `prompts/get` (and whether the prompt may be listed).
    GetPrompt {
        /// The prompt's name.
        name: &'a str,
        /// Its arguments, when getting it.
        args: Option<&'a Value>,
    },
    /// A server's `sampling/createMessage`.
    Sample {
        /// The request's `maxTokens`.
        max_tokens: Option<u64>,
    },
    /// A server's `elicitation/create`.
    Elicit,
}

impl Action<'_> {
    /// The Cedar action name: `call_tool`, `list_tools`, `read_resource`, `get_prompt`, `sample`,
    /// `elicit`.
    pub fn name(&self) -> &'static str {
        match self {
            Action::CallTool { .. } => "call_tool",
            Action::ListTools { .. } => "list_tools",
            Action::ReadResource { .. } => "read_resource",
            Action::GetPrompt { .. } => "get_prompt",
            Action::Sample { .. } => "sample",
            Action::Elicit => "elicit",
        }
    }
}

static NULL: Value = Value::Null;

/// One question to the engine. Build it with a constructor, then add session facts.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Request<'a> {
    /// The client or agent identity (Cedar's principal, `Client::"<id>"`).
    pub principal: &'a str,
    /// The server's name in mcpguard (the key of `[servers.NAME]`).
    pub server: &'a str,
    /// What is being attempted.
    pub action: Action<'a>,
    /// The tool's annotations (tool actions only).
    pub annotations: Annotations,
    /// Detection findings about the item (its metadata) and this call.
    pub findings: &'a [FindingFact],
    /// The session's taint labels (`untrusted_content`, `private_data`, …).
    pub taint: &'a [String],
    /// Whether the session holds a remembered approval for this item.
    pub approved: bool,
    /// Calls made in the last minute.
    pub counts: RateCounts,
}

impl<'a> Request<'a> {
    fn new(server: &'a str, action: Action<'a>) -> Self {
        Request {
            principal: "",
            server,
            action,
            annotations: Annotations::default(),
            findings: &[],
            taint: &[],
            approved: false,
            counts: RateCounts::default(),
        }
    }

    /// May `tool` be called with `args`? (`args` may be `None` for a call without arguments.)
    pub fn call_tool(server: &'a str, tool: &'a str, args: Option<&'a Value>) -> Self {
        Self::new(
            server,
            Action::CallTool {
                tool,
                args: args.unwrap_or(&NULL),
            },
        )
    }

    /// May `tool` appear in `tools/list`?
    pub fn list_tool(server: &'a str, tool: &'a str) -> Self {
        Self::new(server, Action::ListTools { tool })
    }

    /// May the resource at `uri` be read (or listed)?
    pub fn read_resource(server: &'a str, uri: &'a str) -> Self {
        Self::new(server, Action::ReadResource { uri })
    }

    /// May the prompt be got (or listed, with `args` = `None`)?
    pub fn get_prompt(server: &'a str, name: &'a str, args: Option<&'a Value>) -> Self {
        Self::new(server, Action::GetPrompt { name, args })
    }

    /// May the server sample through the client?
    pub fn sample(server: &'a str, max_tokens: Option<u64>) -> Self {
        Self::new(server, Action::Sample { max_tokens })
    }

    /// May the server ask the user for input?
    pub fn elicit(server: &'a str) -> Self {
        Self::new(server, Action::Elicit)
    }

    /// Who is asking.
    pub fn with_principal(mut self, principal: &'a str) -> Self {
        self.principal = principal;
        self
    }

    /// The tool's annotations.
    pub fn with_annotations(mut self, annotations: Annotations) -> Self {
        self.annotations = annotations;
        self
    }

    /// Detection findings.
    pub fn with_findings(mut self, findings: &'a [FindingFact]) -> Self {
        self.findings = findings;
        self
    }

    /// Session taint labels.
    pub fn with_taint(mut self, taint: &'a [String]) -> Self {
        self.taint = taint;
        self
    }

    /// Whether a remembered approval exists.
    pub fn with_approved(mut self, approved: bool) -> Self {
        self.approved = approved;
        self
    }

    /// Calls made in the last minute.
    pub fn with_counts(mut self, counts: RateCounts) -> Self {
        self.counts = counts;
        self
    }
}
