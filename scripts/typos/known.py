"""Writes crates/detect/src/normalize/typos_known.txt: the words of an English word list (default
/usr/share/dict/american-english-large, Debian's wamerican-large) that are one edit (a letter
deleted, inserted, replaced, or two neighbours swapped) from a word of typos_vocab.txt and are not
in it themselves: real words that must not be 'repaired' ("newer" is no misspelt "never", "taken"
no misspelt "token"). Run: python3 scripts/typos/known.py [WORDLIST]."""
import os, sys
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
D = os.path.join(ROOT, "crates", "detect", "src", "normalize")
wl = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english-large"
vocab = [l.strip() for l in open(os.path.join(D, "typos_vocab.txt")) if l.strip() and not l.startswith("#")]
V = set(vocab)
def edits1(w):
    L = "abcdefghijklmnopqrstuvwxyz"
    s = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    return ({a + b[1:] for a, b in s if b} | {a + b[1] + b[0] + b[2:] for a, b in s if len(b) > 1}
            | {a + c + b[1:] for a, b in s if b for c in L} | {a + c + b for a, b in s for c in L})
near = set()
for v in vocab:
    near |= edits1(v)
words = {w.strip().lower() for w in open(wl, encoding="utf-8", errors="ignore")}
words = {w.replace("'", "") for w in words if w.replace("'", "").isascii() and w.replace("'", "").isalpha()}
known = sorted((near & words) - V)
with open(os.path.join(D, "typos_known.txt"), "w") as f:
    f.write("# Written by scripts/typos/known.py from %s: real words one edit from a word of\n"
            "# typos_vocab.txt, never repaired. Add technical words by hand below the list.\n" % os.path.basename(wl))
    for w in known:
        f.write(w + "\n")
print(len(known), "words")
