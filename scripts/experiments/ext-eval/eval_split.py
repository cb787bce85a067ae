"""Usage: eval_split.py [dev|held] [BIN]: block/warn/pass per set; lists dev misses with --list."""
import json, os, subprocess, sys, collections
part = sys.argv[1] if len(sys.argv) > 1 else 'dev'
BIN = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith('-') else 'target/release/mcpguard'
DIR = os.environ.get('EXT_EVAL_DIR', '/work/ext-eval')
for kind in ['poisoned', 'benign']:
    f = f'{DIR}/split/{kind}_{part}.jsonl'
    out = subprocess.run([BIN, 'scan-tools', '--format', 'json', f], capture_output=True, text=True, cwd=os.getcwd()).stdout
    res = json.loads(out)['tools']
    c = collections.Counter(r['verdict'] for r in res)
    print(f"{kind}_{part}: n={len(res)} block={c['block']} warn={c['warn']} pass={c['pass']}")
    if '--list' in sys.argv:
        tools = [json.loads(l) for l in open(f)]
        for t, r in zip(tools, res):
            bad = (kind == 'poisoned' and r['verdict'] != 'block') or (kind == 'benign' and r['verdict'] == 'block')
            if bad:
                print(f"--- {r['verdict']} {r['score']} {t['name']}: {json.dumps(t, ensure_ascii=False)[:700]}")
                for fd in r['findings']:
                    print(f"     {fd['rule_id']} [{fd['field']}] {fd['evidence'][:100]}")
