"""Least privilege through `mcpguard wrap --policy`, with the official Python SDK against the real
`server-filesystem`: reads inside the allowed root work; `..`, absolute paths outside and a symlink
pointing outside are denied with a reason; a denied tool is absent from tools/list; a tool the
policy marks `approve` is held until approved."""

import asyncio
import json
import os
import subprocess
import time
from pathlib import Path

from conftest import MCPGUARD, npm_server, wrapped
from mcp import types
from mcp.client.client import Client
from mcp.client.stdio import StdioServerParameters, stdio_client


def policy_file(tmp: Path, root: Path) -> Path:
    p = tmp / "mcpguard.toml"
    p.write_text(
        f"""
[servers.files.tools]
allow = ["read_text_file", "list_directory", "list_allowed_directories"]
approve = ["write_file"]
deny = ["move_file"]

[[servers.files.args]]
tools = ["*"]
args = ["path", "paths", "source", "destination"]
roots = ["{root}"]
relative_to = "{root}"
"""
    )
    return p


async def attempt(client, name, args):
    try:
        r = await client.call_tool(name, args)
        return {"ok": not r.is_error, "text": r.content[0].text if r.content else ""}
    except Exception as e:
        return {"ok": False, "text": str(e)}


def test_a_filesystem_server_confined_to_one_root(tmp_path, files_dir):
    data = tmp_path / "data"
    data.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("top secret")
    (files_dir / "escape").symlink_to(outside)
    # the server itself may read everything under tmp_path: only the policy confines it to files_dir
    cmd = wrapped(npm_server("server-filesystem") + [str(tmp_path)], "--policy", str(policy_file(tmp_path, files_dir)), name="files", data_dir=data)

    async def scenario():
        params = StdioServerParameters(command=cmd[0], args=cmd[1:])
        with open(tmp_path / "log", "w") as err:
            async with Client(stdio_client(params, errlog=err), mode="legacy") as c:
                names = sorted(t.name for t in (await c.list_tools()).tools)
                out = {"names": names}
                out["inside"] = await attempt(c, "read_text_file", {"path": str(files_dir / "notes.txt")})
                out["dotdot"] = await attempt(c, "read_text_file", {"path": str(files_dir / ".." / "secret.txt")})
                out["relative"] = await attempt(c, "read_text_file", {"path": "../../etc/passwd"})
                out["absolute"] = await attempt(c, "read_text_file", {"path": "/etc/hostname"})
                out["symlink"] = await attempt(c, "read_text_file", {"path": str(files_dir / "escape")})
                out["moved"] = await attempt(c, "move_file", {"source": str(files_dir / "notes.txt"), "destination": str(files_dir / "n2.txt")})
                call = asyncio.create_task(attempt(c, "write_file", {"path": str(files_dir / "new.txt"), "content": "ok"}))
                held = None
                for _ in range(100):
                    r = await asyncio.to_thread(subprocess.run, [str(MCPGUARD), "approvals", "--json", "--data-dir", str(data)], capture_output=True, text=True)
                    pending = json.loads(r.stdout)["approvals"]
                    if pending:
                        held = pending[0]
                        break
                    await asyncio.sleep(0.1)
                assert held and "policy" in held["reason"], held
                await asyncio.to_thread(subprocess.run, [str(MCPGUARD), "approve", str(held["id"]), "--data-dir", str(data)])
                out["write"] = await call
                return out

    out = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert "move_file" not in out["names"] and "read_text_file" in out["names"], out["names"]
    assert "edit_file" not in out["names"]  # not in the allow list: hidden too
    assert out["inside"]["ok"] and "line one" in out["inside"]["text"]
    for case in ("dotdot", "relative", "absolute", "symlink"):
        assert not out[case]["ok"] and "policy denies" in out[case]["text"], (case, out[case])
        assert "top secret" not in out[case]["text"]
    assert not out["moved"]["ok"] and "policy denies" in out["moved"]["text"]
    assert out["write"]["ok"], out["write"]
    assert (files_dir / "new.txt").read_text() == "ok"


def test_a_rate_limit_trips_and_names_its_rule(tmp_path, files_dir):
    data = tmp_path / "data"
    data.mkdir()
    policy = tmp_path / "rate.toml"
    policy.write_text("[servers.files.rate_limit]\nper_tool = 3\n")
    cmd = wrapped(npm_server("server-filesystem") + [str(files_dir)], "--policy", str(policy), name="files", data_dir=data)

    async def scenario():
        params = StdioServerParameters(command=cmd[0], args=cmd[1:])
        with open(tmp_path / "log", "w") as err:
            async with Client(stdio_client(params, errlog=err), mode="legacy") as c:
                await c.list_tools()
                reads = [await attempt(c, "read_text_file", {"path": str(files_dir / "notes.txt")}) for _ in range(4)]
                other = await attempt(c, "list_directory", {"path": str(files_dir)})
                return reads, other

    reads, other = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert [r["ok"] for r in reads] == [True, True, True, False], reads
    assert "rate_limit" in reads[3]["text"] and "per minute" in reads[3]["text"], reads[3]
    assert other["ok"], other  # the limit is per tool
    log = subprocess.run([str(MCPGUARD), "audit", "export", "--format", "jsonl", "--data-dir", str(data)], capture_output=True, text=True, check=True)
    denied = [json.loads(l) for l in log.stdout.splitlines() if '"deny"' in l]
    assert any("servers.files.rate_limit.per_tool" in r["rules"] for r in denied), denied


async def _sample_once(cmd, log_path, seen):
    async def sampling(ctx, params):
        seen.append({"maxTokens": params.max_tokens, "meta": dict(params.meta or {})})
        return types.CreateMessageResult(role="assistant", content=types.TextContent(type="text", text="sampled"), model="m")

    params = StdioServerParameters(command=cmd[0], args=cmd[1:])
    with open(log_path, "w") as err:
        async with Client(stdio_client(params, errlog=err), mode="legacy", sampling_callback=sampling) as c:
            await c.list_tools()
            return await attempt(c, "trigger-sampling-request", {"prompt": "say hi", "maxTokens": 500})


def test_sampling_is_denied_then_allowed_with_a_capped_max_tokens(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    deny = tmp_path / "deny.toml"
    deny.write_text("[servers.everything.tools]\ndefault = \"allow\"\n")  # sampling: the default (deny)
    allow = tmp_path / "allow.toml"
    allow.write_text("[servers.everything]\nsampling = { mode = \"allow\", max_tokens = 64 }\n")
    server = npm_server("server-everything")

    seen: list = []
    denied = asyncio.run(asyncio.wait_for(_sample_once(wrapped(server, "--policy", str(deny), name="everything", data_dir=data), tmp_path / "l1", seen), 60))
    assert seen == [], "a denied sampling request must never reach the client"
    assert "sampling" in denied["text"] and "deny" in denied["text"], denied

    allowed = asyncio.run(asyncio.wait_for(_sample_once(wrapped(server, "--policy", str(allow), name="everything", data_dir=data), tmp_path / "l2", seen), 60))
    assert allowed["ok"] and "sampled" in allowed["text"], allowed
    assert seen[0]["maxTokens"] == 64, seen
    assert seen[0]["meta"]["io.mcpguard/origin"]["server"] == "everything", seen
    log = subprocess.run([str(MCPGUARD), "audit", "export", "--format", "jsonl", "--data-dir", str(data)], capture_output=True, text=True, check=True)
    sampling = [json.loads(l) for l in log.stdout.splitlines() if "sampling/createMessage" in l]
    assert [r["verdict"] for r in sampling] == ["deny", "allow"], sampling
    assert sampling[1]["rules"] == ["servers.everything.sampling"], sampling
