"""Builds the evaluation sets (one JSON Lines file per set, label by file name) from the corpus
and the red-team batches: mksets.py [CORPUS] [OUTDIR]. Add honest real-server sets (ext-eval/gather)
by copying their honest.jsonl into OUTDIR."""
import json,sys,os
import pathlib
ROOT=pathlib.Path(__file__).resolve().parents[3]
C=sys.argv[1] if len(sys.argv)>1 else str(ROOT/'../shared/corpus')
R=str(ROOT/'scripts/experiments/redteam')
O=sys.argv[2] if len(sys.argv)>2 else '/tmp/p/sets'
os.makedirs(O, exist_ok=True)
def w(name, rows):
    with open(f'{O}/{name}.jsonl','w') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False)+'\n')
for split in ('tune','val'):
    rows=[json.loads(l) for l in open(f'{C}/mcptox/{split}.jsonl')]
    mk=lambda r: {"tool":{"name":r['tool_name'],"description":r['description'] or '',"inputSchema":{"type":"object"}},"_server":r['server'],"_cat":r.get('risk_category'),"_par":r.get('paradigm')}
    w(f'{split}_attack',[mk(r) for r in rows if r['is_poisoned']])
    w(f'{split}_clean',[mk(r) for r in rows if not r['is_poisoned']])
w('benign',[{"tool":json.loads(l)['tool'],"_server":json.loads(l)['server']} for l in open(f'{C}/benign/tools.jsonl')])
for fn in sorted(os.listdir(R)):
    if not fn.endswith('.jsonl'): continue
    b=fn[:-6]; rows=[json.loads(l) for l in open(f'{R}/{fn}') if l.strip()]
    w(f'{b}_attack',[r for r in rows if r['label']=='attack'])
    w(f'{b}_honest',[r for r in rows if r['label']=='honest'])
