"""A learned baseline for tool-poisoning detection, to compare with the rules (not used by mcpguard).

Trains TF-IDF word 1-2-grams + char 3-5-grams with logistic regression on the MCPTox tune split
plus every other benign real tool, then reports the share flagged on: MCPTox val, the other half
of the benign tools, the hand-written attacks and honest look-alikes of
crates/detect/tests/cases/evasive2.json (rounds 1-9), and the untouched round-10 held-out batch.

    python3 -m venv /tmp/mlvenv && /tmp/mlvenv/bin/pip install scikit-learn
    /tmp/mlvenv/bin/python scripts/experiments/ngram_baseline.py [CORPUS_DIR]

Result on 2026-11-25 (threshold 0.5): val poisoned 99.4%, val clean 4.1%, benign 0%, hand-written
attacks 10.5% (honest 3.4%), round 10 attacks 4% (honest 4%). A model trained on the benchmark learns the benchmark's wording; the
rules (24% of unseen-style attacks on first sight, 0 honest blocked) generalise better.
"""
import json
import pathlib
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_union

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "../shared/corpus")


def text_of(tool):
    """The description and every string under inputSchema, as the engine reads them."""
    parts = [tool.get("description") or ""]

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k not in ("type", "required", "$ref", "format"):
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            parts.append(v)

    walk(tool.get("inputSchema", {}))
    return " \n ".join(parts)


def jsonl(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


tune = jsonl(CORPUS / "mcptox/tune.jsonl")
val = jsonl(CORPUS / "mcptox/val.jsonl")
benign = [text_of(r.get("tool", r)) for r in jsonl(CORPUS / "benign/tools.jsonl")]
X = [r["description"] or "" for r in tune] + benign[::2]
y = [0 if r["case_id"].startswith("clean") else 1 for r in tune] + [0] * len(benign[::2])

vec = make_union(
    TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True),
)
clf = LogisticRegression(C=4, max_iter=2000, class_weight="balanced").fit(vec.fit_transform(X), y)


def flagged(texts, thr):
    return float(np.mean(clf.predict_proba(vec.transform(texts))[:, 1] > thr)) if texts else 0.0


cases = json.load(open(ROOT / "crates/detect/tests/cases/evasive2.json", encoding="utf-8"))["cases"]
attacks = [text_of(c["tool"]) for c in cases if c["name"].startswith("attack")]
honest = [text_of(c["tool"]) for c in cases if c["name"].startswith("honest")]
held = ROOT / "crates/detect/tests/heldout"
r10p = [text_of(t) for t in jsonl(held / "poisoned_r10.jsonl")]
r10b = [text_of(t) for t in jsonl(held / "benign_r10.jsonl")]
vp = [r["description"] or "" for r in val if not r["case_id"].startswith("clean")]
vc = [r["description"] or "" for r in val if r["case_id"].startswith("clean")]
for thr in (0.5, 0.7, 0.9):
    print(
        f"threshold {thr}: val poisoned {flagged(vp, thr):.3f}, val clean {flagged(vc, thr):.3f}, "
        f"benign (held-out half) {flagged(benign[1::2], thr):.4f}, hand-written attacks "
        f"{flagged(attacks, thr):.3f}, honest {flagged(honest, thr):.3f}, round 10 attacks "
        f"{flagged(r10p, thr):.3f}, honest {flagged(r10b, thr):.3f}"
    )
