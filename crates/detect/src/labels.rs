//! What a tool does with data, for toxic-flow control: does it bring outside content into the
//! session (`untrusted_source`), read private data (`private_source`), or send data out of the
//! machine or to other people (`sink`)?
//!
//! The labels come from the tool's annotations first (`openWorldHint: true` means it talks to the
//! outside world: outside content comes in and arguments go out; `false` rules that out), then
//! from the words of its name and description. They are defaults: the policy file's
//! `[servers.NAME.labels]` replaces them, and `mcpguard scan` shows them so a user can check.

use serde_json::Value;

/// The inferred labels of one tool, each with the reason it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToolLabels {
    pub untrusted_source: Option<String>,
    pub private_source: Option<String>,
    pub sink: Option<String>,
}

impl ToolLabels {
    /// The label names that are set, in a fixed order.
    pub fn names(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.untrusted_source.is_some() {
            out.push("untrusted_source");
        }
        if self.private_source.is_some() {
            out.push("private_source");
        }
        if self.sink.is_some() {
            out.push("sink");
        }
        out
    }
}

/// Name words that mark a tool bringing in outside content.
const UNTRUSTED_WORDS: &[&str] = &[
    "fetch", "browse", "browser", "scrape", "crawl", "web", "url", "http", "https", "webpage",
    "page", "download", "rss", "feed", "inbox", "email", "emails", "mail", "issue", "issues",
    "comment", "comments", "tweet", "tweets", "post", "posts", "message", "messages", "channel",
    "search", "navigate", "news", "reddit", "slack", "discord", "youtube",
];
/// Name words that mark a tool sending data out.
const SINK_WORDS: &[&str] = &[
    "send", "post", "publish", "email", "mail", "message", "reply", "comment", "push", "upload",
    "share", "webhook", "tweet", "notify", "invite", "transfer", "pay", "payment", "fetch", "http",
    "request", "navigate", "submit", "forward", "dm", "sms", "call", "issue", "pull", "review",
];
/// Name words that mark a tool reading private data.
const PRIVATE_WORDS: &[&str] = &[
    "file",
    "files",
    "directory",
    "read",
    "query",
    "sql",
    "database",
    "db",
    "secret",
    "secrets",
    "vault",
    "password",
    "credential",
    "credentials",
    "env",
    "keychain",
    "contacts",
    "calendar",
    "history",
    "inbox",
    "email",
    "emails",
    "mail",
    "document",
    "documents",
    "drive",
    "notes",
    "repo",
    "repository",
    "diff",
    "log",
    "show",
    "memory",
    "graph",
];
/// Verbs that make a name an action on the outside rather than a read.
const SINK_VERBS: &[&str] = &[
    "send", "post", "publish", "reply", "push", "upload", "share", "notify", "invite", "transfer",
    "pay", "submit", "forward", "create", "add", "write", "update",
];
const READ_VERBS: &[&str] = &[
    "get", "read", "list", "search", "fetch", "find", "query", "show", "view", "load", "open",
    "browse", "download", "retrieve", "lookup",
];

/// Splits `apiKey`, `api_key`, `API-Key`, `Api key` into lowercase words (names and titles are
/// read word by word, by this module and by [`crate::elicit`]).
pub(crate) fn words(text: &str) -> Vec<String> {
    if text.is_ascii() {
        return ascii_words(text.as_bytes());
    }
    words_by_char(text)
}

/// `words` of an ASCII text: each word is a run of the text, lowercased in one copy (the
/// char-by-char form grew each word's `String` from empty, reallocating on the way). For ASCII,
/// `char::is_alphanumeric`, `is_uppercase`, `is_lowercase` and `to_lowercase` are their ASCII
/// forms, so the words are those of `words_by_char` (a test compares them).
fn ascii_words(b: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    ascii_word_spans(b, |w| {
        out.push(
            w.iter()
                .map(|&c| char::from(c.to_ascii_lowercase()))
                .collect(),
        );
        false
    });
    out
}

/// Calls `f` on each word of an ASCII text (as `ascii_words` splits it, case as written) until
/// `f` answers true; returns whether it did.
fn ascii_word_spans(b: &[u8], mut f: impl FnMut(&[u8]) -> bool) -> bool {
    let mut from = None;
    let mut prev_lower = false;
    for (i, &c) in b.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if let Some(s) = from.take() {
                if f(&b[s..i]) {
                    return true;
                }
            }
            prev_lower = false;
            continue;
        }
        match from {
            None => from = Some(i),
            Some(s) if c.is_ascii_uppercase() && prev_lower => {
                if f(&b[s..i]) {
                    return true;
                }
                from = Some(i);
            }
            Some(_) => {}
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    from.is_some_and(|s| f(&b[s..]))
}

/// Some word of `text` (split as `words` splits it) satisfies `f`, which sees the word as
/// written for ASCII text (compare ignoring ASCII case) and lowercased otherwise. Allocates
/// nothing for ASCII text (tool names are tested per reference, per field).
pub(crate) fn any_word(text: &str, mut f: impl FnMut(&[u8]) -> bool) -> bool {
    if text.len() <= LAST_MAX && text.is_ascii() {
        // (a name is asked about many times in a row: shadowing asks one name for four verb
        // lists; its words are split once, then read from the spans kept. A call made from
        // within `f` finds them borrowed and splits on its own.)
        let answer = LAST.with(|last| {
            let Ok(mut last) = last.try_borrow_mut() else {
                return None;
            };
            let Last { text: kept, spans } = &mut *last;
            if kept.as_str() != text {
                kept.clear();
                kept.push_str(text);
                spans.clear();
                ascii_word_spans(text.as_bytes(), |w| {
                    let s = w.as_ptr() as usize - text.as_ptr() as usize;
                    spans.push((s as u8, (s + w.len()) as u8));
                    false
                });
            }
            let b = text.as_bytes();
            Some(
                spans
                    .iter()
                    .any(|&(s, e)| f(&b[usize::from(s)..usize::from(e)])),
            )
        });
        if let Some(answer) = answer {
            return answer;
        }
    }
    if text.is_ascii() {
        return ascii_word_spans(text.as_bytes(), f);
    }
    words_by_char(text).iter().any(|w| f(w.as_bytes()))
}

/// The longest text whose words `any_word` keeps (a span fits a `u8`).
const LAST_MAX: usize = 255;

/// The last ASCII text `any_word` split, and its words' spans.
struct Last {
    text: String,
    spans: Vec<(u8, u8)>,
}

thread_local! {
    static LAST: std::cell::RefCell<Last> = const {
        std::cell::RefCell::new(Last {
            text: String::new(),
            spans: Vec::new(),
        })
    };
}

/// Some word of the identifier `name` (split as `words` splits it) is one of `set`, ASCII case
/// ignored: `has_word_in("stripe_create_transfer", &["transfer"])`. Allocates nothing for ASCII.
pub(crate) fn has_word_in(name: &str, set: &[&str]) -> bool {
    any_word(name, |w| {
        set.iter().any(|v| w.eq_ignore_ascii_case(v.as_bytes()))
    })
}

/// `words` by chars (any text; the definition of `ascii_words`).
fn words_by_char(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for ch in text.chars() {
        if !ch.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if ch.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        cur.extend(ch.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn first_in<'a>(words: &'a [String], set: &[&str]) -> Option<&'a str> {
    words
        .iter()
        .find(|w| set.contains(&w.as_str()))
        .map(String::as_str)
}

/// Infers the labels of a tool definition (an element of `tools/list`'s `tools`).
pub fn infer(tool: &Value) -> ToolLabels {
    let name = tool.get("name").and_then(Value::as_str).unwrap_or("");
    let description = tool
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("");
    let open_world = tool
        .pointer("/annotations/openWorldHint")
        .and_then(Value::as_bool);
    let read_only = tool
        .pointer("/annotations/readOnlyHint")
        .and_then(Value::as_bool)
        == Some(true);
    let name_words = words(name);
    let verb = name_words.first().map(String::as_str).unwrap_or("");
    let mut labels = ToolLabels::default();

    match open_world {
        Some(true) => {
            labels.untrusted_source = Some("openWorldHint: true".into());
            labels.sink = Some("openWorldHint: true (its arguments leave the machine)".into());
        }
        Some(false) => {}
        None => {
            let reads = READ_VERBS.contains(&verb) || !SINK_VERBS.contains(&verb);
            if reads {
                if let Some(w) = first_in(&name_words, UNTRUSTED_WORDS) {
                    labels.untrusted_source = Some(format!("its name says `{w}`"));
                }
            }
            if let Some(w) = first_in(&name_words, SINK_WORDS) {
                // `get_email` reads mail; `send_email`, `email_user` and `fetch` send something
                let sends = SINK_VERBS.contains(&verb)
                    || !READ_VERBS.contains(&verb)
                    || matches!(w, "fetch" | "http" | "request" | "navigate");
                let outbound = matches!(w, "fetch" | "http" | "request" | "navigate");
                if sends && (outbound || !read_only) {
                    labels.sink = Some(format!("its name says `{w}`"));
                }
            }
            if labels.untrusted_source.is_none() {
                let d = description.to_ascii_lowercase();
                if [
                    "web page",
                    "webpage",
                    "from the internet",
                    "a url",
                    "any url",
                    "web search",
                ]
                .iter()
                .any(|p| d.contains(p))
                {
                    labels.untrusted_source = Some("its description talks about the web".into());
                }
            }
        }
    }
    if !SINK_VERBS.contains(&verb) || read_only {
        if let Some(w) = first_in(&name_words, PRIVATE_WORDS) {
            if labels.untrusted_source.is_none()
                || matches!(w, "inbox" | "email" | "emails" | "mail")
            {
                labels.private_source = Some(format!("its name says `{w}`"));
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::{any_word, ascii_words, infer, words, words_by_char};
    use serde_json::json;

    #[test]
    fn any_word_sees_the_words_that_words_gives() {
        for name in [
            "stripe_create_transfer",
            "sendPayment",
            "HTTPSend",
            "kubectl-delete",
            "figmaDeleteComponent",
            "send2fa",
            "löschen_alle",
            "",
        ] {
            let all = words(name);
            for w in &all {
                assert!(
                    any_word(name, |x| x.eq_ignore_ascii_case(w.as_bytes())),
                    "{name}: {w}"
                );
            }
            let mut seen = Vec::new();
            any_word(name, |x| {
                seen.push(String::from_utf8_lossy(x).to_lowercase());
                false
            });
            assert_eq!(seen, all, "{name}");
        }
    }

    #[test]
    fn kept_words_are_the_words_of_the_text_asked() {
        // Names asked in turn, again, and from within a call (the kept spans are borrowed then).
        let names = [
            "get_user",
            "getUser",
            "get_user",
            "x",
            "deleteAllRows",
            "get_user",
            "",
        ];
        for name in names {
            let mut seen = Vec::new();
            any_word(name, |x| {
                let mut inner = Vec::new();
                any_word("sendPayment_now", |y| {
                    inner.push(y.to_ascii_lowercase());
                    false
                });
                assert_eq!(
                    inner,
                    [b"send".to_vec(), b"payment".to_vec(), b"now".to_vec()]
                );
                seen.push(String::from_utf8_lossy(x).to_lowercase());
                false
            });
            assert_eq!(seen, words(name), "{name}");
            // Stops at the first word that answers, as the split does.
            let mut asked = 0;
            any_word(name, |_| {
                asked += 1;
                true
            });
            assert_eq!(asked, usize::from(!words(name).is_empty()), "{name}");
        }
    }

    #[test]
    fn ascii_words_are_the_char_words() {
        let names = [
            "",
            "_",
            "apiKey",
            "api_key",
            "API-Key",
            "Api key",
            "getHTTPResponse2x",
            "send_email_v2",
            "x9Y",
            "9a",
            "aB9cD",
            "__init__",
            "a-b--c  d",
            "ABC",
            "mcp.Server:tool/Name",
            "manage_access",
        ];
        for n in names {
            assert_eq!(ascii_words(n.as_bytes()), words_by_char(n), "{n:?}");
        }
        // Every ASCII byte in every place of a short name.
        for b in 0..128u8 {
            for at in 0..4 {
                let mut v = b"aB_1".to_vec();
                v.insert(at, b);
                let n = String::from_utf8(v).expect("ASCII");
                assert_eq!(ascii_words(n.as_bytes()), words_by_char(&n), "{n:?}");
            }
        }
    }

    fn names(t: serde_json::Value) -> Vec<&'static str> {
        infer(&t).names()
    }

    #[test]
    fn reference_servers_get_sensible_labels() {
        assert_eq!(
            names(json!({"name": "fetch", "description": "Fetches a URL from the internet"})),
            ["untrusted_source", "sink"]
        );
        assert_eq!(
            names(json!({"name": "read_text_file", "annotations": {"readOnlyHint": true}})),
            ["private_source"]
        );
        assert_eq!(names(json!({"name": "git_log"})), ["private_source"]);
        assert_eq!(
            names(json!({"name": "get_current_time"})),
            Vec::<&str>::new()
        );
        assert_eq!(names(json!({"name": "send_email"})), ["sink"]);
        assert_eq!(
            names(json!({"name": "get_emails"})),
            ["untrusted_source", "private_source"]
        );
        assert_eq!(
            names(json!({"name": "search", "annotations": {"openWorldHint": true}})),
            ["untrusted_source", "sink"]
        );
        assert_eq!(
            names(json!({"name": "fetch", "annotations": {"openWorldHint": false}})),
            Vec::<&str>::new()
        );
        assert_eq!(names(json!({"name": "create_issue"})), ["sink"]);
        assert_eq!(names(json!({"name": "get_issue"})), ["untrusted_source"]);
    }
}
