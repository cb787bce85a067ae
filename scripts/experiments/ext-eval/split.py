"""Deterministic dev/held split by source repository (poisoned) and by server (benign).
Dev is used for development; held is measured only at the end of the session."""
import json, hashlib
def key(p, kind):
    s = p['source']
    if kind == 'benign' and p.get('note'):
        s = s.split('@')[0] + '#' + p['note']
    else:
        parts = s.split(':')
        s = ':'.join(parts[:2]) if s.startswith('github:') else s
    return int(hashlib.sha256(s.encode()).hexdigest(), 16) % 2
for kind in ['poisoned', 'benign']:
    tools = open(f'{kind}.jsonl').read().splitlines()
    prov = [json.loads(l) for l in open(f'{kind}_provenance.jsonl')]
    out = {0: [], 1: []}
    for t, p in zip(tools, prov):
        out[key(p, kind)].append(t)
    for k, name in [(0, 'dev'), (1, 'held')]:
        open(f'split/{kind}_{name}.jsonl', 'w').write('\n'.join(out[k]) + '\n')
        print(kind, name, len(out[k]))
