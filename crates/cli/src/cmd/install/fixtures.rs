//! Client configuration files as each client writes them, for the `install` tests.
//!
//! Claude Code's per-project entries, VS Code's comments and trailing commas, tabs, CRLF line
//! ends, unknown keys, a number in `args`, an entry wrapped by hand, and a file that does not parse.

pub const BIN: &str = "/opt/mcpguard/bin/mcpguard";

pub const CLAUDE_DESKTOP: &str = r#"{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": [
        "-y",
        "@modelcontextprotocol/server-filesystem",
        "/Users/ada/Desktop"
      ]
    },
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
      "env": {
        "GITHUB_PERSONAL_ACCESS_TOKEN": "<token>"
      }
    },
    "memory": {"command": "mcp-memory"},
    "remote-notes": {"url": "https://notes.example/mcp"}
  },
  "globalShortcut": "Ctrl+Space"
}
"#;

pub const CLAUDE_CODE: &str = r#"{
  "numStartups": 42,
  "theme": "dark",
  "mcpServers": {
    "time": {
      "type": "stdio",
      "command": "uvx",
      "args": [
        "mcp-server-time",
        "--local-timezone=UTC"
      ],
      "env": {}
    },
    "plain": {
      "command": "plain-server"
    }
  },
  "projects": {
    "/work/app": {
      "allowedTools": [],
      "mcpServers": {
        "db": {
          "type": "stdio",
          "command": "node",
          "args": [
            "server.js"
          ],
          "env": {
            "DB_URL": "${DB_URL:-postgres://localhost/app}"
          }
        },
        "search": {
          "type": "http",
          "url": "https://search.example/mcp",
          "headers": {"Authorization": "Bearer ${TOKEN}"}
        }
      }
    }
  }
}
"#;

pub const PROJECT_MCP: &str = "{\n  \"mcpServers\": {\n    \"time\": {\"command\": \"./bin/time-server\", \"args\": [], \"cwd\": \"tools\"}\n  }\n}\n";

const CURSOR: &str = "{\n\t\"mcpServers\": {\n\t\t\"browser\": { \"command\": \"npx\", \"args\": [\"@playwright/mcp@0.0.41\"] },\n\t\t\"guarded\": { \"command\": \"/usr/local/bin/mcpguard\", \"args\": [\"wrap\", \"--name\", \"mine\", \"--\", \"node\", \"s.js\"] },\n\t\t\"sse\": { \"url\": \"http://localhost:8931/sse\" }\n\t}\n}";

pub const VSCODE_SETTINGS: &str = r#"{
    // Editor
    "editor.fontSize": 14,
    "files.autoSave": "afterDelay", /* a block comment */
    "mcp": {
        "servers": {
            // the git server
            "git": {
                "type": "stdio",
                "command": "uvx",
                "args": ["mcp-server-git", "--repository", "${workspaceFolder}",], // trailing comma
            },
            "off": {"command": "node", "args": ["x.js"], "disabled": true,},
        },
    },
}
"#;

const VSCODE_MCP: &str = r#"{
  "inputs": [
    {"type": "promptString", "id": "api-key", "description": "API key", "password": true}
  ],
  "servers": {
    "perplexity": {
      "type": "stdio",
      "command": "npx",
      "args": [ /* pinned */
        // by the team
        "-y", "server-perplexity-ask@1.2.0"],
      "env": {"PERPLEXITY_API_KEY": "${input:api-key}"}
    },
    "gh": {"type": "http", "url": "https://api.githubcopilot.com/mcp/"}
  }
}
"#;

pub const WINDSURF: &str = "{\r\n  \"mcpServers\": {\r\n    \"brave\": {\r\n      \"command\": \"npx\",\r\n      \"args\": [\r\n        \"-y\",\r\n        \"@modelcontextprotocol/server-brave-search\"\r\n      ],\r\n      \"env\": {\"BRAVE_API_KEY\": \"k\"}\r\n    },\r\n    \"broken-entry\": {\"args\": []}\r\n  }\r\n}\r\n";

const GEMINI: &str = r#"{
  "theme": "GitHub",
  "mcpServers": {
    "pyserver": {
      "command": "python",
      "args": ["-m", "my_mcp_server", "--port", 8080],
      "cwd": "./mcp-servers/python",
      "env": {"API_KEY": "$MY_API_TOKEN"},
      "timeout": 5000,
      "trust": false
    },
    "http": {"httpUrl": "https://h.example/mcp"}
  }
}
"#;

pub const CORRUPT: &str = "{\"mcpServers\": {\"a\": {\"command\": \"x\",}";

pub const CUSTOM: &str = r#"{
  "$schema": "https://example.org/agent.schema.json",
  "mcpServers": {
    "x": {
      "command": "/opt/x/bin/server",
      "futureKey": {"nested": [1, 2, {"deep": true}]},
      "alwaysAllow": ["read"],
      "args": ["--flag"]
    }
  },
  "unknownTop": 1
}
"#;

/// Paths of the fixtures relative to the temporary root.
pub const FILES: [(&str, &str); 9] = [
    (
        "home/.config/Claude/claude_desktop_config.json",
        CLAUDE_DESKTOP,
    ),
    ("home/.claude.json", CLAUDE_CODE),
    ("proj/.mcp.json", PROJECT_MCP),
    ("home/.cursor/mcp.json", CURSOR),
    ("home/.config/Code/User/settings.json", VSCODE_SETTINGS),
    ("home/.config/Code/User/mcp.json", VSCODE_MCP),
    ("home/.codeium/windsurf/mcp_config.json", WINDSURF),
    ("home/.gemini/settings.json", GEMINI),
    ("proj/.gemini/settings.json", CORRUPT),
];
