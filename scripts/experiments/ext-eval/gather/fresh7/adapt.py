#!/usr/bin/env python3
"""Adapt fresh7/fresh8 sources files for gather.py: a copy whose first table is the
kept-servers table, plus an overrides JSON derived from the table's notes column
(args, entry, Python version, pins, env) on top of gather/overrides.json."""
import json, re, shlex, sys
from pathlib import Path
SRC = Path("/work/main/scripts/experiments/ext-eval")
DUMMY = "dummy0000000000000000000000000000000000"
sys.path.insert(0, str(SRC / "gather"))
from gather import dummy_value  # noqa: E402

def kept_table(text):
    lines = text.splitlines()
    for i, l in enumerate(lines):
        if l.startswith("| package | registry | version | listed | dup | empty desc | kept"):
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            return lines[i:j]
    raise SystemExit("no kept table")

def notes_to_ov(pkg, notes):
    ov = {}
    for part in [p.strip() for p in notes.split(";") if p.strip()]:
        m = re.match(r"(dummy env(?: from stderr)?:|env)\s+(.*)$", part)
        if m:
            for n in [x.strip() for x in m.group(2).split(",") if x.strip()]:
                v = dummy_value(n)
                if n.endswith("TRANSPORT"):
                    v = "stdio"
                elif n.endswith("USER_AGENT"):
                    v = "Dummy dummy@example.com"
                ov.setdefault("env", {})[n] = v
            continue
        m = re.match(r"args `(.*)`$", part)
        if m:
            a = m.group(1).replace("<scratch>", "{scratch}").replace("/tmp/f7home", "{scratch}")
            a = a.replace(DUMMY + "<dummy>", DUMMY).replace("<dummy>", DUMMY)
            ov["args"] = shlex.split(a)
            continue
        m = re.match(r"entry `(.*)`$", part)
        if m:
            ov["bin"] = m.group(1); continue
        m = re.match(r"Python (3\.\d+)$", part)
        if m:
            ov["python"] = m.group(1); continue
        m = re.match(r"(?:venv also|pins):? `(.*)`$", part)
        if m:
            ov["pins"] = m.group(1).split(); continue
        if part.startswith(("listens", "no automatic")):
            continue
        print(f"  unhandled note for {pkg}: {part}", file=sys.stderr)
    return ov

def main(name, extra):
    text = (SRC / f"{name}_sources.md").read_text()
    tab = kept_table(text)
    out = Path(f"/work/ext-eval/{name}")
    cap = re.search(r"\bcap (\d+)\b", text).group(1)
    (out / f"{name}_sources_gather.md").write_text(
        f"# {name} sources, adapted for gather.py\n\nKept-servers table copied verbatim from "
        f"`scripts/experiments/ext-eval/{name}_sources.md` (cap {cap} per server); start options from its "
        f"notes column are in `scripts/overrides_{name}.json`.\n\n" + "\n".join(tab) + "\n")
    ov = json.loads((SRC / "gather/overrides.json").read_text())
    hdr = [c.strip() for c in tab[0].strip("|").split("|")]
    for line in tab[2:]:
        rec = dict(zip(hdr, [c.strip() for c in line.strip().strip("|").split("|")]))
        o = notes_to_ov(rec["package"], rec.get("notes", ""))
        o.update(extra.get(rec["package"], {}))
        if o:
            ov[rec["package"]] = o
    ov["_doc"] += f" {name}: entries derived from the notes column of {name}_sources.md (adapt.py) plus manual repairs."
    (out / "scripts" / f"overrides_{name}.json").write_text(json.dumps(ov, indent=1) + "\n")
    print(name, len(tab) - 2, "rows")

EXTRA = {
 "fresh7": {"drawio-mcp-server": {"args": ["--host", "127.0.0.1"]}},
 "fresh8": {},
}
if __name__ == "__main__":
    for n in sys.argv[1:]:
        main(n, json.loads(Path(f"/work/ext-eval/{n}/scripts/extra_{n}.json").read_text())
             if Path(f"/work/ext-eval/{n}/scripts/extra_{n}.json").exists() else EXTRA.get(n, {}))
