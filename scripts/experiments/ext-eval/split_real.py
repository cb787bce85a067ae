#!/usr/bin/env python3
"""Splits a fresh real set by server: split_real.py NAME [OUT] writes OUT/NAME-dev and OUT/NAME-held
(sha256 of `_server` mod 2: 0 = dev). fresh10, fresh13, fresh14 (session 29), fresh15, fresh16 and fresh17 are split so."""
import hashlib, json, os, sys

name = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else "/work/ext-eval"
halves = {0: [], 1: []}
for line in open(f"{out}/{name}/honest.jsonl"):
    if line.strip():
        server = json.loads(line)["_server"]
        halves[int(hashlib.sha256(server.encode()).hexdigest(), 16) % 2].append(line)
for k, part in ((0, "dev"), (1, "held")):
    os.makedirs(f"{out}/{name}-{part}", exist_ok=True)
    with open(f"{out}/{name}-{part}/honest.jsonl", "w") as f:
        f.writelines(halves[k])
    print(name, part, len(halves[k]))
