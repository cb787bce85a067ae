#!/usr/bin/env python3
"""Verdict moves between two engine builds, per set file: `compare.py OLD_EXPLAIN NEW_EXPLAIN FILE...`.

OLD_EXPLAIN and NEW_EXPLAIN are builds of `examples/explain` (copy the session-start build aside
before changing rules: `cp target/release/examples/explain /tmp/explain-start`). Each FILE is a
JSON Lines set: `{"tool": {...}, ...}` rows (red-team batches, `mksets.py` output) or bare tools
(the fresh real sets; keys starting with `_` are dropped). Prints, per file, blocked and warned
counts old -> new and each kind of move (`pass>block:2`). Run every rule change on all five dev
real sets (fresh5, 6, 8, 9, fresh10-dev), not a sample of them, and on every batch.
"""
import collections
import json
import subprocess
import sys


def verdicts(binary, path):
    tools = []
    for line in open(path):
        if not line.strip():
            continue
        row = json.loads(line)
        tool = row["tool"] if "tool" in row else {k: v for k, v in row.items() if not k.startswith("_")}
        tools.append(json.dumps(tool, ensure_ascii=False))
    out = subprocess.run([binary], input="\n".join(tools) + "\n", capture_output=True, text=True).stdout
    v = [l.split(" -> ")[1].split()[0] for l in out.splitlines() if " -> " in l and not l.startswith(" ")]
    if len(v) != len(tools):
        sys.exit(f"{path}: {len(tools)} tools but {len(v)} verdicts")
    return v


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    old, new, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    for path in files:
        a, b = verdicts(old, path), verdicts(new, path)
        ca, cb = collections.Counter(a), collections.Counter(b)
        moves = collections.Counter(f"{x}>{y}" for x, y in zip(a, b) if x != y)
        print(f"{path[-40:]:40s} block {ca['block']:5d} -> {cb['block']:5d}   warn {ca['warn']:4d} -> {cb['warn']:4d}"
              f"   n={len(a)}  " + " ".join(f"{k}:{n}" for k, n in sorted(moves.items())))


if __name__ == "__main__":
    main()
