//! Discovery over a fake home that holds every client's file.

use std::fs;
use std::path::Path;

use super::*;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn fake_home() -> (tempfile::TempDir, HostEnv) {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let project = dir.path().join("proj");
    write(
        &home,
        ".config/Claude/claude_desktop_config.json",
        r#"{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]}}}"#,
    );
    write(
        &home,
        ".claude.json",
        r#"{"numStartups": 3, "mcpServers": {"time": {"type": "stdio", "command": "uvx", "args": ["mcp-server-time"], "env": {"TZ": "UTC"}}},
            "projects": {"/work/app": {"mcpServers": {"db/main": {"type": "http", "url": "https://db.example/mcp", "headers": {"Authorization": "Bearer ${DB_TOKEN}"}}}},
                         "/work/other": {"allowedTools": []}}}"#,
    );
    write(
        &home,
        ".cursor/mcp.json",
        r#"{"mcpServers": {"remote": {"url": "https://x.example/sse"}}}"#,
    );
    write(
        &home,
        ".config/Code/User/settings.json",
        "{\n  // editor settings\n  \"editor.fontSize\": 14,\n  \"mcp\": {\n    \"servers\": {\n      \"git\": {\"type\": \"stdio\", \"command\": \"uvx\", \"args\": [\"mcp-server-git\",],},\n    },\n  },\n}\n",
    );
    write(
        &home,
        ".config/Code/User/mcp.json",
        "{ /* inputs */ \"inputs\": [], \"servers\": {\"gh\": {\"type\": \"http\", \"url\": \"https://api.example/mcp\"}} }",
    );
    write(
        &home,
        ".codeium/windsurf/mcp_config.json",
        r#"{"mcpServers": {"off": {"command": "node", "args": ["x.js"], "disabled": true}, "bad": {"args": []}}}"#,
    );
    write(
        &home,
        ".gemini/settings.json",
        "{\"mcpServers\": {\"broken\": ",
    );
    write(
        &project,
        ".mcp.json",
        r#"{"mcpServers": {"local": {"command": "./bin/server", "cwd": "sub"}}}"#,
    );
    write(
        &project,
        ".vscode/mcp.json",
        r#"{"servers": {"ws": {"command": "python3", "args": ["s.py"]}}}"#,
    );
    write(
        &project,
        ".cursor/mcp.json",
        r#"{"mcpServers": {"h": {"serverUrl": "http://127.0.0.1:9/mcp", "headers": {"X-Key": 5}}}}"#,
    );
    let env = HostEnv {
        os: Os::Linux,
        home,
        appdata: None,
        xdg_config_home: None,
        project: Some(project),
    };
    (dir, env)
}

fn find<'a>(d: &'a Discovery, name: &str) -> &'a ServerEntry {
    d.servers
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} not found"))
}

#[test]
fn finds_every_clients_servers_with_their_origin() {
    let (_dir, env) = fake_home();
    let d = Discovery::read(candidates(&env));
    let names: Vec<_> = d.servers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["fs", "time", "db/main", "remote", "git", "gh", "off", "bad", "local", "h", "ws"]
    );

    let fs_ = find(&d, "fs");
    assert_eq!(fs_.client, ClientKind::ClaudeDesktop);
    assert_eq!(fs_.pointer, "/mcpServers/fs");
    assert!(
        matches!(&fs_.transport, Transport::Stdio { command, args, .. } if command == "npx" && args.len() == 3)
    );

    let time = find(&d, "time");
    assert_eq!(time.client, ClientKind::ClaudeCode);
    assert!(
        matches!(&time.transport, Transport::Stdio { env, .. } if env == &[("TZ".to_owned(), "UTC".to_owned())])
    );

    let db = find(&d, "db/main");
    assert_eq!(db.pointer, "/projects/~1work~1app/mcpServers/db~1main");
    assert_eq!(db.base_dir, Path::new("/work/app"));
    assert!(
        matches!(&db.transport, Transport::Remote { kind: RemoteKind::StreamableHttp, headers, .. } if headers[0].1 == "Bearer ${DB_TOKEN}")
    );

    let git = find(&d, "git");
    assert_eq!(git.client, ClientKind::VsCode);
    assert_eq!(git.pointer, "/mcp/servers/git");
    assert_eq!(find(&d, "gh").pointer, "/servers/gh");
    assert!(matches!(
        find(&d, "remote").transport,
        Transport::Remote {
            kind: RemoteKind::Unspecified,
            ..
        }
    ));

    assert!(find(&d, "off").disabled);
    assert!(matches!(&find(&d, "bad").transport, Transport::Invalid(m) if m.contains("neither")));

    let local = find(&d, "local");
    assert_eq!(local.base_dir, env.project.clone().unwrap());
    assert_eq!(find(&d, "ws").client, ClientKind::VsCode);
    assert!(
        matches!(&find(&d, "h").transport, Transport::Remote { headers, .. } if headers[0].1 == "5")
    );
}

#[test]
fn a_corrupt_file_is_reported_and_the_others_still_load() {
    let (_dir, env) = fake_home();
    let d = Discovery::read(candidates(&env));
    let gemini = d
        .files
        .iter()
        .find(|f| f.file.client == ClientKind::GeminiCli && f.file.scope == Scope::User)
        .unwrap();
    assert!(
        matches!(&gemini.status, FileStatus::Error(e) if e.contains("invalid JSON") && e.contains("line 1")),
        "{:?}",
        gemini.status
    );
    let vs = d
        .files
        .iter()
        .find(|f| f.file.path.ends_with("Code/User/settings.json"))
        .unwrap();
    assert_eq!(vs.status, FileStatus::Loaded { servers: 1 });
    assert_eq!(vs.file.format, FileFormat::Jsonc);
    // Insiders is not installed
    assert!(d
        .files
        .iter()
        .any(|f| f.file.path.to_string_lossy().contains("Insiders")
            && f.status == FileStatus::Missing));
    assert_eq!(present(&d.files).count(), 10);
}

#[test]
fn a_custom_file_of_any_shape_is_read_with_its_directory_as_base() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, pointer) in [
        (
            "a.json",
            r#"{"mcpServers": {"x": {"command": "c"}}}"#,
            "/mcpServers/x",
        ),
        (
            "b.json",
            r#"{"servers": {"x": {"command": "c"}}}"#,
            "/servers/x",
        ),
        (
            "c.json",
            r#"{"mcp": {"servers": {"x": {"command": "c"}}}}"#,
            "/mcp/servers/x",
        ),
        (
            "d.json",
            r#"{"projects": {"/p": {"mcpServers": {"x": {"command": "c"}}}}}"#,
            "/projects/~1p/mcpServers/x",
        ),
    ] {
        write(dir.path(), name, text);
        let d = Discovery::read(vec![custom(&dir.path().join(name))]);
        assert_eq!(d.servers.len(), 1, "{name}");
        assert_eq!(d.servers[0].pointer, pointer, "{name}");
        assert_eq!(d.servers[0].client, ClientKind::Custom);
    }
    let d = Discovery::read(vec![custom(&dir.path().join("a.json"))]);
    assert_eq!(d.servers[0].base_dir, dir.path());
    write(dir.path(), "e.json", "[1]");
    let d = Discovery::read(vec![custom(&dir.path().join("e.json"))]);
    assert!(matches!(&d.files[0].status, FileStatus::Error(e) if e.contains("not an object")));
}

#[test]
fn remote_kinds_follow_each_clients_conventions() {
    let f = custom(Path::new("x.json"));
    let g = ConfigFile {
        client: ClientKind::GeminiCli,
        ..f.clone()
    };
    let kind = |file: &ConfigFile, entry: &str| {
        let text = format!(r#"{{"mcpServers": {{"s": {entry}}}}}"#);
        match &parse_file(file, &text).unwrap()[0].transport {
            Transport::Remote { kind, .. } => *kind,
            t => panic!("{t:?}"),
        }
    };
    assert_eq!(kind(&g, r#"{"url": "http://h/sse"}"#), RemoteKind::Sse);
    assert_eq!(
        kind(&g, r#"{"httpUrl": "http://h/mcp"}"#),
        RemoteKind::StreamableHttp
    );
    assert_eq!(
        kind(&f, r#"{"url": "http://h/mcp"}"#),
        RemoteKind::Unspecified
    );
    assert_eq!(
        kind(&f, r#"{"type": "sse", "url": "http://h/sse"}"#),
        RemoteKind::Sse
    );
    assert_eq!(
        kind(
            &f,
            r#"{"serverUrl": "http://h/mcp", "type": "streamable-http"}"#
        ),
        RemoteKind::StreamableHttp
    );
}
