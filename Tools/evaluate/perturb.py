#!/usr/bin/env python3
"""Precision under damage: changes the committed text renderings the way extractors damage
a table and counts the cells `tablefix repair` then gives at 0.9 or more that are not what
the changed input shows. Each change keeps the gold true of what the input still shows:

  drop-number  a number of a table line removed (its cell is then blank: gold's value is
               not in the input, so a confident value there is counted, a blank is not)
  drop-line    a table line removed (its row's cells may be null; a value is counted)
  swap         two neighbouring table lines swapped (each row keeps its label)
  dup          a table line printed twice
  wrap         a table line broken in two before one of its numbers
  glue         the space or bar between two numbers of a line removed
  page         a page break after a table line: its page number (`- 7 -`, `第 7 页`, `7`) and a
               form feed

A confident cell that is null where the gold has a number is counted only when the change
did not remove that number's line or cell: `blank`/`not-printed` where the input lost the
cell is what the input shows. Deterministic for a seed.

usage: perturb.py KINDS [PER_FILE] [SEED] [CHANGES]
  e.g. perturb.py lo.txt,markitdown.txt,html2text.txt 8 1 swap,drop-number
TABLEFIX names the binary (default .build/release/tablefix); prints each confident wrong
cell, then the count per change and rule.
"""
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import renderings  # noqa: E402
from renderings import same  # noqa: E402

BIN = os.environ.get("TABLEFIX", ".build/release/tablefix")
NUMBER = re.compile(r"(?<![\d.])-?\d[\d,]*(?:\.\d+)?(?![\d.])")
YEAR_OR_DATE = re.compile(r"\d{4}年")



def changes(text, rng, count, modes):
    """(label, changed text, numbers removed) for `count` changes of the table lines."""
    lines = text.split("\n")
    table = [i for i, line in enumerate(lines) if len(NUMBER.findall(line)) >= 2 and not YEAR_OR_DATE.search(line)]
    out = []
    for k in range(count):
        if not table:
            break
        mode, i = modes[k % len(modes)], rng.choice(table)
        line = lines[i]
        numbers = list(NUMBER.finditer(line))
        if mode == "drop-number":
            m = rng.choice(numbers)
            changed = line[:m.start()] + " " * (len(m.group()) if rng.random() < 0.5 else 0) + line[m.end():]
            out.append((f"drop-number line {i + 1} {m.group()!r}", lines[:i] + [changed] + lines[i + 1:], True))
        elif mode == "drop-line":
            out.append((f"drop-line line {i + 1}", lines[:i] + lines[i + 1:], True))
        elif mode == "swap" and i + 1 < len(lines):
            out.append((f"swap lines {i + 1}-{i + 2}", lines[:i] + [lines[i + 1], line] + lines[i + 2:], False))
        elif mode == "dup":
            out.append((f"dup line {i + 1}", lines[:i + 1] + [line] + lines[i + 1:], False))
        elif mode == "wrap" and len(numbers) >= 3:
            m = rng.choice(numbers[1:])
            out.append((f"wrap line {i + 1} before {m.group()!r}",
                        lines[:i] + [line[:m.start()].rstrip(), line[m.start():]] + lines[i + 1:], False))
        elif mode == "page":
            number = rng.randint(2, 40)
            footer = rng.choice([f"- {number} -", f"— {number} —", f"第 {number} 页", f"{number}"])
            out.append((f"page break after line {i + 1} ({footer})", lines[:i + 1] + ["", footer, "\f"] + lines[i + 1:], False))
        elif mode == "glue":
            pairs = [(a, b) for a, b in zip(numbers, numbers[1:]) if line[a.end():b.start()].strip(" |") == ""]
            if pairs:
                a, b = rng.choice(pairs)
                out.append((f"glue line {i + 1} {a.group()!r}+{b.group()!r}", lines[:i] + [line[:a.end()] + line[b.start():]] + lines[i + 1:], False))
    return [(label, "\n".join(changed), lost) for label, changed, lost in out]



def run(job):
    name, kind, path, gold_path = job
    modes, per, seed = run.modes, run.per, run.seed
    gold = json.load(open(gold_path))
    text = open(path, encoding="utf-8", errors="replace").read()
    rng = random.Random(f"{seed}-{name}-{kind}")
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for label, changed, lost in changes(text, rng, per, modes):
            changed_path = os.path.join(folder, os.path.basename(path))
            open(changed_path, "w").write(changed)
            result = subprocess.run([BIN, "repair", changed_path, "--format", "json"], capture_output=True, text=True)
            try:
                output = json.loads(result.stdout)
            except json.JSONDecodeError:
                found.append((label, "-", "no JSON: " + result.stderr.strip()[:120], "error"))
                continue
            tables = {table["id"]: table for table in output.get("tables", [])}
            for table_id, table in gold["tables"].items():
                if table.get("status") != "present":
                    continue
                for cell in tables.get(table_id, {}).get("cells", []):
                    want = table["cells"].get(cell["key"], "?")
                    if want == "?" or (cell.get("confidence") or 0) < 0.9 or same(cell.get("value"), want):
                        continue
                    if lost and cell.get("value") is None and cell.get("rule") in ("blank", "not-printed"):
                        continue
                    found.append((label, f"{table_id}.{cell['key']}",
                                  f"got {cell.get('value')} raw {cell.get('raw')!r} conf {cell['confidence']} want {want}",
                                  cell.get("rule")))
    return name, kind, found


def main():
    kinds = sys.argv[1].split(",")
    run.per = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    run.seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    run.modes = (sys.argv[4] if len(sys.argv) > 4 else "drop-number,drop-line,swap,dup,wrap,glue,page").split(",")
    jobs = renderings.inputs(kinds)
    counts = collections.Counter()
    with Pool(os.cpu_count() or 2) as pool:
        for name, kind, found in pool.imap_unordered(run, jobs):
            for label, key, what, rule in found:
                print(f"{name}.{kind}  {label}  {key}  {what}  rule {rule}", flush=True)
                counts[(label.split()[0], rule)] += 1
    print(f"{len(jobs)} files, {sum(counts.values())} confident cells not what the changed input shows")
    for (change, rule), n in counts.most_common():
        print(f"  {n:5d}  {change} ({rule})")


if __name__ == "__main__":
    main()
