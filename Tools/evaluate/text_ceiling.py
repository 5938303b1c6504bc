#!/usr/bin/env python3
"""An upper bound on the cells a rendering lets any reader get right: a cell counts when
its gold value is null (nothing to read) or its number is anywhere in the rendering's text
(numbers matched as a multiset over the whole document, body text included, `o`/`O`
between digits read as 0). Generous on purpose: a target above it cannot be met without
inventing values.

A second, tighter bound leaves out the numbers no cell is read from: list numbers before a
label (`1.属于国家秘密`, `2、`), dates (`2021年1月1日`), ordinals (`第2项`) and percentages.
Every list of a report's requests table prints `1.` to `8.` and its dates print ones and
twos, which the first bound counts as cells' values.

usage: text_ceiling.py KIND [FOLDER]   e.g. text_ceiling.py ocr300.txt Samples/fixtures
"""
import json, os, re, sys
from collections import Counter

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
# What follows or precedes a number that no cell prints: a list number's mark, a date's
# unit, a percentage; an ordinal's 第.
NOT_A_CELL_AFTER = set("年月日.、．%％")
NOT_A_CELL_BEFORE = set("第")


def numbers(text, cells_only):
    found = []
    for match in NUMBER.finditer(text):
        after = text[match.end():match.end() + 1]
        before = text[match.start() - 1:match.start()] if match.start() else ""
        if cells_only and (after in NOT_A_CELL_AFTER or before in NOT_A_CELL_BEFORE):
            continue
        found.append(float(match.group().replace(",", "")))
    return Counter(found)


kind = sys.argv[1]
folder = sys.argv[2] if len(sys.argv) > 2 else "Samples/fixtures"
total = bound = tight = 0
for name in sorted(os.listdir(os.path.join(folder, "variants"))):
    path = os.path.join(folder, "variants", name, f"{name}.{kind}")
    if not os.path.exists(path):
        continue
    text = open(path, encoding="utf-8", errors="replace").read()
    text = re.sub(r"(?<=[\d\s|])[oO](?=[\d\s|])", "0", text)
    gold = json.load(open(os.path.join(folder, "gold", name + ".json")))
    wanted, nulls = Counter(), 0
    for table in gold["tables"].values():
        for value in (table.get("cells") or {}).values():
            if value is None:
                nulls += 1
            else:
                wanted[float(value)] += 1
    cells = sum(wanted.values()) + nulls
    readable = sum((wanted & numbers(text, False)).values()) + nulls
    readable_cells = sum((wanted & numbers(text, True)).values()) + nulls
    total += cells
    bound += readable
    tight += readable_cells
    print(f"{name:28s} {readable}/{cells}  {readable_cells}/{cells}")
print(f"{kind}: at most {bound}/{total} ({100 * bound / max(1, total):.1f}%) of cells are readable from the text; "
      f"{tight}/{total} ({100 * tight / max(1, total):.1f}%) from numbers that are no list number, date or ordinal")
