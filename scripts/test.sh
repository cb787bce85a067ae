#!/usr/bin/env bash
# The test command: formatting, lints, Rust tests, then end-to-end tests against real MCP peers.
# This is what CI runs (.ci/run). It installs the peers it needs under target/peers first.
set -euo pipefail
cd "$(dirname "$0")/.."
# Anything that falls back to the default data directory writes here, never into the user's own.
MCPGUARD_HOME="$(mktemp -d)"
export MCPGUARD_HOME
trap 'rm -rf "$MCPGUARD_HOME"' EXIT

echo "== peers"
scripts/install-peers.sh

echo "== cargo fmt"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

echo "== cargo test"
cargo build --workspace --bins
cargo test --workspace

echo "== end-to-end (Python SDK client, reference servers)"
target/peers/venv/bin/python -m pytest tests/e2e -q -p no:cacheprovider
