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
