"""A minimal MCP server over stdio, standard library only, for the examples.

One JSON-RPC message per line on stdin and stdout (the MCP stdio transport). It answers the
handshake (`initialize`, echoing the client's protocol version when it knows it), `ping`, the
four list methods, `tools/call`, `prompts/get` and `resources/read`; anything else gets -32601.
Logs go to stderr, never stdout.
"""

import json
import sys

KNOWN_VERSIONS = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}
LATEST = "2025-11-25"


class Server:
    def __init__(self, name, version, instructions=None):
        self.name = name
        self.version = version
        self.instructions = instructions
        self.tools = []  # (definition, handler)
        self.prompts = []  # (definition, handler)
        self.resources = []  # (definition, text)
        self.templates = []

    def tool(self, definition, handler):
        self.tools.append((definition, handler))

    def prompt(self, definition, handler):
        self.prompts.append((definition, handler))

    def resource(self, definition, text):
        self.resources.append((definition, text))

    def handle(self, method, params):
        if method == "initialize":
            asked = params.get("protocolVersion")
            result = {
                "protocolVersion": asked if asked in KNOWN_VERSIONS else LATEST,
                "capabilities": {"tools": {}, "prompts": {}, "resources": {}},
                "serverInfo": {"name": self.name, "version": self.version},
            }
            if self.instructions:
                result["instructions"] = self.instructions
            return result
        if method == "ping":
            return {}
        if method == "tools/list":
            return {"tools": [d for d, _ in self.tools]}
        if method == "prompts/list":
            return {"prompts": [d for d, _ in self.prompts]}
        if method == "resources/list":
            return {"resources": [d for d, _ in self.resources]}
        if method == "resources/templates/list":
            return {"resourceTemplates": self.templates}
        if method == "tools/call":
            for d, handler in self.tools:
                if d["name"] == params.get("name"):
                    text = handler(params.get("arguments") or {})
                    return {"content": [{"type": "text", "text": text}]}
            raise LookupError(f"unknown tool {params.get('name')!r}")
        if method == "prompts/get":
            for d, handler in self.prompts:
                if d["name"] == params.get("name"):
                    return {"messages": [{"role": "user", "content": {"type": "text", "text": handler(params.get("arguments") or {})}}]}
            raise LookupError(f"unknown prompt {params.get('name')!r}")
        if method == "resources/read":
            for d, text in self.resources:
                if d["uri"] == params.get("uri"):
                    return {"contents": [{"uri": d["uri"], "mimeType": "text/plain", "text": text}]}
            raise LookupError(f"unknown resource {params.get('uri')!r}")
        raise NotImplementedError(method)

    def run(self):
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            try:
                msg = json.loads(line)
            except ValueError:
                self.send({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
                continue
            if not isinstance(msg, dict) or "method" not in msg or "id" not in msg:
                continue  # notifications and responses need no answer
            try:
                result = self.handle(msg["method"], msg.get("params") or {})
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
            except NotImplementedError:
                self.send({"jsonrpc": "2.0", "id": msg["id"], "error": {"code": -32601, "message": "method not found"}})
            except Exception as e:  # noqa: BLE001 - report any handler failure to the client
                self.send({"jsonrpc": "2.0", "id": msg["id"], "error": {"code": -32602, "message": str(e)}})

    @staticmethod
    def send(msg):
        sys.stdout.write(json.dumps(msg) + "\n")
        sys.stdout.flush()
