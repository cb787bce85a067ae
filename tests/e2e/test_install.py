"""`mcpguard install` end to end: a client config rewritten by install, launched the way a desktop
client launches its servers (the entry's command, args and env, nothing else), reaches the real
servers through the gateway; `uninstall` then gives back the original bytes.

The data directory is baked into the wrapped entries by `install --data-dir` (the client's
environment does not carry the shell's MCPGUARD_HOME), so the pins land in the test's temp dir.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import MCPGUARD, npm_server, py_server
from mcp_driver import canonical, run_session


def mcpguard(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CONFIG_HOME", "MCPGUARD_HOME")}
    env["HOME"] = str(home)
    return subprocess.run(
        [str(MCPGUARD), *args],
        cwd=home,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def launch(entry: dict) -> tuple[list[str], dict | None]:
    """What a desktop client starts for an stdio entry: command + args, with the entry's env."""
    return [entry["command"], *entry.get("args", [])], entry.get("env") or None


@pytest.fixture
def desktop_home(tmp_path: Path, files_dir: Path):
    home = tmp_path / "home"
    config = home / ".config" / "Claude" / "claude_desktop_config.json"
    config.parent.mkdir(parents=True)
    servers = {
        "time": {"command": py_server("mcp-server-time")[0], "args": ["--local-timezone", "UTC"], "env": {"TZ": "UTC"}},
        "files": {"command": "node", "args": [*npm_server("server-filesystem")[1:], str(files_dir)]},
        "remote": {"url": "https://mcp.example/mcp"},
    }
    original = json.dumps({"mcpServers": servers, "globalShortcut": ""}, indent=2) + "\n"
    config.write_text(original)
    return home, config, original, tmp_path / "data"


STEPS = {
    "time": {
        "tools": lambda c: c.list_tools(),
        "convert": lambda c: c.call_tool(
            "convert_time", {"source_timezone": "UTC", "time": "12:00", "target_timezone": "Asia/Tokyo"}
        ),
    },
    "files": {
        "tools": lambda c: c.list_tools(),
        "roots": lambda c: c.call_tool("list_allowed_directories", {}),
    },
}


def test_installed_config_reaches_the_real_servers_through_the_gateway(desktop_home):
    home, config, original, data = desktop_home
    before = json.loads(original)["mcpServers"]

    out = mcpguard(home, "install", "--yes", "--data-dir", str(data))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "not wrapped yet  remote" in out.stdout

    servers = json.loads(config.read_text())["mcpServers"]
    assert servers["remote"] == before["remote"]
    for name in ("time", "files"):
        entry = servers[name]
        assert Path(entry["command"]).is_absolute() and Path(entry["command"]).name == "mcpguard"
        assert entry["args"][:6] == ["wrap", "--name", f"claude-desktop/{name}", "--data-dir", str(data), "--"]
        assert entry["args"][6:] == [before[name]["command"], *before[name]["args"]]
        assert entry.get("env") == before[name].get("env")

        direct, _ = run_session(*session(before[name], STEPS[name]))
        through, stderr = run_session(*session(entry, STEPS[name]))
        assert canonical(through) == canonical(direct), stderr
        for step, value in through.items():
            assert not (isinstance(value, dict) and "exception" in value), f"{name}/{step}: {value}"
    assert "21:00" in through_time_text(servers["time"])

    # the gateway was in the path: it pinned each server's tools under the installed name
    pins = mcpguard(home, "pins", "list", "--data-dir", str(data))
    assert pins.returncode == 0, pins.stderr
    assert "claude-desktop/time" in pins.stdout and "claude-desktop/files" in pins.stdout, pins.stdout

    status = json.loads(mcpguard(home, "status", "--json", "--data-dir", str(data)).stdout)
    wrapped = {s["name"]: s["wrapped"] for s in status["servers"]}
    assert wrapped == {"time": True, "files": True, "remote": False}

    out = mcpguard(home, "uninstall", "--yes", "--data-dir", str(data))
    assert out.returncode == 0, out.stdout + out.stderr
    assert config.read_text() == original


def session(entry: dict, steps: dict, mode: str = "legacy"):
    command, env = launch(entry)
    return command, mode, steps, env


def through_time_text(entry: dict) -> str:
    t, _ = run_session(*session(entry, {"convert": STEPS["time"]["convert"]}, "auto"))
    return t["convert"]["content"][0]["text"]
