//! Session taint: which kinds of data have entered the session, from which server and tool.
//!
//! A result from a tool labelled `untrusted_source` taints the session with `untrusted_content`
//! (and with `injected_content` when the content scan found instructions in it); a result from a
//! `private_source` tool taints it with `private_data`. The labels go to the policy (Cedar's
//! `context.taint`) and to the flow rules, which name the source when they hold a sink call.

/// One kind of taint, as the policy sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Taint {
    /// Content from outside (a web page, an issue, an email) has entered the session.
    Untrusted,
    /// That content carried instructions aimed at the model.
    Injected,
    /// Private data (files, mail, secrets) has been read.
    Private,
}

impl Taint {
    pub fn label(self) -> &'static str {
        match self {
            Taint::Untrusted => "untrusted_content",
            Taint::Injected => "injected_content",
            Taint::Private => "private_data",
        }
    }
}

/// Where a taint came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub taint: Taint,
    pub server: String,
    pub tool: String,
}

/// The taint of one session: the first source of each kind per server and tool, in order.
#[derive(Debug, Default)]
pub(crate) struct Flows {
    sources: Vec<Source>,
}

/// Sources kept at most (a session that reads thousands of pages keeps the first ones).
#[allow(dead_code)]
const MAX_SOURCES: usize = 256;

#[allow(dead_code)] // the result scan (next) touches and reads the flows
impl Flows {
    /// Records that `tool` of `server` brought `taint` into the session.
    pub fn touch(&mut self, taint: Taint, server: &str, tool: &str) {
        let known = self
            .sources
            .iter()
            .any(|s| s.taint == taint && s.server == server && s.tool == tool);
        if !known && self.sources.len() < MAX_SOURCES {
            self.sources.push(Source {
                taint,
                server: server.to_owned(),
                tool: tool.to_owned(),
            });
        }
    }

    /// The session's taint labels, sorted, without repeats.
    pub fn labels(&self) -> Vec<String> {
        let mut kinds: Vec<Taint> = self.sources.iter().map(|s| s.taint).collect();
        kinds.sort();
        kinds.dedup();
        kinds.into_iter().map(|t| t.label().to_owned()).collect()
    }

    /// The first source of `taint`, optionally only from servers other than `except_server`.
    pub fn first(&self, taint: Taint, except_server: Option<&str>) -> Option<&Source> {
        self.sources
            .iter()
            .find(|s| s.taint == taint && except_server.is_none_or(|e| e != s.server))
    }
}
