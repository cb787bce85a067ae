#!/usr/bin/env python3
"""Compares variants of the learned model on held-out sets, at matched real-tool blocks.

    SETS=/tmp/p/sets EXT=/work/ext-eval python3 scripts/learned/frontier.py \
        [--sets MANIFEST] [--extra 'attack batch79 $SETS/batch79_attack.jsonl' ...] [--c 16] \
        [--seeds 2] --attack b77=$SETS/batch77_attack.jsonl --real f7=$EXT/fresh7/honest.jsonl ...

Fits the model as `train.py --write` does (same features from `examples/features`, same padded
attacks, the mean of `--seeds` fits) on the manifest plus `--extra` rows, then scores each
`--attack` and `--real` set (JSON Lines, never among the training rows) and prints, for each
block threshold V of the model (`VERY_LIKELY`; the warning threshold is min(0.9, V - 0.03)),
how many rows of each set the engine would block: the rules' score (the engine with the model
off) plus 60 from V or 25 from the warning threshold, block at 60, and a block of medium
findings lowered when the model's probability is under `--honest` (as `Engine::scan_tool` does).
One variant's line at some V is better than another's only if it blocks more attacks for no more
real tools: read the two tables at matched real-tool blocks, not at the same V.

Session 28 used it to weigh a refit with more writers' batches, C, and two other model forms
(scripts/learned/README.md, session 28).
"""
import argparse, os, sys
import numpy as np, scipy.sparse as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=os.path.join(T.ROOT, "scripts", "learned", "sets.txt"))
    ap.add_argument("--extra", action="append", default=[], help="one more manifest line")
    ap.add_argument("--c", type=float, default=16)
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--honest", type=float, default=0.005, help="the engine's HONEST threshold")
    ap.add_argument("--attack", action="append", default=[], help="NAME=PATH of held-out attacks")
    ap.add_argument("--real", action="append", default=[], help="NAME=PATH of held-out real tools")
    ap.add_argument("--v", default="0.9 0.95 0.97 0.98 0.99", help="block thresholds to print")
    a = ap.parse_args()
    if not os.path.exists(T.FEATURES):
        sys.exit(f"build the features example first: {T.FEATURES}")
    sets = T.read_manifest(a.sets) + [tuple(os.path.expandvars(x).split(None, 2)) for x in a.extra]
    feats, y = [], []
    for label, _, path in sets:
        if label == "cases":
            cases = T.case_rows(path)
            labels, lines = [lab for lab, _ in cases], [l for _, l in cases]
        else:
            lines = [l.strip() for l in open(path) if l.strip()]
            labels = [1 if label == "attack" else 0] * len(lines)
        feats += T.features(lines)[1]
        y += labels
    X, y = T.matrix(feats), np.array(y)
    ws, bs = [], []
    for k in range(max(a.seeds, 1)):
        lines, _ = T.padded_attacks(sets, 2, seed=7 + k)
        P = T.matrix(T.features(lines)[1]) if lines else None
        Xk = sp.vstack([X, P]) if P is not None else X
        yk = np.concatenate([y, np.ones(Xk.shape[0] - len(y))])
        m = T.fit(Xk, yk, a.c)
        ws.append(m.coef_.ravel())
        bs.append(float(m.intercept_[0]))
    w, b = np.mean(ws, axis=0), float(np.mean(bs))
    print(f"trained on {len(y)} rows ({int(y.sum())} attacks), C = {a.c}, {len(ws)} fits", file=sys.stderr)
    scored = {}
    for kind, specs in (("attack", a.attack), ("real", a.real)):
        for spec in specs:
            name, path = spec.split("=", 1)
            lines = [l.strip() for l in open(os.path.expandvars(path)) if l.strip()]
            rule, fs, strongest = T.features(lines)
            p = 1 / (1 + np.exp(-(T.matrix(fs) @ w + b)))
            scored[name] = (kind, p, np.array(rule), np.array(strongest))
    for v in (float(x) for x in a.v.split()):
        likely = min(0.9, v - 0.03)
        line = {"attack": [], "real": []}
        for name, (kind, p, rule, strongest) in scored.items():
            score = rule + np.where(p >= v, 60, np.where(p >= likely, 25, 0))
            blocked = (score >= 60) & ~((p < a.honest) & (strongest < 60))
            line[kind].append(f"{name} {int(blocked.sum())}")
        tot = {k: sum(int(x.split()[-1]) for x in line[k]) for k in line}
        print(f"V={v:<6} attacks {tot['attack']:>5} ({', '.join(line['attack'])})   "
              f"real {tot['real']:>4} ({', '.join(line['real'])})")


if __name__ == "__main__":
    main()
