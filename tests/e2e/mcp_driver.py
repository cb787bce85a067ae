"""Drives one MCP session with the official SDK and returns everything it saw, as plain data.

The same scenario runs against a server directly and through `mcpguard wrap`; the tests compare
the two transcripts. Sampling and elicitation callbacks answer deterministically.
"""

import asyncio
import io
import json
from typing import Any, Awaitable, Callable

from mcp import types
from mcp.client.client import Client
from mcp.client.stdio import StdioServerParameters, stdio_client

Step = Callable[[Client], Awaitable[Any]]


async def _sampling(ctx, params: types.CreateMessageRequestParams):
    return types.CreateMessageResult(
        role="assistant",
        content=types.TextContent(type="text", text="a deterministic sample"),
        model="test-model",
    )


async def _elicit(ctx, params):
    return types.ElicitResult(action="accept", content={"color": "red", "name": "Ada"})


def dump(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, list):
        return [dump(v) for v in value]
    return value


async def _run(command: list[str], mode: str, steps: dict[str, Step], env: dict | None, stderr) -> dict:
    params = StdioServerParameters(command=command[0], args=command[1:], env=env)
    transport = stdio_client(params, errlog=stderr)
    out: dict[str, Any] = {}
    async with Client(transport, mode=mode, sampling_callback=_sampling, elicitation_callback=_elicit) as client:
        out["protocol_version"] = client.session.protocol_version
        for name, step in steps.items():
            try:
                out[name] = dump(await step(client))
            except Exception as e:  # an error is part of the transcript too
                out[name] = {"exception": type(e).__name__, "message": str(e)}
    return out


def run_session(command: list[str], mode: str, steps: dict[str, Step], env: dict | None = None, timeout: float = 60):
    """Runs the steps; returns (transcript, stderr text)."""
    import tempfile

    with tempfile.TemporaryFile(mode="w+") as err:
        transcript = asyncio.run(asyncio.wait_for(_run(command, mode, steps, env, err), timeout))
        err.seek(0)
        return transcript, err.read()


def canonical(transcript: dict) -> str:
    return json.dumps(transcript, sort_keys=True, indent=1)
