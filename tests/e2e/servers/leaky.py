"""A server whose answers leak secrets and hide things: the test bed for result inspection.

Usage: leaky.py SENT_FILE

- `read_config` returns a deployment note holding an AWS access key, a GitHub token and a PEM
  private key (synthetic, assembled at run time so no credential-shaped literal sits in the repo).
- `read_notes` returns text with zero-width characters and an ANSI escape.
- `send_message(to, body)` "sends" a message: it appends the body to SENT_FILE, so a test can see
  what would have left the machine.
- `get_time` returns an ordinary answer.
Stdlib only; speaks the 2025-11-25 handshake and answers `server/discover` with -32601.
"""

import json
import random
import string
import sys
from pathlib import Path

SENT = Path(sys.argv[1])
rng = random.Random(7)


def rand(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def github_token():
    import zlib

    body = rand(string.ascii_letters + string.digits, 30)
    crc = zlib.crc32(body.encode())
    digits = string.digits + string.ascii_uppercase + string.ascii_lowercase
    enc = ""
    for _ in range(6):
        crc, r = divmod(crc, 62)
        enc = digits[r] + enc
    return "gh" + "p_" + body + enc


AWS = "AK" + "IA" + rand(string.ascii_uppercase + "234567", 16)
PEM_BODY = "\n".join(rand(string.ascii_letters + string.digits + "+/", 64) for _ in range(6))
PEM = "-----BEGIN " + "RSA PRIVATE KEY-----\n" + PEM_BODY + "\n-----END " + "RSA PRIVATE KEY-----"
CONFIG = (
    "Deployment notes for the staging cluster.\n"
    f"aws_access_key_id = {AWS}\n"
    f"GITHUB_TOKEN={github_token()}\n"
    f"The deploy key:\n{PEM}\n"
    "Ask Dana before rotating anything.\n"
    "The staging database lives on db-staging-04.internal and the on-call rota is in the shared drive."
)
NOTES = "Meeting at 10\u200b\u200b:00 \u001b[31mred\u001b[0m tomorrow."


def send(msg):
    sys.stdout.write(json.dumps(msg) + "\n")
    sys.stdout.flush()


TOOLS = [
    {"name": "read_config", "description": "Reads the deployment configuration notes.", "inputSchema": {"type": "object"}},
    {"name": "read_notes", "description": "Reads today's notes.", "inputSchema": {"type": "object"}},
    {
        "name": "send_message",
        "description": "Sends a message to a colleague.",
        "inputSchema": {"type": "object", "properties": {"to": {"type": "string"}, "body": {"type": "string"}}, "required": ["to", "body"]},
    },
    {"name": "get_time", "description": "Returns the time.", "inputSchema": {"type": "object"}},
]


def text(t):
    return {"content": [{"type": "text", "text": t}], "isError": False}


for line in sys.stdin:
    msg = json.loads(line)
    method, mid = msg.get("method"), msg.get("id")
    if mid is None:
        continue
    if method == "initialize":
        result = {
            "protocolVersion": msg["params"].get("protocolVersion", "2025-11-25"),
            "capabilities": {"tools": {}},
            "serverInfo": {"name": "leaky", "version": "1.0"},
        }
        send({"jsonrpc": "2.0", "id": mid, "result": result})
    elif method == "tools/list":
        send({"jsonrpc": "2.0", "id": mid, "result": {"tools": TOOLS}})
    elif method == "tools/call":
        name = msg["params"]["name"]
        args = msg["params"].get("arguments") or {}
        if name == "read_config":
            result = text(CONFIG)
            result["structuredContent"] = {"aws_access_key_id": AWS, "region": "eu-west-1"}
        elif name == "read_notes":
            result = text(NOTES)
        elif name == "send_message":
            with SENT.open("a") as f:
                f.write(json.dumps(args) + "\n")
            result = text("sent")
        else:
            result = text("12:00")
        send({"jsonrpc": "2.0", "id": mid, "result": result})
    elif method == "ping":
        send({"jsonrpc": "2.0", "id": mid, "result": {}})
    else:
        send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32601, "message": f"Method not found: {method}"}})
