//! Path escapes: lexical tricks and symlinks through an injected resolver.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::{normalize, Confinement, LexicalResolver, PathResolver, Root};

/// A fake filesystem made only of symlinks: `links[p] = target` (absolute targets).
struct LinkResolver {
    links: BTreeMap<PathBuf, PathBuf>,
}

impl PathResolver for LinkResolver {
    fn resolve(&self, path: &Path) -> io::Result<PathBuf> {
        let mut out = PathBuf::from("/");
        let mut hops = 0;
        for component in path.components() {
            match component {
                Component::Normal(part) => {
                    out.push(part);
                    while let Some(target) = self.links.get(&out) {
                        hops += 1;
                        if hops > 40 {
                            return Err(io::Error::other("too many levels of symbolic links"));
                        }
                        out = target.clone();
                    }
                }
                Component::ParentDir => {
                    out.pop();
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

fn confinement(resolver: &dyn PathResolver) -> Confinement {
    Confinement {
        roots: vec![Root::new(Path::new("/srv/project"), resolver)],
        relative_to: Some(PathBuf::from("/srv/project")),
    }
}

#[test]
fn normalize_resolves_dots_and_separators() {
    let cases = [
        ("/a/b/../c", "/a/c"),
        ("/a//b///c", "/a/b/c"),
        ("/a/./b/.", "/a/b"),
        ("/../../etc/passwd", "/etc/passwd"),
        ("/", "/"),
    ];
    for (input, want) in cases {
        assert_eq!(normalize(Path::new(input)), PathBuf::from(want), "{input}");
    }
}

#[test]
fn lexical_cases() {
    let c = confinement(&LexicalResolver);
    // (input, allowed, reason fragment)
    let cases = [
        ("/srv/project/a.txt", true, ""),
        ("/srv/project", true, ""),
        ("src/main.rs", true, ""),
        ("./src/../README.md", true, ""),
        ("/srv//project///a.txt", true, ""),
        ("/srv/./project/./a.txt", true, ""),
        ("../../etc/passwd", false, "/etc/passwd, outside"),
        (
            "/srv/project/../../etc/passwd",
            false,
            "/etc/passwd, outside",
        ),
        (
            "/etc/passwd",
            false,
            "outside the allowed roots (/srv/project)",
        ),
        ("/srv/project2/a", false, "outside"),
        ("/srv/projec", false, "outside"),
        ("//etc/passwd", false, "outside"),
        ("/srv/project/./../other", false, "/srv/other"),
        ("~/.ssh/id_rsa", false, "home directory"),
        ("", false, "empty path"),
        ("/srv/project/a\0b", false, "NUL"),
    ];
    for (input, allowed, fragment) in cases {
        let got = c.check(input, &LexicalResolver);
        assert_eq!(got.is_ok(), allowed, "{input}: {got:?}");
        if let Err(reason) = got {
            assert!(reason.contains(fragment), "{input}: {reason}");
        }
    }
}

#[test]
fn relative_path_without_base_is_refused() {
    let c = Confinement {
        roots: vec![Root::new(Path::new("/srv/project"), &LexicalResolver)],
        relative_to: None,
    };
    let err = c.check("a.txt", &LexicalResolver).unwrap_err();
    assert!(err.contains("relative"), "{err}");
}

#[test]
fn symlinks_through_injected_resolver() {
    let resolver = LinkResolver {
        links: BTreeMap::from([
            (PathBuf::from("/srv/project/etc"), PathBuf::from("/etc")),
            (
                PathBuf::from("/srv/project/docs"),
                PathBuf::from("/srv/project/doc"),
            ),
            (
                PathBuf::from("/srv/project/deep"),
                PathBuf::from("/var/lib/x/y"),
            ),
        ]),
    };
    let c = confinement(&resolver);
    let cases = [
        ("/srv/project/etc/passwd", false, "symlink to /etc/passwd"),
        ("etc", false, "symlink to /etc"),
        ("/srv/project/docs/a.md", true, ""),
        // `..` after a link leaves the target, not the link's directory: /var/lib/x/y/.. = /var/lib/x
        (
            "/srv/project/deep/../../../srv/project/a",
            false,
            "/var/srv/project/a",
        ),
        ("/srv/project/new-file.txt", true, ""),
    ];
    for (input, allowed, fragment) in cases {
        let got = c.check(input, &resolver);
        assert_eq!(got.is_ok(), allowed, "{input}: {got:?}");
        if let Err(reason) = got {
            assert!(reason.contains(fragment), "{input}: {reason}");
        }
    }
}

#[test]
fn symlinked_root_is_compared_in_resolved_form() {
    // /tmp → /private/tmp (as on macOS): a path under the configured root resolves under the
    // resolved root and is allowed.
    let resolver = LinkResolver {
        links: BTreeMap::from([(PathBuf::from("/tmp"), PathBuf::from("/private/tmp"))]),
    };
    let c = Confinement {
        roots: vec![Root::new(Path::new("/tmp/work"), &resolver)],
        relative_to: None,
    };
    assert_eq!(
        c.check("/tmp/work/a", &resolver),
        Ok(PathBuf::from("/private/tmp/work/a"))
    );
}

#[test]
fn resolver_error_denies() {
    struct Failing;
    impl PathResolver for Failing {
        fn resolve(&self, _: &Path) -> io::Result<PathBuf> {
            Err(io::Error::other("dangling symlink"))
        }
    }
    let c = Confinement {
        roots: vec![Root::new(Path::new("/srv/project"), &LexicalResolver)],
        relative_to: None,
    };
    let err = c.check("/srv/project/a", &Failing).unwrap_err();
    assert!(
        err.contains("cannot be resolved: dangling symlink"),
        "{err}"
    );
}
