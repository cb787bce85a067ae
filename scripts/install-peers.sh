#!/usr/bin/env bash
# Installs the real MCP peers the tests talk to, under target/peers (never system-wide):
#   target/peers/venv          Python: the official MCP SDK client and the PyPI reference servers
#   target/peers/node_modules  npm: the TypeScript reference servers
# Idempotent: a second run only checks that everything is there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peers="$root/target/peers"
mkdir -p "$peers"

if [ ! -x "$peers/venv/bin/python" ]; then
  python3 -m venv "$peers/venv"
fi
"$peers/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  'mcp>=2.3,<3' mcp-server-time mcp-server-git mcp-server-fetch pytest

if [ ! -f "$peers/package.json" ]; then
  echo '{"name":"mcpguard-peers","private":true}' > "$peers/package.json"
fi
( cd "$peers" && npm install --silent --no-audit --no-fund \
    @modelcontextprotocol/server-everything \
    @modelcontextprotocol/server-filesystem \
    @modelcontextprotocol/server-memory >/dev/null )

echo "peers installed under $peers"
