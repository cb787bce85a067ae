"""Real reference servers through `mcpguard wrap` give the same results as direct, in both the
stateless-first (`auto`: server/discover, falling back to initialize) and the `legacy` mode."""

import pytest
from conftest import npm_server, py_server, wrapped
from mcp_driver import canonical, run_session

MODES = ["auto", "legacy"]


def gateway_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("mcpguard[")]


def assert_same_through_gateway(command, mode, steps, env=None, expect_version=None):
    direct, _ = run_session(command, mode, steps, env)
    through, stderr = run_session(wrapped(command), mode, steps, env)
    assert canonical(through) == canonical(direct)
    # the gate had nothing to complain about in a well-behaved session
    assert gateway_lines(stderr) == [], stderr
    if expect_version:
        assert direct["protocol_version"] == expect_version
    for name, value in direct.items():
        assert not (isinstance(value, dict) and "exception" in value), f"{name}: {value}"
    return direct


@pytest.mark.parametrize("mode", MODES)
def test_time_server(mode):
    steps = {
        "tools": lambda c: c.list_tools(),
        "convert": lambda c: c.call_tool(
            "convert_time", {"source_timezone": "UTC", "time": "12:00", "target_timezone": "Asia/Tokyo"}
        ),
        "bad_zone": lambda c: c.call_tool("get_current_time", {"timezone": "Not/AZone"}),
    }
    t = assert_same_through_gateway(
        py_server("mcp-server-time"), mode, steps, expect_version="2026-07-28" if mode == "auto" else "2025-11-25"
    )
    assert {tool["name"] for tool in t["tools"]["tools"]} == {"get_current_time", "convert_time"}
    assert "21:00" in t["convert"]["content"][0]["text"]


@pytest.mark.parametrize("mode", MODES)
def test_git_server(mode, git_repo):
    repo = str(git_repo)
    steps = {
        "tools": lambda c: c.list_tools(),
        "status": lambda c: c.call_tool("git_status", {"repo_path": repo}),
        "log": lambda c: c.call_tool("git_log", {"repo_path": repo, "max_count": 5}),
        "diff": lambda c: c.call_tool("git_diff_unstaged", {"repo_path": repo}),
    }
    t = assert_same_through_gateway(py_server("mcp-server-git") + ["--repository", repo], mode, steps)
    assert "second" in t["log"]["content"][0]["text"]
    assert "hello, world" in t["diff"]["content"][0]["text"]


@pytest.mark.parametrize("mode", MODES)
def test_everything_server_with_sampling_and_elicitation(mode):
    steps = {
        "tools": lambda c: c.list_tools(),
        "prompts": lambda c: c.list_prompts(),
        "resources": lambda c: c.list_resources(),
        "templates": lambda c: c.list_resource_templates(),
        "echo": lambda c: c.call_tool("echo", {"message": "héllo \u2028 \"quoted\" 🙂"}),
        "sum": lambda c: c.call_tool("get-sum", {"a": 2, "b": 40}),
        "structured": lambda c: c.call_tool("get-structured-content", {"location": "Chicago"}),
        "sampling": lambda c: c.call_tool("trigger-sampling-request", {"prompt": "say hi", "maxTokens": 20}),
        "elicitation": lambda c: c.call_tool("trigger-elicitation-request", {}),
        "prompt": lambda c: c.get_prompt("simple-prompt", {}),
    }
    t = assert_same_through_gateway(npm_server("server-everything"), mode, steps, expect_version="2025-11-25")
    assert "a deterministic sample" in t["sampling"]["content"][0]["text"]
    assert "red" in str(t["elicitation"]["content"])
    assert "42" in t["sum"]["content"][0]["text"]


def test_a_tool_the_server_never_offered_is_refused_by_the_gateway():
    steps = {"tools": lambda c: c.list_tools(), "ghost": lambda c: c.call_tool("no-such-tool", {})}
    t, _ = run_session(wrapped(npm_server("server-everything")), "legacy", steps)
    assert t["ghost"]["exception"] == "MCPError"
    assert "not offered by server" in t["ghost"]["message"]


@pytest.mark.parametrize("mode", MODES)
def test_filesystem_server(mode, files_dir):
    root = str(files_dir)
    steps = {
        "tools": lambda c: c.list_tools(),
        "read": lambda c: c.call_tool("read_text_file", {"path": f"{root}/src/lib.rs"}),
        "list": lambda c: c.call_tool("list_directory", {"path": root}),
        "outside": lambda c: c.call_tool("read_text_file", {"path": "/etc/hostname"}),
        "roots": lambda c: c.call_tool("list_allowed_directories", {}),
    }
    t = assert_same_through_gateway(npm_server("server-filesystem") + [root], mode, steps)
    assert "a + b" in t["read"]["content"][0]["text"]
    assert t["outside"].get("is_error") or t["outside"].get("isError")
