#!/usr/bin/env python3
"""Counts wrong cells per table row for one rendering kind, to see where reconstruction fails.

usage: errors_by_row.py KIND [FOLDER]   e.g. errors_by_row.py pdftotext.txt Samples/fixtures
"""
import json, os, subprocess, sys
from collections import Counter

kind = sys.argv[1]
folder = sys.argv[2] if len(sys.argv) > 2 else "Samples/fixtures"
binary = os.environ.get("TABLEFIX", ".build/release/tablefix")
rows, files = Counter(), Counter()
for name in sorted(os.listdir(os.path.join(folder, "variants"))):
    path = os.path.join(folder, "variants", name, f"{name}.{kind}")
    if not os.path.exists(path):
        continue
    gold = json.load(open(os.path.join(folder, "gold", name + ".json")))
    out = subprocess.run([binary, "repair", path, "--format", "json"], capture_output=True)
    doc = json.loads(out.stdout or b"{}")
    tables = {t["id"]: t for t in doc.get("tables", [])}
    for tid, g in gold["tables"].items():
        cells = {c["key"]: c for c in tables.get(tid, {}).get("cells", [])}
        for key, want in g["cells"].items():
            got = cells.get(key, {}).get("value", "missing")
            if got != want and not (isinstance(got, (int, float)) and isinstance(want, (int, float)) and abs(got - want) < 1e-9):
                rows[f"{tid}.{key.rsplit('.', 1)[0]}"] += 1
                files[name] += 1
for row, n in rows.most_common(25):
    print(f"{n:5d}  {row}")
print("by file:", dict(files))
