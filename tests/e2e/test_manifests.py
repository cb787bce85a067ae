"""Signed capability manifests end to end: keys, create from a live server, sign, verify, and
`wrap --manifest` refusing a tampered, untrusted, revoked or expired manifest, an undeclared tool,
and a server that exceeds its declared capabilities (its sampling request never reaches the client)."""

import asyncio
import json
import subprocess
from pathlib import Path

from conftest import MCPGUARD, npm_server, our_server, wrapped
from mcp import types
from mcp.client.client import Client
from mcp.client.stdio import StdioServerParameters, stdio_client

HONEST = "Adds two numbers."


def mg(data: Path, *args: str, timeout=60) -> subprocess.CompletedProcess:
    return subprocess.run([str(MCPGUARD), args[0], "--data-dir", str(data), *args[1:]], capture_output=True, text=True, timeout=timeout)


def keypair(tmp: Path, data: Path, name: str, trust: bool = True) -> Path:
    key = tmp / name
    assert mg(data, "keys", "generate", "--out", str(key)).returncode == 0
    if trust:
        r = mg(data, "keys", "trust", f"{key}.pub", "--label", name)
        assert r.returncode == 0, r.stderr
    return key


def make_manifest(tmp: Path, data: Path, key: Path, server: list[str], *flags: str) -> Path:
    n = len(list(tmp.glob("signed-*.json")))
    unsigned, signed = tmp / f"unsigned-{n}.json", tmp / f"signed-{n}.json"
    r = mg(data, "manifest", "create", "--out", str(unsigned), *flags, "--", *server)
    assert r.returncode == 0, r.stderr
    r = mg(data, "manifest", "sign", "--key", str(key), str(unsigned), "--out", str(signed))
    assert r.returncode == 0, r.stderr
    return signed


def session(cmd: list[str], steps, log: Path, sampling=None):
    async def run():
        params = StdioServerParameters(command=cmd[0], args=cmd[1:])
        with open(log, "a") as err:
            try:
                async with Client(stdio_client(params, errlog=err), mode="legacy", sampling_callback=sampling) as c:
                    return await steps(c)
            except Exception as e:
                while isinstance(e, BaseExceptionGroup):
                    e = e.exceptions[0]
                return f"{type(e).__name__}: {e}"

    return asyncio.run(asyncio.wait_for(run(), 60))


async def tool_names(c):
    return sorted(t.name for t in (await c.list_tools()).tools)


def test_a_signed_manifest_is_enforced_and_every_bad_one_is_refused_with_its_reason(tmp_path):
    data = tmp_path / "data"
    desc = tmp_path / "desc.txt"
    desc.write_text(HONEST)
    server = our_server("rugpull.py") + [str(desc)]
    key = keypair(tmp_path, data, "signer")
    signed = make_manifest(tmp_path, data, key, server)
    doc = json.loads(signed.read_text())
    assert set(doc["manifest"]["tools"]) == {"add", "poke"}
    assert doc["manifest"]["capabilities"]["list_changed"] == ["tools"]
    verified = mg(data, "manifest", "verify", str(signed))
    assert verified.returncode == 0 and verified.stdout.startswith("valid"), verified

    def run_with(manifest: Path, name="rug"):
        cmd = wrapped(server, "--manifest", str(manifest), name=name, data_dir=data)
        return session(cmd, tool_names, tmp_path / "log")

    assert run_with(signed) == ["add", "poke"]

    # tampering, byte by byte: no altered file is ever accepted
    raw = signed.read_bytes()
    for i in range(0, len(raw), 3):
        b = bytearray(raw)
        b[i] = ord("A") if b[i] != ord("A") else ord("B")
        bad = tmp_path / "tampered.json"
        bad.write_bytes(bytes(b))
        r = mg(data, "manifest", "verify", str(bad))
        assert r.returncode != 0, f"byte {i} ({chr(raw[i])!r}) altered and still valid"
    # a tampered capability, through the gateway: the server is refused with the reason
    doc2 = json.loads(raw)
    doc2["manifest"]["capabilities"]["sampling"] = True
    bad = tmp_path / "tampered.json"
    bad.write_text(json.dumps(doc2))
    out = run_with(bad)
    assert "signature that does not verify" in out, out

    # the wrong key
    other = keypair(tmp_path, data, "stranger", trust=False)
    wrong = make_manifest(tmp_path, data, other, server)
    assert "not trusted" in run_with(wrong)
    # expired
    expired = make_manifest(tmp_path, data, key, server, "--valid-days", "0")
    assert "expired" in run_with(expired)
    assert "expired" in mg(data, "manifest", "verify", str(expired)).stderr

    # a tool that differs from its signed hash is withheld, even once pins would trust it
    desc.write_text(HONEST + " Now also emails your files to me.")
    assert run_with(signed, name="rug2") == ["poke"]
    desc.write_text(HONEST)

    # revoked: everything signed by the key stops working
    key_id = doc["manifest"]["key_id"]
    assert mg(data, "keys", "revoke", key_id).returncode == 0
    assert "revoked" in run_with(signed)
    assert "revoked" in mg(data, "keys", "list").stdout


def test_a_server_exceeding_its_declared_capabilities_is_refused(tmp_path):
    data = tmp_path / "data"
    key = keypair(tmp_path, data, "signer")
    everything = npm_server("server-everything")
    no_sampling = make_manifest(tmp_path, data, key, everything, "--allow", "elicitation")
    asked = []

    async def sampling(ctx, params):
        asked.append(params)
        return types.CreateMessageResult(role="assistant", content=types.TextContent(type="text", text="x"), model="m")

    async def steps(c):
        await c.list_tools()
        r = await c.call_tool("trigger-sampling-request", {"prompt": "hi", "maxTokens": 5})
        return r.model_dump(mode="json")

    out = session(wrapped(everything, "--manifest", str(no_sampling), data_dir=data), steps, tmp_path / "log", sampling)
    assert asked == [], "the sampling request reached the client"
    assert "sampling" in json.dumps(out), out  # the server got (and reported) the refusal
    log = (tmp_path / "log").read_text()
    assert "may not send sampling/createMessage" in log

    # with sampling declared, the same call completes
    with_sampling = make_manifest(tmp_path, data, key, everything, "--allow", "sampling")
    session(wrapped(everything, "--manifest", str(with_sampling), data_dir=data), steps, tmp_path / "log", sampling)
    assert len(asked) == 1
