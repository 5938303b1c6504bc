#!/usr/bin/env python3
"""Reader fidelity against the HTML original: for every data row of the grids that
`tablefix repair NAME.html --format grids` prints (label + value cells, blanks kept, cells a
merge covers left out), does the rendering's grids hold a row with that label and the same
values in the same positions? Leading empty cells (a colspan written as empty cells) and
trailing ones are not counted against it. Prose read as lines counts as missing.
usage: grid_fidelity.py TOOL FOLDER [KIND...] [-v]   (FOLDER with raw/, variants/, gold/)"""
import json, os, re, subprocess, sys
from collections import defaultdict
tool, folder = sys.argv[1], sys.argv[2]
verbose = '-v' in sys.argv
kinds = [a for a in sys.argv[3:] if a != '-v']
NUM = re.compile(r'^[+\-]?[0-9][0-9,.]*(万元|元|件)?(（.*）)?$|^[-—/／－–]+$')
def norm(s):
    s = s.replace('**', '').replace('\u00a0', '').replace('\u3000', '')
    s = re.sub(r'\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)', '', s)
    return re.sub(r'\s+', '', s)
def isnum(s): return bool(NUM.match(s))
def grids(path):
    out = subprocess.run([tool, 'repair', path, '--format', 'grids'], capture_output=True, text=True).stdout
    try: return json.loads(out)
    except Exception: return []
def datarows(gs, html):
    rows = []
    for g in gs:
        covered = set()
        for sp in g.get('spans', []):
            for r in range(sp['row'], sp['row'] + sp['rowspan']):
                for c in range(sp['column'], sp['column'] + sp['colspan']):
                    if (r, c) != (sp['row'], sp['column']): covered.add((r, c))
        for r, row in enumerate(g['rows']):
            cells = [norm(c) for c in row]
            keep = [(c, cells[c]) for c in range(len(cells)) if (r, c) not in covered]
            texts = [i for i, (c, t) in enumerate(keep) if t and not isnum(t)]
            if not texts: continue
            last = texts[-1]
            vals = [t for c, t in keep[last + 1:]]
            while vals and vals[-1] == '' and not html: vals.pop()
            if not any(isnum(v) and v for v in vals): continue
            rows.append((keep[last][1], vals))
    return rows
def canon(vals):
    v = list(vals)
    while v and v[-1] == '': v.pop()
    return v
tot = defaultdict(lambda: [0, 0]); per = {}
for name in sorted(os.listdir(os.path.join(folder, 'variants'))):
    d = os.path.join(folder, 'variants', name)
    html = os.path.join(d, name + '.html')
    if not os.path.exists(html): continue
    ref = datarows(grids(html), True)
    for f in sorted(os.listdir(d)):
        kind = f[len(name) + 1:]
        if not f.startswith(name + '.') or kind in ('html', 'pdf', 'gb.html', 'docx') or kind.endswith(('.tsv', '.png')): continue
        if kinds and kind not in kinds: continue
        got = datarows(grids(os.path.join(d, f)), False)
        bylabel = defaultdict(list)
        for l, v in got: bylabel[l].append(v)
        ok = 0; bad = []
        def same(g, h):
            extra = len(g) - len(h)
            if extra > 0 and all(x == '' for x in g[:extra]): g = g[extra:]
            return canon(g) == canon(h)
        for l, v in ref:
            if any(same(g, v) for g in bylabel.get(l, [])): ok += 1
            else: bad.append((l, v, bylabel.get(l)))
        tot[kind][0] += ok; tot[kind][1] += len(ref)
        per[(name, kind)] = (ok, len(ref))
        if verbose and bad:
            print(f'{name}.{kind}: {ok}/{len(ref)}')
            for l, v, g in bad[:6]: print('   ', l[:20], v, '->', g)
for k in sorted(tot): print(f'{k:22s} {tot[k][0]:5d}/{tot[k][1]:5d} {100*tot[k][0]/max(1,tot[k][1]):5.1f}%')
