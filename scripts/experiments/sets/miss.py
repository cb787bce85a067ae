#!/usr/bin/env python3
# miss.py SET EXPLAIN_TXT attack|honest : attacks not blocked / honest blocked, with text and findings
import json,sys
rows=[json.loads(l) for l in open(sys.argv[1])]
blocks=[];cur=None
for l in open(sys.argv[2]):
    if ' -> ' in l and not l.startswith('  '): cur=[l.rstrip()]; blocks.append(cur)
    else: cur.append(l.rstrip())
mode=sys.argv[3]
for r,b in zip(rows,blocks):
    v=b[0].split(' -> ')[1].split()[0]
    if (mode=='attack' and v!='block') or (mode=='honest' and v=='block'):
        t=r.get('tool',r)
        print('=====',b[0],'|',r.get('style',r.get('_server','')))
        print(json.dumps(t,ensure_ascii=False)[:3000])
        for x in b[1:]: print(x[:300])
