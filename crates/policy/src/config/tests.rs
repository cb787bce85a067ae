//! Load errors: each names the file, the line and column, the key and what is allowed.

use super::PolicyFile;
use crate::decision::Verdict;
use crate::error::PolicyError;

fn error(text: &str) -> (usize, String) {
    match PolicyFile::parse("mcpguard.toml", text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(PolicyError::Toml {
            file,
            line,
            message,
            ..
        }) => {
            assert_eq!(file, "mcpguard.toml");
            (line, message)
        }
        Err(other) => panic!("unexpected error {other}"),
    }
}

#[test]
fn errors_name_line_key_and_what_is_allowed() {
    // (text, line, fragments of the message)
    let cases: &[(&str, usize, &[&str])] = &[
        (
            "[servers.git]\ntool = { deny = [\"x\"] }\n",
            2,
            &["unknown field `tool`", "`tools`", "`args`", "`sampling`"],
        ),
        (
            "[servers.git.tools]\nallow = [\"a\"]\nblock = [\"b\"]\n",
            3,
            &[
                "unknown field `block`",
                "`allow`",
                "`approve`",
                "`deny`",
                "`default`",
            ],
        ),
        (
            "[servers.git.tools]\ndefault = \"maybe\"\n",
            2,
            &["unknown variant `maybe`", "`allow`", "`approve`", "`deny`"],
        ),
        (
            "[servers.git.tools]\nallow = [\n  \"ok\",\n  \"bad[\",\n]\n",
            2, // toml places errors inside an array at the key that holds it
            &["invalid glob `bad[`"],
        ),
        (
            "[[servers.fs.args]]\nargs = [\"path\"]\nroots = [\"relative/dir\"]\n",
            3,
            &["`relative/dir` is not an absolute path"],
        ),
        (
            "[[servers.fs.args]]\nargs = [\"q\"]\npattern = \"(unclosed\"\n",
            3,
            &["invalid regex `(unclosed`"],
        ),
        (
            "[[servers.fetch.args]]\nargs = [\"url\"]\nhosts.allow = [\"a*.com\"]\n",
            3,
            &["only allowed as a leading `*.`"],
        ),
        (
            "[servers.fs]\n\n[[servers.fs.args]]\nargs = [\"path\"]\n",
            3,
            &["constrains nothing", "`roots`", "`hosts`"],
        ),
        (
            "[[servers.fs.args]]\nargs = [\"n\"]\nmin = 5\nmax = 1\n",
            1,
            &["`min` (5) is larger than `max` (1)"],
        ),
        (
            "[[servers.fs.args]]\nargs = [\"n\"]\nmax_lenght = 3\n",
            3,
            &["unknown field `max_lenght`", "`max_length`"],
        ),
        (
            "[[servers.fs.args]]\nargs = [\"p\"]\nmax_length = 3\non_violation = \"allow\"\n",
            1,
            &["`on_violation` must be `deny` or `approve`"],
        ),
        (
            "[cedar]\ndefault = \"approve\"\n",
            2,
            &["unknown variant `approve`, expected `allow` or `deny`"],
        ),
        (
            "[servers.x.rate_limit.tools]\n\"ok\" = 1\n\"[bad\" = 2\n",
            3,
            &["invalid glob `[bad`"],
        ),
        (
            "[defaults]\nsampling = { mode = \"sometimes\" }\n",
            2,
            &["unknown variant `sometimes`"],
        ),
        (
            "servers = 3\n",
            1,
            &["invalid type: integer `3`, expected a map"],
        ),
        ("[servers.git\n", 1, &["invalid table header"]),
    ];
    for (text, line, fragments) in cases {
        let (got_line, message) = error(text);
        for fragment in *fragments {
            assert!(message.contains(fragment), "{text:?}: {message}");
        }
        assert_eq!(got_line, *line, "{text:?}: {message}");
    }
}

#[test]
fn error_display_is_file_line_column() {
    let err = PolicyFile::parse("cfg/mcpguard.toml", "[defaults]\nfoo = 1\n").unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("cfg/mcpguard.toml:2:1: unknown field `foo`"),
        "{text}"
    );
}

#[test]
fn defaults_when_empty() {
    let file = PolicyFile::parse("x", "").unwrap();
    assert_eq!(file.defaults.unlisted_servers, Verdict::Allow);
    assert_eq!(file.defaults.annotations.destructive, Verdict::Approve);
    assert_eq!(file.defaults.annotations.read_only, Verdict::Allow);
    assert_eq!(file.defaults.sampling.mode, Verdict::Deny);
    assert_eq!(file.defaults.elicitation.mode, Verdict::Allow);
    assert_eq!(file.cedar.default.verdict(), Verdict::Allow);
}
