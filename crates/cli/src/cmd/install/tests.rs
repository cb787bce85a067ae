//! `install` and `uninstall` over fixture configs of every client format, in a fake home.
//!
//! Each fixture is written the way its client writes it (Claude Code's per-project entries, VS
//! Code's comments and trailing commas, tabs, CRLF line ends, unknown keys, numbers in `args`), so
//! "everything else stays byte for byte" is checked on the shapes that exist in the field.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::fixtures::{
    BIN, CLAUDE_CODE, CLAUDE_DESKTOP, CORRUPT, CUSTOM, FILES, PROJECT_MCP, VSCODE_SETTINGS,
    WINDSURF,
};
use super::install::{self, Refused};
use super::plan::Launcher;
use super::state::State;
use super::uninstall::{self, FileUndo, Outcome};
use super::{Selection, Setup};
use crate::clients::{HostEnv, Os};

struct Home {
    _dir: tempfile::TempDir,
    root: PathBuf,
    setup: Setup,
}

impl Home {
    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }
    fn write(&self, rel: &str, text: &str) {
        write(&self.root, rel, text);
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn fake_home() -> Home {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    for (rel, text) in FILES {
        write(&root, rel, text);
    }
    write(&root, "custom/agent.json", CUSTOM);
    let setup = Setup {
        host: HostEnv {
            os: Os::Linux,
            home: root.join("home"),
            appdata: None,
            xdg_config_home: None,
            project: Some(root.join("proj")),
        },
        data_dir: root.join("data"),
        configs: None,
        selection: Selection::default(),
    };
    Home {
        _dir: dir,
        root,
        setup,
    }
}

fn launcher(setup: &Setup) -> Launcher {
    Launcher {
        binary: BIN.into(),
        data_dir: setup.data_dir.to_string_lossy().into_owned(),
    }
}

/// Plans and applies `install`; returns the refused files and the number of wrapped entries.
fn install(setup: &Setup) -> (Vec<Refused>, usize) {
    let mut state = State::load(&setup.data_dir).unwrap();
    let (plans, refused) = install::plan_all(setup, &state, &launcher(setup)).unwrap();
    let mut n = 0;
    for p in plans.iter().filter(|p| p.changes()) {
        n += p.edits().count();
        install::apply(&setup.data_dir, &mut state, p).unwrap();
    }
    (refused, n)
}

fn uninstall(setup: &Setup) -> Vec<FileUndo> {
    let mut state = State::load(&setup.data_dir).unwrap();
    let undos = uninstall::plan_all(setup, &state);
    for u in undos
        .iter()
        .filter(|u| u.new_text.is_some() || u.current.is_none())
    {
        uninstall::apply(&setup.data_dir, &mut state, u).unwrap();
    }
    undos
}

/// Every file under `root` except the data directory.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().is_some_and(|n| n == "data") {
                continue;
            }
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.insert(p.clone(), fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &mut out);
    out
}

fn value(text: &str) -> Value {
    serde_json::from_str(&crate::clients::jsonc::to_strict_json(text)).unwrap()
}

fn prefix(name: &str, setup: &Setup) -> Vec<Value> {
    launcher(setup)
        .prefix(name)
        .into_iter()
        .map(Value::String)
        .collect()
}

/// The entry at `pointer` must be the wrapped form of `before`'s, with every other key unchanged.
fn assert_wrapped(before: &Value, after: &Value, pointer: &str, name: &str, setup: &Setup) {
    let (b, a) = (
        before.pointer(pointer).unwrap(),
        after.pointer(pointer).unwrap(),
    );
    assert_eq!(a["command"], BIN, "{pointer}");
    let mut args = prefix(name, setup);
    args.push(b["command"].clone());
    args.extend(b["args"].as_array().cloned().unwrap_or_default());
    assert_eq!(a["args"], Value::Array(args), "{pointer}");
    let strip = |v: &Value| {
        let mut m = v.as_object().unwrap().clone();
        m.remove("command");
        m.remove("args");
        m
    };
    assert_eq!(strip(a), strip(b), "other keys of {pointer}");
}

#[test]
fn install_wraps_every_stdio_entry_and_leaves_everything_else() {
    let h = fake_home();
    let before = snapshot(&h.root);
    let (refused, n) = install(&h.setup);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, h.path("proj/.gemini/settings.json"));
    assert!(refused[0].1.contains("invalid JSON"), "{}", refused[0].1);
    assert_eq!(
        h.read("proj/.gemini/settings.json"),
        CORRUPT,
        "refused: untouched"
    );
    assert_eq!(n, 12);

    // (file, pointer, --name) of every stdio entry
    let wrapped = [
        (
            "home/.config/Claude/claude_desktop_config.json",
            "/mcpServers/filesystem",
            "claude-desktop/filesystem",
        ),
        (
            "home/.config/Claude/claude_desktop_config.json",
            "/mcpServers/github",
            "claude-desktop/github",
        ),
        (
            "home/.config/Claude/claude_desktop_config.json",
            "/mcpServers/memory",
            "claude-desktop/memory",
        ),
        ("home/.claude.json", "/mcpServers/time", "claude-code/time"),
        (
            "home/.claude.json",
            "/mcpServers/plain",
            "claude-code/plain",
        ),
        (
            "home/.claude.json",
            "/projects/~1work~1app/mcpServers/db",
            "claude-code/app/db",
        ),
        (
            "proj/.mcp.json",
            "/mcpServers/time",
            "claude-code/proj/time",
        ),
        (
            "home/.cursor/mcp.json",
            "/mcpServers/browser",
            "cursor/browser",
        ),
        (
            "home/.config/Code/User/settings.json",
            "/mcp/servers/git",
            "vscode/git",
        ),
        (
            "home/.config/Code/User/mcp.json",
            "/servers/perplexity",
            "vscode/perplexity",
        ),
        (
            "home/.codeium/windsurf/mcp_config.json",
            "/mcpServers/brave",
            "windsurf/brave",
        ),
        (
            "home/.gemini/settings.json",
            "/mcpServers/pyserver",
            "gemini-cli/pyserver",
        ),
    ];
    assert_eq!(wrapped.len(), n);
    for (rel, text) in FILES.iter().filter(|(r, _)| !r.starts_with("proj/.gemini")) {
        let (b, mut a) = (value(text), value(&h.read(rel)));
        let mut b_rest = b.clone();
        for (_, pointer, name) in wrapped.iter().filter(|(r, ..)| r == rel) {
            assert_wrapped(&b, &a, pointer, name, &h.setup);
            // apart from the wrapped entries' command and args, the documents are equal
            for v in [&mut a, &mut b_rest] {
                let entry = v.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
                entry.remove("command");
                entry.remove("args");
            }
        }
        assert_eq!(a, b_rest, "{rel}: only command and args changed");
    }
    // comments, trailing commas, tabs and CRLF line ends are where they were
    let vs = h.read("home/.config/Code/User/settings.json");
    for kept in [
        "    // Editor\n    \"editor.fontSize\": 14,\n",
        "/* a block comment */",
        "            // the git server\n",
        "\"${workspaceFolder}\",], // trailing comma\n            },\n",
        "\"off\": {\"command\": \"node\", \"args\": [\"x.js\"], \"disabled\": true,},",
    ] {
        assert!(vs.contains(kept), "{kept:?} lost:\n{vs}");
    }
    let mcp = h.read("home/.config/Code/User/mcp.json");
    assert!(
        mcp.contains("\"args\": [ /* pinned */\n        // by the team\n        \"wrap\",\n        \"--name\","),
        "{mcp}"
    );
    assert_eq!(mcp.matches("by the team").count(), 1);
    let cursor = h.read("home/.cursor/mcp.json");
    assert!(cursor.contains("\t\t\"sse\": { \"url\": \"http://localhost:8931/sse\" }\n\t}\n}"));
    assert!(
        cursor.contains("\"args\": [\"wrap\", \"--name\", \"mine\""),
        "hand-wrapped: untouched"
    );
    let ws = h.read("home/.codeium/windsurf/mcp_config.json");
    assert_eq!(
        ws.matches("\r\n").count(),
        WINDSURF.matches("\r\n").count() + 7
    );
    assert!(!ws.replace("\r\n", "").contains('\n'), "no bare LF added");
    // the original arguments keep their text (a number stays a number)
    assert!(h
        .read("home/.gemini/settings.json")
        .contains("\"--\", \"python\", \"-m\", \"my_mcp_server\", \"--port\", 8080]"));
    // files without stdio entries, and the data dir aside, nothing else was written
    let after = snapshot(&h.root);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
}

#[test]
fn install_twice_wraps_nothing_twice() {
    let h = fake_home();
    install(&h.setup);
    let once = snapshot(&h.root);
    let state_once = State::load(&h.setup.data_dir).unwrap();
    let (_, n) = install(&h.setup);
    assert_eq!(n, 0);
    assert_eq!(snapshot(&h.root), once);
    assert_eq!(State::load(&h.setup.data_dir).unwrap(), state_once);
}

#[test]
fn uninstall_restores_every_file_byte_for_byte() {
    let h = fake_home();
    let before = snapshot(&h.root);
    install(&h.setup);
    assert_ne!(snapshot(&h.root), before);
    let undos = uninstall(&h.setup);
    assert_eq!(snapshot(&h.root), before);
    assert!(undos.iter().all(|u| u.from_backup));
    assert!(undos
        .iter()
        .flat_map(|u| &u.entries)
        .all(|(_, o)| *o == Outcome::Restored));
    assert!(State::load(&h.setup.data_dir).unwrap().files.is_empty());
    // and the splice path gives the same bytes as the backup
    install(&h.setup);
    let state = State::load(&h.setup.data_dir).unwrap();
    for rec in &state.files {
        let mut r = rec.clone();
        r.pristine = false;
        let u = uninstall::plan_file(&r, h.setup.config_file_for(&r), &Selection::default());
        assert!(!u.from_backup);
        assert_eq!(
            u.new_text.unwrap().as_bytes(),
            &before[&rec.path][..],
            "{}",
            rec.path.display()
        );
    }
}

fn outcome<'a>(undos: &'a [FileUndo], server: &str, file: &Path) -> &'a Outcome {
    undos
        .iter()
        .filter(|u| u.record.path == file)
        .flat_map(|u| &u.entries)
        .find(|(e, _)| e.server == server)
        .map(|(_, o)| o)
        .unwrap_or_else(|| panic!("no outcome for {server}"))
}

#[test]
fn user_edits_after_install_survive_uninstall() {
    let h = fake_home();
    install(&h.setup);
    let vs = "home/.config/Code/User/settings.json";
    let new_server = "\"servers\": {\n            \"later\": {\"command\": \"later-server\"},";
    let edit = |t: &str| {
        t.replace("\"editor.fontSize\": 14", "\"editor.fontSize\": 16")
            .replacen("\"servers\": {", new_server, 1)
    };
    h.write(vs, &edit(&h.read(vs)));
    // Claude Code re-serialises its whole file
    let cc = "home/.claude.json";
    let mut v = value(&h.read(cc));
    v["numStartups"] = json!(43);
    h.write(cc, &serde_json::to_string_pretty(&v).unwrap());
    // the user removes one wrapped entry
    let cd = "home/.config/Claude/claude_desktop_config.json";
    let mut v = value(&h.read(cd));
    v["mcpServers"].as_object_mut().unwrap().remove("github");
    h.write(cd, &serde_json::to_string_pretty(&v).unwrap());
    // … changes a wrapped entry's arguments …
    let cu = "home/.cursor/mcp.json";
    let changed = h.read(cu).replace(
        "\"@playwright/mcp@0.0.41\"",
        "\"@playwright/mcp@0.0.41\", \"--headless\"",
    );
    h.write(cu, &changed);
    // … and unwraps one by hand
    let ws = "home/.codeium/windsurf/mcp_config.json";
    h.write(ws, WINDSURF);

    let undos = uninstall(&h.setup);
    assert_eq!(
        h.read(vs),
        edit(VSCODE_SETTINGS),
        "later edits stay, the entry is restored"
    );
    let mut expected = value(CLAUDE_CODE);
    expected["numStartups"] = json!(43);
    assert_eq!(value(&h.read(cc)), expected);
    assert!(
        !h.read(cc).contains("\"args\": []"),
        "the inserted args are gone again"
    );
    assert_eq!(outcome(&undos, "github", &h.path(cd)), &Outcome::Gone);
    assert_eq!(
        outcome(&undos, "filesystem", &h.path(cd)),
        &Outcome::Restored
    );
    assert_eq!(
        value(&h.read(cd))["mcpServers"]["filesystem"],
        value(CLAUDE_DESKTOP)["mcpServers"]["filesystem"]
    );
    assert!(
        matches!(outcome(&undos, "browser", &h.path(cu)), Outcome::Changed(why) if why.contains("\"command\": \"npx\""))
    );
    assert_eq!(h.read(cu), changed, "a changed entry is not clobbered");
    assert_eq!(
        outcome(&undos, "brave", &h.path(ws)),
        &Outcome::NoLongerWrapped
    );
    assert_eq!(h.read(ws), WINDSURF);
    // only the changed entry stays on record
    let state = State::load(&h.setup.data_dir).unwrap();
    let left: Vec<_> = state
        .files
        .iter()
        .flat_map(|f| f.entries.iter().map(|e| e.server.as_str()))
        .collect();
    assert_eq!(left, ["browser"]);
}

#[test]
fn a_file_corrupted_after_install_is_refused_by_uninstall() {
    let h = fake_home();
    install(&h.setup);
    let cu = "home/.cursor/mcp.json";
    let broken = h.read(cu) + "}";
    h.write(cu, &broken);
    let undos = uninstall(&h.setup);
    let u = undos.iter().find(|u| u.record.path == h.path(cu)).unwrap();
    assert!(u.problem.as_deref().unwrap().contains("invalid JSON"));
    assert_eq!(h.read(cu), broken);
    let state = State::load(&h.setup.data_dir).unwrap();
    assert_eq!(
        state.files.len(),
        1,
        "its record is kept for a later uninstall"
    );
    // a file deleted since is forgotten
    fs::remove_file(h.path(cu)).unwrap();
    let undos = uninstall(&h.setup);
    assert_eq!(
        undos[0].problem.as_deref(),
        Some("the file no longer exists")
    );
    assert!(State::load(&h.setup.data_dir).unwrap().files.is_empty());
}

#[test]
fn selections_and_a_partial_uninstall_still_end_byte_identical() {
    let mut h = fake_home();
    let before = snapshot(&h.root);
    h.setup.selection = Selection::new(&["vscode".into()], &["git".into()]).unwrap();
    let (_, n) = install(&h.setup);
    assert_eq!(n, 1);
    assert!(h.read("home/.config/Code/User/settings.json").contains(BIN));
    assert!(!h.read("home/.config/Code/User/mcp.json").contains(BIN));
    // then everything else, in a second run on the same files
    h.setup.selection = Selection::default();
    let (_, n) = install(&h.setup);
    assert_eq!(n, 11);
    // undo one server, then the rest
    h.setup.selection = Selection::new(&[], &["time".into()]).unwrap();
    let undos = uninstall(&h.setup);
    assert_eq!(
        undos.iter().flat_map(|u| &u.entries).count(),
        2,
        "user and project `time`"
    );
    assert_eq!(h.read("proj/.mcp.json"), PROJECT_MCP);
    let cc = h.read("home/.claude.json");
    assert!(cc.contains("\"command\": \"uvx\"") && cc.contains("claude-code/plain"));
    h.setup.selection = Selection::default();
    uninstall(&h.setup);
    assert_eq!(snapshot(&h.root), before);
    assert!(Selection::new(&["notepad".into()], &[]).is_err());
}

#[test]
fn a_custom_file_keeps_its_unknown_keys_and_comes_back_identical() {
    let mut h = fake_home();
    h.setup.configs = Some(vec![h.path("custom/agent.json")]);
    let before = snapshot(&h.root);
    let (refused, n) = install(&h.setup);
    assert!(refused.is_empty(), "only the --config file is read");
    assert_eq!(n, 1);
    let (b, a) = (value(CUSTOM), value(&h.read("custom/agent.json")));
    assert_wrapped(&b, &a, "/mcpServers/x", "custom/x", &h.setup);
    assert_eq!(a["unknownTop"], 1);
    assert_eq!(a["$schema"], b["$schema"]);
    uninstall(&h.setup);
    assert_eq!(snapshot(&h.root), before);
}

#[test]
fn names_stay_unique_across_files_and_runs() {
    let h = fake_home();
    // the same server in a project, the same name in two VS Code files, a name given by hand
    h.write(
        "proj/.cursor/mcp.json",
        r#"{"mcpServers": {"browser": {"command": "b"}}}"#,
    );
    h.write(
        "home/.config/Code/User/mcp.json",
        r#"{"servers": {"git": {"command": "g"}}}"#,
    );
    h.write(
        "home/.gemini/settings.json",
        r#"{"mcpServers": {"x": {"command": "/bin/mcpguard", "args": ["wrap", "--name", "gemini-cli/y", "--", "y"]}, "y": {"command": "y"}}}"#,
    );
    install(&h.setup);
    let state = State::load(&h.setup.data_dir).unwrap();
    let mut names: Vec<&str> = state
        .wrap_names()
        .map(|(_, e)| e.wrap_name.as_str())
        .collect();
    let n = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), n, "{names:?}");
    assert!(names.contains(&"cursor/proj/browser"));
    assert!(names.contains(&"cursor/browser"));
    assert!(names.contains(&"vscode/git") && names.contains(&"vscode/git-2"));
    assert!(names.contains(&"gemini-cli/y-2"), "{names:?}");
}

#[test]
fn added_args_are_removed_again_wherever_a_tool_moved_them() {
    let mut h = fake_home();
    h.write(
        "custom/one.json",
        "{\"mcpServers\": {\"a\": {\"command\": \"x\"}}}",
    );
    h.setup.configs = Some(vec![h.path("custom/one.json")]);
    install(&h.setup);
    let wrapped = h.read("custom/one.json");
    let cmd = format!("\"command\": \"{BIN}\"");
    // a tool that sorts keys puts `args` first; another re-indents everything
    let args_first = wrapped
        .replace(&format!("{cmd}, "), "")
        .replace("]}}}", &format!("], {cmd}}}}}}}"));
    assert!(args_first.starts_with("{\"mcpServers\": {\"a\": {\"args\""));
    assert!(args_first.ends_with(&format!("\"--\", \"x\"], {cmd}}}}}}}")));
    let pretty = serde_json::to_string_pretty(&value(&wrapped)).unwrap();
    let state = State::load(&h.setup.data_dir).unwrap();
    let mut rec = state.files[0].clone();
    rec.pristine = false;
    for moved in [args_first, pretty] {
        h.write("custom/one.json", &moved);
        let u = uninstall::plan_file(&rec, h.setup.config_file_for(&rec), &Selection::default());
        let restored = u.new_text.unwrap();
        assert_eq!(
            value(&restored),
            json!({"mcpServers": {"a": {"command": "x"}}}),
            "{moved}"
        );
        assert!(!restored.contains("args"), "{restored}");
    }
}
