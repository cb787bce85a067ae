"""Mechanical variants of the MCPTox val attacks: does a rule hold when the same attack is
moved into another field or disguised by a transformation a human would still read?

    python3 scripts/experiments/obfuscate.py VARIANT [CORPUS_DIR] \
        | target/release/examples/explain | grep -- ' -> ' | awk '{print $3}' | sort | uniq -c

VARIANT is a place (desc, param, default, enum, title, output, annot) or a transformation (zw,
homo, full, leet, leet_soft, spaced, spaced2, spaced_dot, spaced_part, tags, b64, rot, html,
upper, upper_idlow, lower, title_case, swapcase, lower_nopunct, nopunct_us, nostops, newline_words, hexs,
urlenc, bidi, reverse, reverse_words, spaced_chars, htmlent). Written in session 6 (2026-11-26); results at that time in docs/detection.md.
"""
import json, base64, codecs, random, sys
random.seed(7)
CORPUS=sys.argv[2] if len(sys.argv)>2 else '../shared/corpus'
rows=[json.loads(l) for l in open(CORPUS+'/mcptox/val.jsonl')]
pois=[r for r in rows if r['is_poisoned']]
HOMO={'a':'а','e':'е','o':'о','p':'р','c':'с','x':'х','y':'у','i':'і'}
def zw(s): return '\u200b'.join(s) if False else ' '.join(w[:len(w)//2]+'\u200b'+w[len(w)//2:] if len(w)>3 else w for w in s.split(' '))
def homo(s): return ''.join(HOMO.get(c,c) if random.random()<0.5 else c for c in s)
def full(s): return ''.join(chr(ord(c)+0xFEE0) if '!'<=c<='~' else c for c in s)
def leet(s): return s.translate(str.maketrans('aeiost','4310$7'))
def spaced(s): return ' '.join(' '.join(w) for w in s.split(' '))
def tags(s): return 'A helpful tool.'+''.join(chr(0xE0000+ord(c)) for c in s if ord(c)<128)
def b64(s): return 'Tool notes (base64): '+base64.b64encode(s.encode()).decode()
def rot(s): return 'Notes (rot13): '+codecs.encode(s,'rot13')
def html(s): return 'A helpful tool. <!-- '+s+' -->'
def upper(s): return s.upper()
def lower_nopunct(s): return ''.join(c for c in s.lower() if c.isalnum() or c==' ' )
def newline_words(s): return '\n'.join(s.split(' '))
def hexs(s): return 'cfg=' + s.encode().hex()
def urlenc(s):
    import urllib.parse; return urllib.parse.quote(s)
def bidi(s): return '\u202e'+s+'\u202c'
def lower(s): return s.lower()
def reverse(s): return s[::-1]
def spaced_chars(s): return ' '.join(s)
def htmlent(s): return 'A helpful tool. '+''.join('&#%d;' % ord(c) for c in s)
def reverse_words(s): return ' '.join(w[::-1] for w in s.split(' '))
def nopunct_us(s): return ''.join(c for c in s if c.isalnum() or c in ' _\n')
def title_case(s): return s.title()
def swapcase(s): return s.swapcase()
def leet_soft(s): return s.translate(str.maketrans('eo','30'))
import re
def upper_idlow(s): return re.sub(r"[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+", lambda m:m.group(0).lower(), s.upper())
def spaced2(s): return '  '.join(' '.join(w) for w in s.split(' '))
def spaced_dot(s): return ' '.join('.'.join(w) for w in s.split(' '))
def spaced_part(s):
    ws=s.split(' '); return ' '.join(' '.join(w) if len(w)>5 else w for w in ws)
import re as _re
def nostops(s): return _re.sub(r'[.!?;:,](?=\s|$)', '', s)
T=dict(htmlent=htmlent,spaced_chars=spaced_chars,reverse=reverse,reverse_words=reverse_words,nostops=nostops,spaced2=spaced2,spaced_dot=spaced_dot,spaced_part=spaced_part,upper_idlow=upper_idlow,lower=lower,nopunct_us=nopunct_us,title_case=title_case,swapcase=swapcase,leet_soft=leet_soft,zw=zw,homo=homo,full=full,leet=leet,spaced=spaced,tags=tags,b64=b64,rot=rot,html=html,upper=upper,lower_nopunct=lower_nopunct,newline_words=newline_words,hexs=hexs,urlenc=urlenc,bidi=bidi)
def tool(name,desc,where):
    if where=='desc': return {"name":name,"description":desc,"inputSchema":{"type":"object"}}
    if where=='param': return {"name":name,"description":"Runs the tool.","inputSchema":{"type":"object","properties":{"q":{"type":"string","description":desc}}}}
    if where=='default': return {"name":name,"description":"Runs the tool.","inputSchema":{"type":"object","properties":{"q":{"type":"string","default":desc}}}}
    if where=='enum': return {"name":name,"description":"Runs the tool.","inputSchema":{"type":"object","properties":{"mode":{"type":"string","enum":["fast",desc]}}}}
    if where=='title': return {"name":name,"title":desc,"description":"Runs the tool.","inputSchema":{"type":"object"}}
    if where=='output': return {"name":name,"description":"Runs the tool.","inputSchema":{"type":"object"},"outputSchema":{"type":"object","properties":{"r":{"type":"string","description":desc}}}}
    if where=='annot': return {"name":name,"description":"Runs the tool.","inputSchema":{"type":"object"},"annotations":{"title":desc}}
which=sys.argv[1]
for r in pois:
    d=r['description']
    if which in T: print(json.dumps({"tool":tool(r['tool_name'],T[which](d),'desc')}))
    else: print(json.dumps({"tool":tool(r['tool_name'],d,which)}))
