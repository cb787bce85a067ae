//! URL tricks: userinfo, case, trailing dots, IDNA, IP literals and encodings, ports, schemes.

use super::{HostPattern, UrlRule};

fn rule(allow: &[&str], deny: &[&str]) -> UrlRule {
    UrlRule {
        schemes: vec!["http".into(), "https".into()],
        allow: allow
            .iter()
            .map(|p| HostPattern::parse(p).unwrap())
            .collect(),
        deny: deny
            .iter()
            .map(|p| HostPattern::parse(p).unwrap())
            .collect(),
        check_hosts: true,
    }
}

#[test]
fn allow_list_cases() {
    let r = rule(
        &[
            "docs.rs",
            "*.python.org",
            "example.com:8443",
            "bücher.de",
            "[::1]:8080",
        ],
        &[],
    );
    // (url, allowed, reason fragment)
    let cases = [
        ("https://docs.rs/serde", true, ""),
        ("HTTPS://DOCS.RS/serde", true, ""),
        ("https://docs.rs./serde", true, ""),
        ("https://docs.python.org/3/", true, ""),
        ("https://python.org/", false, "not in the allow list"),
        ("https://evilpython.org/", false, "not in the allow list"),
        ("https://docs.rs.evil.com/", false, "host docs.rs.evil.com"),
        ("http://docs.rs@evil.com/", false, "user name or password"),
        ("http://evil.com@docs.rs/", false, "user name or password"),
        ("http://docs.rs:pw@docs.rs/", false, "user name or password"),
        ("http://evil.com\\@docs.rs/", false, "backslash"),
        ("http://docs.rs /x", false, "whitespace"),
        ("https://example.com:8443/", true, ""),
        ("https://example.com/", false, "not in the allow list"),
        ("https://xn--bcher-kva.de/", true, ""),
        ("https://BÜCHER.de/", true, ""),
        // Cyrillic "о" in docs: a different punycode host
        ("https://d\u{43e}cs.rs/", false, "xn--"),
        ("http://[::1]:8080/", true, ""),
        ("http://[::1]:8081/", false, "not in the allow list"),
        ("ftp://docs.rs/", false, "scheme `ftp`"),
        ("file:///etc/passwd", false, "scheme `file`"),
        ("/relative/path", false, "not an absolute URL"),
        ("docs.rs/serde", false, "not an absolute URL"),
    ];
    for (url, allowed, fragment) in cases {
        let got = r.check(url);
        assert_eq!(got.is_ok(), allowed, "{url}: {got:?}");
        if let Err(reason) = got {
            assert!(reason.contains(fragment), "{url}: {reason}");
        }
    }
}

#[test]
fn deny_list_and_ip_encodings() {
    let r = rule(
        &[],
        &[
            "127.0.0.0/8",
            "10.0.0.0/8",
            "169.254.169.254",
            "::1",
            "localhost",
            "*.internal",
        ],
    );
    let cases = [
        ("http://example.com/", true),
        ("http://127.0.0.1/", false),
        ("http://127.1/", false),
        ("http://0x7f.0.0.1/", false),
        ("http://2130706433/", false),
        ("http://017700000001/", false),
        ("http://10.1.2.3:8080/", false),
        ("http://169.254.169.254/latest/meta-data", false),
        ("http://[::1]/", false),
        ("http://[::ffff:127.0.0.1]/", false),
        ("http://LOCALHOST./", false),
        ("http://db.internal/", false),
        ("http://internal/", true),
        ("http://11.0.0.1/", true),
    ];
    for (url, allowed) in cases {
        let got = r.check(url);
        assert_eq!(got.is_ok(), allowed, "{url}: {got:?}");
    }
}

#[test]
fn deny_beats_allow() {
    let r = rule(&["*.example.com"], &["admin.example.com"]);
    assert!(r.check("https://www.example.com/").is_ok());
    let err = r.check("https://admin.example.com/").unwrap_err();
    assert!(err.contains("denied"), "{err}");
}

#[test]
fn checked_url_reports_normalised_host() {
    let r = rule(&[], &[]);
    let got = r.check("HTTP://Ex\u{e4}mple.COM./a/../b").unwrap();
    assert_eq!(got.host, "xn--exmple-cua.com");
    assert_eq!(got.normalized, "http://xn--exmple-cua.com./b");
}

#[test]
fn pattern_errors() {
    let cases = [
        ("", "empty"),
        ("*", "only allowed as a leading"),
        ("a*.com", "only allowed as a leading"),
        ("10.0.0.0/33", "prefix length"),
        ("nonsense/8", "not an IP address"),
        ("user@host", "not a host name"),
        ("host/path", "not an IP address"),
        ("host:http", "not a port number"),
    ];
    for (text, fragment) in cases {
        let err = HostPattern::parse(text).unwrap_err();
        assert!(err.contains(fragment), "{text}: {err}");
    }
}
