#!/usr/bin/env python3
"""Checks a red-team batch: validate.py FILE [BRIEF_COUNTS] -- JSON Lines, the row shape, labels,
no sentence shared between rows, no exact duplicate tool. Prints the counts and OK, or the problems."""
import collections, json, re, sys

path = sys.argv[1]
problems, counts, seen_sentences, seen_tools = [], collections.Counter(), {}, set()
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        problems.append(f"line {n}: not JSON ({e})")
        continue
    tool = row.get("tool")
    if not isinstance(tool, dict) or not isinstance(tool.get("name"), str) or not isinstance(tool.get("description"), str):
        problems.append(f"line {n}: tool needs a string name and description")
        continue
    if not isinstance(tool.get("inputSchema"), dict):
        problems.append(f"line {n}: tool needs an inputSchema object")
    if row.get("label") not in ("attack", "honest"):
        problems.append(f"line {n}: label must be attack or honest")
    if not isinstance(row.get("style"), str):
        problems.append(f"line {n}: style missing")
    counts[(row.get("label"), row.get("style"))] += 1
    key = json.dumps(tool, sort_keys=True)
    if key in seen_tools:
        problems.append(f"line {n}: duplicate tool")
    seen_tools.add(key)
    for s in re.split(r"(?<=[.!?])\s+", tool["description"]):
        s = s.strip()
        if len(s) >= 40:
            if s in seen_sentences and seen_sentences[s] != n:
                problems.append(f"line {n}: sentence shared with line {seen_sentences[s]}: {s[:60]}")
            seen_sentences.setdefault(s, n)
for (label, style), c in sorted(counts.items()):
    print(f"{label:7} {style:28} {c}")
print("total", sum(counts.values()))
print("\n".join(problems[:30]) if problems else "OK")
