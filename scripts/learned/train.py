#!/usr/bin/env python3
"""Trains the detection engine's learned model (crates/detect/src/learned/).

    python3 scripts/learned/train.py [--sets scripts/learned/sets.txt] [--write] [--cv]

Reads each set of the manifest (one `label group path` a line: label `attack` or `honest`,
or `cases` for the engine's case files, labelled by what each case expects;
group names the unit kept together in cross-validation, `server` = each row's `_server`; paths
may use $SETS and $EXT, see the manifest), computes every row's features with the engine's own
code (`target/release/examples/features`, built if missing), fits a logistic regression on
binary word and word-pair features (L2-normalised per tool) and, with --write, writes
`weights.bin` (one signed byte per bucket) and `model.rs` (bias, scale). With --cv it first
prints out-of-fold scores per set (grouped k-fold: a batch or a server is never split between
training and scoring), which is how the thresholds in `learned/mod.rs` were chosen.

Needs numpy, scipy and scikit-learn (pip install scikit-learn).
"""
import argparse, glob, hashlib, json, os, random, subprocess, sys
import numpy as np, scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "crates", "detect", "src", "learned")
BUCKETS = 1 << 17
FEATURES = os.path.join(ROOT, "target", "release", "examples", "features")


def read_manifest(path):
    sets = []
    for line in open(path):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        label, group, p = line.split(None, 2)
        sets.append((label, group, os.path.expandvars(p)))
    return sets


def features(lines):
    """Per line: the rules' score, the model's feature buckets, and the heaviest rule finding's
    weight (0 with none), from `examples/features`."""
    out = subprocess.run([FEATURES], input="\n".join(lines).encode() + b"\n",
                         capture_output=True, check=True).stdout
    rows = [l.split("\t") for l in out.decode().splitlines()]
    strongest = [max([int(x.rsplit(":", 1)[1]) for x in r[2].split()] or [0]) if len(r) > 2 else 0
                 for r in rows]
    return [int(r[0]) for r in rows], [[int(x) for x in r[1].split()] for r in rows], strongest


def case_rows(pattern):
    """The tool cases of the engine's case files (tests/cases/*.json), labelled by what they
    expect: `block` (or at least block) is an attack, `pass` or at most `warn` honest; the
    rest (warn exactly, prompts, free text) is left out."""
    rows = []
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        for case in json.load(open(path))["cases"]:
            e = case.get("expect", {})
            if "tool" not in case:
                continue
            if e.get("verdict") == "block" or e.get("min_verdict") == "block":
                rows.append((1, json.dumps(case["tool"])))
            elif e.get("verdict") == "pass" or e.get("max_verdict") in ("pass", "warn"):
                # (an attack pinned as a known miss is no honest row: session 15 found four,
                # taught to the model as honest; such cases now expect a block and are skipped)
                if case.get("name", "").startswith("attack"):
                    print(f"left out: {path}: {case['name']} (an attack expected to pass)", file=sys.stderr)
                    continue
                rows.append((0, json.dumps(case["tool"])))
    return rows


def servers(path):
    out = []
    for l in open(path):
        if l.strip():
            d = json.loads(l)
            out.append(d.get("_server") or d.get("tool", {}).get("_server", ""))
    return out


def tools(path):
    """The tool definitions of a JSON Lines set (`{"tool": {...}}` or a bare tool a line)."""
    for line in open(path):
        if line.strip():
            d = json.loads(line)
            yield d.get("tool", d)


def padded_attacks(sets, copies, seed=7):
    """Each red-team attack (an `attack` set other than MCPTox's) again, `copies` times, inside
    the description of an honest tool of a real server or the benign corpus (one longer than
    200 characters, picked at random): at a random line or sentence boundary or at the end.
    A poisoned sentence buried in honest documentation is still an attack; without these rows
    the model, which divides by the square root of a definition's feature count, learns that a
    long honest text outweighs any few words in it. Returns (json lines, groups): each padded
    row is grouped with the honest tool's own group, so cross-validation never scores a tool
    whose text it trained on inside an attack (padded rows themselves are never scored)."""
    if copies <= 0:
        return [], []
    rnd = random.Random(seed)
    docs = []
    for label, group, path in sets:
        if label != "honest" or group not in ("server", "benign"):
            continue
        for d in tools(path):
            text = d.get("description") or ""
            if len(text) > 200:
                g = hashlib.sha256((d.get("_server") or "").encode()).hexdigest()[:8] \
                    if group == "server" else group
                docs.append((text, g))
    lines, groups = [], []
    for label, group, path in sets:
        if label != "attack" or group == "mcptox":
            continue
        for t in tools(path):
            for _ in range(copies):
                text, g = rnd.choice(docs)
                cuts = [i for i in range(1, len(text)) if text[i] == "\n" or (text[i] == " " and text[i - 1] == ".")]
                at = rnd.choice(cuts) if cuts and rnd.random() < 0.5 else len(text)
                u = dict(t)
                u["description"] = text[:at] + "\n" + (t.get("description") or "") + "\n" + text[at:]
                lines.append(json.dumps(u))
                groups.append(g)
    return lines, groups


def matrix(rows):
    r = [i for i, f in enumerate(rows) for _ in f]
    c = [x for f in rows for x in f]
    X = sp.csr_matrix((np.ones(len(c)), (r, c)), shape=(len(rows), BUCKETS))
    n = np.sqrt(np.asarray(X.sum(axis=1)).ravel())
    n[n == 0] = 1
    return sp.diags(1 / n) @ X


def fit(X, y, c):
    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(X, y)


def quantise_weights(w, bias):
    scale = float(np.abs(w).max() / 127)
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale, bias


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=os.path.join(ROOT, "scripts", "learned", "sets.txt"))
    ap.add_argument("--c", type=float, default=4.0, help="inverse L2 strength")
    ap.add_argument("--cv", action="store_true", help="print out-of-fold scores per set")
    ap.add_argument("--oof", help="save out-of-fold scores (JSON: set -> list) here")
    ap.add_argument("--likely-weight", type=int, default=25, help="the finding's weight from LIKELY")
    ap.add_argument("--pad", type=int, default=2,
                    help="train each red-team attack this many more times inside an honest tool's text")
    ap.add_argument("--seeds", type=int, default=5,
                    help="average the weights of this many fits, each with its own random padding")
    ap.add_argument("--write", action="store_true", help="write weights.bin and model.rs")
    a = ap.parse_args()
    if not os.path.exists(FEATURES):
        subprocess.run(["cargo", "build", "--release", "-p", "mcpguard-detect", "--example", "features"],
                       cwd=ROOT, check=True)
    rows, y, groups, src, rule = [], [], [], [], []
    sets = read_manifest(a.sets)
    for label, group, path in sets:
        if label == "cases":
            cases = case_rows(path)
            labels = [lab for lab, _ in cases]
            scores, fs, _ = features([line for _, line in cases])
        else:
            scores, fs, _ = features([l.strip() for l in open(path) if l.strip()])
            labels = [1 if label == "attack" else 0] * len(fs)
        if group == "server":
            gs = [hashlib.sha256(s.encode()).hexdigest()[:8] for s in servers(path)]
        else:
            gs = [group] * len(fs)
        assert len(gs) == len(fs) == len(labels), path
        rows += fs; groups += gs; src += [path] * len(fs); y += labels; rule += scores
        print(f"{label:<7} {len(fs):>6}  {path}", file=sys.stderr)
    # The padded attacks, one random draw per seed (seeds 7, 8, ...): the weights are the mean of
    # one fit per draw (session 18: two single fits with different draws disagreed on ~120 of
    # the attacks' block decisions in sample, two means of five on ~57).
    pads = []
    for k in range(max(a.seeds, 1)):
        lines, gs = padded_attacks(sets, a.pad, seed=7 + k)
        fs = features(lines)[1] if lines else []
        pads.append((fs, gs))
    print(f"padded  {len(pads[0][0]):>6}  red-team attacks inside honest descriptions, "
          f"{len(pads)} draws", file=sys.stderr)
    y = np.array(y); src = np.array(src); rule = np.array(rule); groups = np.array(groups)
    X = matrix(rows)

    def fit_mean(keep):
        """The mean weights and bias of one fit per padding draw, on the base rows `keep` and
        the padded rows whose honest tool's group is among theirs."""
        kept_groups = set(groups[keep])
        ws, bs = [], []
        for fs, gs in pads:
            extra = [f for f, g in zip(fs, gs) if g in kept_groups]
            Xk = sp.vstack([X[keep], matrix(extra)]) if extra else X[keep]
            yk = np.concatenate([y[keep], np.ones(len(extra))])
            m = fit(Xk, yk, a.c)
            ws.append(m.coef_.ravel()); bs.append(float(m.intercept_[0]))
        return quantise_weights(np.mean(ws, axis=0), float(np.mean(bs)))

    if a.cv or a.oof:
        oof = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=6).split(X, y, groups):
            q, scale, bias = fit_mean(tr)
            oof[te] = 1 / (1 + np.exp(-(bias + scale * (X[te] @ q.astype(float)))))
        # Blocked by the rules alone, by the model alone at each threshold, and by both as the
        # engine combines them (weight 35 from LIKELY, 60 from VERY_LIKELY, added to the
        # rules' score; block at 60).
        ths = (0.5, 0.7, 0.8, 0.9, 0.95)
        a_weight = a.likely_weight
        pairs = [(a, b) for a in (0.7, 0.8, 0.9) for b in (0.95, 0.97)]
        print(f"{'set (+ attacks, - honest)':<34}{'n':>6}{'rules':>6} |"
              + "".join(f"{'>' + str(t):>6}" for t in ths) + " |"
              + "".join(f"{str(a) + '/' + str(b):>9}" for a, b in pairs))
        for _, _, path in sets:
            k = src == path
            for lab in (1, 0):
                sel = k & (y == lab)
                if not sel.any():
                    continue
                p, r = oof[sel], rule[sel]
                both = [((r + np.where(p >= b, 60, np.where(p >= a, a_weight, 0))) >= 60).sum()
                        for a, b in pairs]
                name = os.path.basename(os.path.dirname(path)) + "/" + os.path.basename(path)
                print(f"{name[-32:] + (' +' if lab else ' -'):<34}{sel.sum():>6}{(r >= 60).sum():>6} |"
                      + "".join(f"{(p >= t).sum():>6}" for t in ths) + " |"
                      + "".join(f"{x:>9}" for x in both))
        if a.oof:
            json.dump({path: oof[src == path].round(4).tolist() for _, _, path in sets}, open(a.oof, "w"))
    if a.write:
        q, scale, bias = fit_mean(np.arange(len(y)))
        q.tofile(os.path.join(OUT, "weights.bin"))
        with open(os.path.join(OUT, "model.rs"), "w") as f:
            f.write("// Written by scripts/learned/train.py; do not edit.\n"
                    f"// {len(y)} rows ({int(y.sum())} attacks) and {len(pads[0][0])} padded, "
                    f"C = {a.c}, the mean of {len(pads)} fits\n"
                    f"pub(crate) const BIAS: f32 = {np.format_float_positional(np.float32(bias))};\n"
                    f"pub(crate) const SCALE: f32 = {np.format_float_positional(np.float32(scale))};\n")
        print(f"wrote {OUT}/weights.bin, model.rs (bias {bias:.4f}, scale {scale:.6f})", file=sys.stderr)


if __name__ == "__main__":
    main()
