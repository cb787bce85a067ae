//! Path confinement on the real filesystem: a temp dir with real symlinks and [`FsResolver`].

use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::Arc;

use mcpguard_policy::{Engine, FsResolver, PathResolver, PolicyFile, Request, Verdict};
use serde_json::json;

struct Fixture {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    outside: std::path::PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().canonicalize().expect("canonical temp dir");
    let root = base.join("root");
    let outside = base.join("outside");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(root.join("inside.txt"), "ok").unwrap();
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    symlink(&outside, root.join("escape")).unwrap();
    symlink(outside.join("secret.txt"), root.join("secret-link")).unwrap();
    symlink(root.join("inside.txt"), root.join("sub/good-link")).unwrap();
    symlink(outside.join("not-yet"), root.join("dangling")).unwrap();
    Fixture {
        _dir: dir,
        root,
        outside,
    }
}

fn engine(root: &Path) -> Engine {
    let toml = format!(
        "[[servers.fs.args]]\nargs = [\"path\"]\nroots = [\"{}\"]\nrelative_to = \"{}\"\n",
        root.display(),
        root.display()
    );
    let file = PolicyFile::parse("t.toml", &toml).unwrap();
    Engine::compile(&file, &[], Arc::new(FsResolver)).unwrap()
}

#[test]
fn real_symlinks_cannot_escape() {
    let f = fixture();
    let e = engine(&f.root);
    let cases = [
        ("inside.txt", Verdict::Allow, ""),
        ("sub/good-link", Verdict::Allow, ""),
        ("new-file.txt", Verdict::Allow, ""),
        ("sub/new/deeper.txt", Verdict::Allow, ""),
        ("secret-link", Verdict::Deny, "through a symlink to"),
        ("escape/secret.txt", Verdict::Deny, "through a symlink to"),
        ("escape/new-file.txt", Verdict::Deny, "through a symlink to"),
        ("escape", Verdict::Deny, "through a symlink to"),
        // `..` after the link leaves the link's target (outside/.. is the temp dir), so this
        // is lexically root/outside/secret.txt but really outside/secret.txt.
        (
            "escape/../outside/secret.txt",
            Verdict::Deny,
            "through a symlink to",
        ),
        ("escape/../root/inside.txt", Verdict::Allow, ""),
        // A dangling link would let a write create a file outside.
        ("dangling", Verdict::Deny, "dangling symlink"),
        ("missing/../inside.txt", Verdict::Deny, "cannot be resolved"),
        (
            "../outside/secret.txt",
            Verdict::Deny,
            "outside the allowed roots",
        ),
    ];
    for (path, verdict, fragment) in cases {
        let args = json!({"path": path});
        let d = e.evaluate(&Request::call_tool("fs", "t", Some(&args)));
        assert_eq!(d.verdict, verdict, "{path}: {}", d.reason);
        assert!(d.reason.contains(fragment), "{path}: {}", d.reason);
    }
    let args = json!({"path": "secret-link"});
    let d = e.evaluate(&Request::call_tool("fs", "t", Some(&args)));
    assert!(
        d.reason
            .contains(&f.outside.join("secret.txt").display().to_string()),
        "{}",
        d.reason
    );
}

#[test]
fn fs_resolver_resolves_like_the_kernel() {
    let f = fixture();
    let r = FsResolver;
    assert_eq!(
        r.resolve(&f.root.join("./sub//good-link")).unwrap(),
        f.root.join("inside.txt")
    );
    assert_eq!(
        r.resolve(&f.root.join("escape/x/y")).unwrap(),
        f.outside.join("x/y")
    );
    assert!(r.resolve(Path::new("relative")).is_err());
}

#[test]
fn symlinked_root_itself() {
    // The configured root is a symlink to the real directory: paths under it are allowed.
    let f = fixture();
    let alias = f.root.parent().unwrap().join("alias");
    symlink(&f.root, &alias).unwrap();
    let e = engine(&alias);
    let args = json!({"path": "inside.txt"});
    let d = e.evaluate(&Request::call_tool("fs", "t", Some(&args)));
    assert_eq!(d.verdict, Verdict::Allow, "{}", d.reason);
    let args = json!({"path": "escape/secret.txt"});
    let d = e.evaluate(&Request::call_tool("fs", "t", Some(&args)));
    assert_eq!(d.verdict, Verdict::Deny, "{}", d.reason);
}
