"""Calls held for a human decision, through `mcpguard wrap` and the official Python SDK against the
real `server-filesystem`: its `write_file` is marked destructive, so it waits — for
`mcpguard approve|deny` from another terminal, or for the user's answer to an in-band elicitation
form when the client supports one — and a call nobody decides is denied after the timeout."""

import asyncio
import json
import subprocess
import time
from pathlib import Path

from conftest import MCPGUARD, npm_server, wrapped
from mcp import types
from mcp.client.client import Client
from mcp.client.stdio import StdioServerParameters, stdio_client


def mg(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(MCPGUARD), *args, "--data-dir", str(data)], capture_output=True, text=True, timeout=30)


def pending(data: Path) -> list[dict]:
    return json.loads(mg(data, "approvals", "--json").stdout)["approvals"]


async def wait_pending(data: Path, timeout=10.0) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        items = await asyncio.to_thread(pending, data)
        if items:
            return items[0]
        await asyncio.sleep(0.1)
    raise AssertionError("no call was held")


def client_for(root: Path, data: Path, log: Path, *flags: str, elicitation=None) -> Client:
    cmd = wrapped(npm_server("server-filesystem") + [str(root)], *flags, name="files", data_dir=data)
    params = StdioServerParameters(command=cmd[0], args=cmd[1:])
    return Client(stdio_client(params, errlog=open(log, "a")), mode="legacy", elicitation_callback=elicitation)


async def try_call(client, name, args):
    try:
        r = await client.call_tool(name, args)
        return {"ok": not r.is_error, "text": r.content[0].text if r.content else ""}
    except Exception as e:
        return {"ok": False, "text": str(e)}


def test_destructive_calls_wait_for_the_command_line(tmp_path, files_dir):
    data = tmp_path / "data"
    data.mkdir()
    target = files_dir / "out.txt"

    async def scenario():
        async with client_for(files_dir, data, tmp_path / "log") as c:
            await c.list_tools()
            # read-only tools are not held
            assert (await try_call(c, "read_text_file", {"path": str(files_dir / "notes.txt")}))["ok"]
            # approved from another terminal
            call = asyncio.create_task(try_call(c, "write_file", {"path": str(target), "content": "approved"}))
            held = await wait_pending(data)
            assert held["tool"] == "write_file" and "destructive" in held["reason"] and "approved" in held["arguments"]
            assert not target.exists(), "the call ran before it was approved"
            assert (await asyncio.to_thread(mg, data, "approve", str(held["id"]))).returncode == 0
            assert (await call)["ok"]
            assert target.read_text() == "approved"
            # denied from another terminal
            call = asyncio.create_task(try_call(c, "write_file", {"path": str(target), "content": "denied"}))
            held = await wait_pending(data)
            assert (await asyncio.to_thread(mg, data, "deny", str(held["id"]))).returncode == 0
            result = await call
            assert not result["ok"] and "not approved" in result["text"], result
            assert target.read_text() == "approved"
            # a decided approval cannot be decided again
            again = await asyncio.to_thread(mg, data, "approve", str(held["id"]))
            assert again.returncode == 2 and "already denied" in again.stderr

    asyncio.run(asyncio.wait_for(scenario(), 90))
    log = (tmp_path / "log").read_text()
    assert "mcpguard approve" in log


def test_a_held_call_nobody_decides_is_denied_after_the_timeout(tmp_path, files_dir):
    data = tmp_path / "data"
    data.mkdir()

    async def scenario():
        async with client_for(files_dir, data, tmp_path / "log", "--approval-timeout", "1") as c:
            await c.list_tools()
            started = time.time()
            result = await try_call(c, "write_file", {"path": str(files_dir / "x.txt"), "content": "x"})
            return result, time.time() - started

    result, took = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert not result["ok"] and "no decision within 1 s" in result["text"], result
    assert took < 10
    assert not (files_dir / "x.txt").exists()
    statuses = [a["status"] for a in json.loads(mg(data, "approvals", "--all", "--json").stdout)["approvals"]]
    assert statuses == ["expired"]


def test_a_client_with_elicitation_is_asked_in_band(tmp_path, files_dir):
    data = tmp_path / "data"
    data.mkdir()
    asked = []

    async def answer(ctx, params):
        asked.append(params.message)
        decision = "allow_session" if len(asked) == 1 else "deny"
        return types.ElicitResult(action="accept", content={"decision": decision})

    async def scenario():
        async with client_for(files_dir, data, tmp_path / "log", elicitation=answer) as c:
            await c.list_tools()
            first = await try_call(c, "write_file", {"path": str(files_dir / "a.txt"), "content": "one"})
            # allowed for the session: the next call is not asked about
            second = await try_call(c, "write_file", {"path": str(files_dir / "b.txt"), "content": "two"})
            return first, second

    first, second = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert first["ok"] and second["ok"], (first, second)
    assert len(asked) == 1 and "write_file" in asked[0] and "destructive" in asked[0]
    assert (files_dir / "a.txt").read_text() == "one" and (files_dir / "b.txt").read_text() == "two"
    done = json.loads(mg(data, "approvals", "--all", "--json").stdout)["approvals"]
    assert [(a["status"], a["decided_by"], a["remember"]) for a in done] == [("approved", "elicitation", "session")]


def test_a_user_who_declines_the_form_denies_the_call(tmp_path, files_dir):
    data = tmp_path / "data"
    data.mkdir()

    async def decline(ctx, params):
        return types.ElicitResult(action="decline")

    async def scenario():
        async with client_for(files_dir, data, tmp_path / "log", elicitation=decline) as c:
            await c.list_tools()
            return await try_call(c, "write_file", {"path": str(files_dir / "c.txt"), "content": "no"})

    result = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert not result["ok"] and "declined" in result["text"], result
    assert not (files_dir / "c.txt").exists()


def test_every_decision_is_in_the_audit_chain(tmp_path, files_dir):
    """Allow, hold, approve, deny and pin changes are recorded, durably, in one verifiable chain."""
    data = tmp_path / "data"
    data.mkdir()

    async def scenario():
        async with client_for(files_dir, data, tmp_path / "log") as c:
            await c.list_tools()
            assert (await try_call(c, "read_text_file", {"path": str(files_dir / "notes.txt")}))["ok"]
            call = asyncio.create_task(try_call(c, "write_file", {"path": str(files_dir / "w.txt"), "content": "w"}))
            held = await wait_pending(data)
            await asyncio.to_thread(mg, data, "approve", str(held["id"]))
            assert (await call)["ok"]
            refused = await try_call(c, "no_such_tool", {})
            assert not refused["ok"]

    asyncio.run(asyncio.wait_for(scenario(), 60))
    exported = subprocess.run(
        [str(MCPGUARD), "audit", "--data-dir", str(data), "export", "--format", "jsonl"], capture_output=True, text=True, timeout=30
    )
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(l) for l in exported.stdout.splitlines()]
    seen = [(r["verdict"], r["method"], r["tool"]) for r in records]
    assert ("allow", "tools/call", "read_text_file") in seen, seen
    assert ("hold", "tools/call", "write_file") in seen
    assert ("approve", "tools/call", "write_file") in seen
    assert ("allow", "tools/call", "no_such_tool") not in seen
    assert any(v == "deny" and t == "no_such_tool" for v, _, t in seen)
    assert any(v == "pin_change" for v, _, _ in seen)
    # the allowed call's arguments are recorded as a digest only
    read = next(r for r in records if r["tool"] == "read_text_file")
    assert len(read["args_digest"]) == 64 and read["args"] is None
    assert subprocess.run([str(MCPGUARD), "audit", "--data-dir", str(data), "verify"], capture_output=True, timeout=30).returncode == 0
