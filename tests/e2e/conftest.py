"""Shared fixtures for the end-to-end tests: real MCP peers driven by the official Python SDK.

Peers are installed by `scripts/install-peers.sh` under `target/peers`; the `mcpguard` binary is
`$MCPGUARD_BIN` or `target/debug/mcpguard` (built by `cargo build` before pytest runs).
"""

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PEERS = ROOT / "target" / "peers"
VENV_BIN = PEERS / "venv" / "bin"
NODE_MODULES = PEERS / "node_modules"
MCPGUARD = Path(os.environ.get("MCPGUARD_BIN", ROOT / "target" / "debug" / "mcpguard"))
SERVERS = Path(__file__).resolve().parent / "servers"


def npm_server(package: str) -> list[str]:
    """The command that starts an npm reference server (no npx: nothing is fetched at test time)."""
    pkg_dir = NODE_MODULES / "@modelcontextprotocol" / package
    import json

    meta = json.loads((pkg_dir / "package.json").read_text())
    bin_entry = meta["bin"]
    rel = bin_entry if isinstance(bin_entry, str) else next(iter(bin_entry.values()))
    return ["node", str(pkg_dir / rel)]


def py_server(name: str) -> list[str]:
    return [str(VENV_BIN / name)]


def our_server(script: str) -> list[str]:
    """A test server of ours (tests/e2e/servers), run with the venv's Python."""
    return [sys.executable, str(SERVERS / script)]


# The data directories `wrapped` makes live under one folder, removed when the test run ends.
_DATA_ROOT = Path(tempfile.mkdtemp(prefix="mcpguard-e2e-"))
atexit.register(shutil.rmtree, _DATA_ROOT, ignore_errors=True)


def wrapped(command: list[str], *extra: str, name: str = "test", data_dir: Path | None = None) -> list[str]:
    """`mcpguard wrap` in front of `command`, with its own data directory unless one is given."""
    data = data_dir or Path(tempfile.mkdtemp(prefix="mcpguard-data-", dir=_DATA_ROOT))
    return [str(MCPGUARD), "wrap", "--name", name, "--data-dir", str(data), *extra, "--", *command]


@pytest.fixture(scope="session", autouse=True)
def _check_setup():
    if not MCPGUARD.exists():
        pytest.fail(f"{MCPGUARD} is missing: run `cargo build` first")
    if not (VENV_BIN / "mcp-server-time").exists() or not NODE_MODULES.exists():
        pytest.fail("peers are missing: run scripts/install-peers.sh")


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """A small git repository with two commits at fixed dates (deterministic log output)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ada",
        "GIT_AUTHOR_EMAIL": "ada@example.org",
        "GIT_COMMITTER_NAME": "Ada",
        "GIT_COMMITTER_EMAIL": "ada@example.org",
        "GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (repo / "README.md").write_text("# demo\n")
    git("add", "README.md")
    git("commit", "-q", "-m", "first")
    (repo / "main.py").write_text("print('hello')\n")
    git("add", "main.py")
    git("commit", "-q", "-m", "second")
    (repo / "main.py").write_text("print('hello, world')\n")
    return repo


@pytest.fixture
def files_dir(tmp_path: Path) -> Path:
    d = tmp_path / "files"
    (d / "src").mkdir(parents=True)
    (d / "notes.txt").write_text("line one\nline two\n")
    (d / "src" / "lib.rs").write_text("pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n")
    return d
