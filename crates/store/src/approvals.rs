//! Calls held for a human decision (`mcpguard approve` / `deny`, or the client's elicitation form).

use serde::Serialize;

/// Where a held call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatus {
    Pending,
    Approved,
    Denied,
    Expired,
}

impl ApprovalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalStatus::Pending => "pending",
            ApprovalStatus::Approved => "approved",
            ApprovalStatus::Denied => "denied",
            ApprovalStatus::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<ApprovalStatus> {
        [
            ApprovalStatus::Pending,
            ApprovalStatus::Approved,
            ApprovalStatus::Denied,
            ApprovalStatus::Expired,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// How long an approval holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Remember {
    /// This call only.
    Once,
    /// Every call of this tool for the rest of the session.
    Session,
}

impl Remember {
    pub fn as_str(self) -> &'static str {
        match self {
            Remember::Once => "once",
            Remember::Session => "session",
        }
    }
}

/// A call to hold, as the gateway records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApproval {
    pub server: String,
    pub session: String,
    pub tool: String,
    /// JSON text of the arguments (the gateway decides how much of them to keep).
    pub arguments: String,
    pub reason: String,
}

/// A held call and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub id: i64,
    pub server: String,
    pub session: String,
    pub tool: String,
    pub arguments: String,
    pub reason: String,
    pub status: ApprovalStatus,
    pub remember: Remember,
    pub decided_by: Option<String>,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}
