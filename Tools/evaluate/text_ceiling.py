#!/usr/bin/env python3
"""An upper bound on the cells a rendering lets any reader get right: a cell counts when
its gold value is null (nothing to read) or its number is anywhere in the rendering's text
(numbers matched as a multiset over the whole document, body text included, `o`/`O`
between digits read as 0). Generous on purpose: a target above it cannot be met without
inventing values.

usage: text_ceiling.py KIND [FOLDER]   e.g. text_ceiling.py ocr300.txt Samples/fixtures
"""
import json, os, re, sys
from collections import Counter

kind = sys.argv[1]
folder = sys.argv[2] if len(sys.argv) > 2 else "Samples/fixtures"
total = bound = 0
for name in sorted(os.listdir(os.path.join(folder, "variants"))):
    path = os.path.join(folder, "variants", name, f"{name}.{kind}")
    if not os.path.exists(path):
        continue
    text = open(path, encoding="utf-8", errors="replace").read()
    text = re.sub(r"(?<=[\d\s|])[oO](?=[\d\s|])", "0", text)
    present = Counter(float(x.replace(",", "")) for x in re.findall(r"-?\d[\d,]*(?:\.\d+)?", text))
    gold = json.load(open(os.path.join(folder, "gold", name + ".json")))
    wanted, nulls = Counter(), 0
    for table in gold["tables"].values():
        for value in (table.get("cells") or {}).values():
            if value is None:
                nulls += 1
            else:
                wanted[float(value)] += 1
    cells = sum(wanted.values()) + nulls
    readable = sum((wanted & present).values()) + nulls
    total += cells
    bound += readable
    print(f"{name:28s} {readable}/{cells}")
print(f"{kind}: at most {bound}/{total} ({100 * bound / max(1, total):.1f}%) of cells are readable from the text")
