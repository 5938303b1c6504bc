#!/usr/bin/env python3
"""Compares tablefix's table grids with what established readers make of the same files.

    pip install -r Tools/requirements-compare.txt        # pandas, lxml, python-docx
    swift build -c release --product tablefix
    Tools/compare_readers.py [--tablefix .build/release/tablefix] [--show 10] [FILE...]

Requirements (Tools/requirements-compare.txt): Python 3.9 or later, pandas with lxml for
HTML, python-docx for DOCX.

For every file (by default the fixtures: Samples/fixtures/variants/*/NAME.html, NAME.gb.html
and NAME.docx, and Tests/TablefixReadersTests/Fixtures/*.html|*.docx), the script reads its
tables three ways:

- tablefix: `tablefix repair FILE --format grids`, every table as the reader gives it
  (before cleanup), merged cells expanded with their text copied into every covered slot;
- a zip package, with python-docx: `Document(FILE).tables`, nested tables included (depth
  first, each right after the table that holds it, as tablefix orders them); `row.cells`,
  which repeats a merged cell in every slot it covers (`w:gridSpan` across, `w:vMerge`
  down), with `cell.text`; `row.grid_cols_before`/`grid_cols_after` empty slots added and
  rows padded to the table's grid width. The hand-made test fixtures list parts they do
  not hold (styles.xml, numbering.xml …) in their relationships, which python-docx refuses;
  for those, python-docx's own document model is built over word/document.xml alone;
- anything else, with pandas: `pandas.read_html(FILE, flavor="lxml", header=None,
  keep_default_na=False)`, taking for each table the rows of text that pandas' table
  parser builds (rowspan and colspan expanded by copying the text, as ours are) just before
  it makes a DataFrame of them: the script wraps `pandas.io.html._data_to_frame` during the
  call to record its `data`. The DataFrame itself cannot be compared cell for cell: even
  with header=None pandas turns a `<thead>` or top rows made only of `<th>` into column
  labels (renaming repeated ones `x.1`; with `extract_links` it drops the last of three
  such rows), and converts whole numeric columns (`0.00` -> 0.0, `13,648` -> 13648).

Each cell's text is normalised the same way on both sides before comparing: white space
(including U+00A0 and U+3000) collapsed to one space and stripped. Beyond that, three
deliberate differences are normalised, and nothing else:

- a line break between two CJK characters in HTML source: tablefix follows CSS Text's
  segment-break rule and drops it (a browser shows `平阴县`, not `平阴 县`); pandas makes it a
  space. A space between two CJK characters is dropped on both sides;
- line breaks inside a cell: tablefix joins a cell's paragraphs and `<br>` lines with
  "\n", as a browser's innerText and python-docx's `cell.text` do; pandas joins `<br>`
  lines with a space and block elements (`<p>`, `<div>`) with nothing. Where tablefix's
  cell has a line break, the cells are equal when they are equal without white space;
- GB2312 pages: the fixtures' NAME.gb.html declare `charset=gb2312`. libxml2, under
  pandas, decodes that with iconv's GB2312 table, which reads A1AA as U+2015 HORIZONTAL BAR
  (and A1A4 as U+30FB, A1AB as U+301C); the WHATWG Encoding Standard, which browsers and
  tablefix follow, decodes the gb2312 label as GBK: U+2014 EM DASH (U+00B7, U+FF5E), which
  is also what the UTF-8 copy of the same page holds. These three are mapped to GBK's.

Known differences on markup the fixtures do not have, where tablefix reads a page as a
browser shows it (and a document as Word does) and the other reader does not: pandas keeps
tables inside `<nav>` or the page's `<header>`/`<footer>`, layout tables, and the text of
`<script>`, `<noscript>`, `<select>` and of elements hidden by `hidden` or
`visibility:hidden`; it puts a nested table's text in the outer cell too; it adds rows for a
rowspan past the end of its row group (browsers clip it), reads `rowspan=0` as 1 (HTML: the
rest of the row group), drops a `colspan=0` cell (HTML: 1), shifts a cell whose slot a
rowspan already covers instead of overlapping it, and misses rows wrapped in a stray
`<form>` (it takes only rows directly in the table or its row groups). python-docx's
`cell.text` leaves out text Word shows (runs inside `w:ins`, `w:sdt`, `w:fldSimple`,
`w:smartTag`, text boxes, a `w:tc` wrapped in `w:sdt`) and keeps text Word hides
(`w:vanish`).

Prints one line per file, every differing cell (up to --show per table), and a summary:
files, tables and cells equal / total. Exits 1 when anything differs.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SPACE = re.compile(r"\s+")
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CJK_GAP = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")


# GB2312 code points that libxml2 (through iconv's GB2312 table) and the WHATWG gb18030
# decoder, which browsers and tablefix use for a page labelled gb2312, decode differently.
GB2312_TABLE = str.maketrans({"\u2015": "\u2014", "\u30fb": "\u00b7", "\u301c": "\uff5e"})


def text(cell):
    """A cell as text: pandas pads ragged rows with NaN, python-docx with None."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    return str(cell)


def normalise(cell):
    """One cell's text, as compared: white space collapsed, spaces between CJK dropped,
    GB2312 table differences mapped to the browser's choice."""
    return CJK_GAP.sub("", SPACE.sub(" ", text(cell)).strip()).translate(GB2312_TABLE)


def same(ours, theirs):
    """Whether tablefix's cell text and the other reader's say the same: equal once
    normalised, or, where tablefix has a line break (between paragraphs or at a `<br>`),
    equal once all white space is dropped, since pandas joins block elements with nothing."""
    if ours is None or theirs is None:
        return ours is theirs
    if normalise(ours) == normalise(theirs):
        return True
    return "\n" in ours and SPACE.sub("", normalise(ours)) == SPACE.sub("", normalise(theirs))


def rectangular(rows):
    """Rows padded with empty cells to the longest row's length."""
    width = max((len(row) for row in rows), default=0)
    return [list(row) + [""] * (width - len(row)) for row in rows]


def default_files():
    files = []
    for report in sorted(glob.glob(os.path.join(ROOT, "Samples", "fixtures", "variants", "*"))):
        name = os.path.basename(report)
        for suffix in (".html", ".gb.html", ".docx"):
            path = os.path.join(report, name + suffix)
            if os.path.isfile(path):
                files.append(path)
    fixtures = os.path.join(ROOT, "Tests", "TablefixReadersTests", "Fixtures")
    for pattern in ("*.html", "*.docx"):
        files += sorted(glob.glob(os.path.join(fixtures, pattern)))
    return files


def tablefix_tables(binary, path):
    """tablefix's grids, or the error message when it refuses the file."""
    run = subprocess.run([binary, "repair", path, "--format", "grids"], capture_output=True)
    if run.returncode != 0:
        return None, run.stderr.decode("utf-8", "replace").strip()
    grids = json.loads(run.stdout)
    return [[list(row) for row in grid["rows"]] for grid in grids], None


def pandas_tables(path):
    """pandas.read_html's tables as rows of text: the rows its table parser built, spans
    expanded, before the frame's header inference and type conversion."""
    import pandas
    import pandas.io.html as pandas_html

    original = pandas_html._data_to_frame
    captured = []

    def capture(**kwargs):
        head, body, foot = kwargs["data"]
        rows = [list(row) for row in head + body + foot]
        frame = original(**kwargs)  # raises for a table pandas skips, which is then not captured
        captured.append(rows)
        return frame

    pandas_html._data_to_frame = capture
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ragged rows are padded, as we want
            frames = pandas.read_html(path, flavor="lxml", header=None, keep_default_na=False)
    except ValueError as error:
        if "No tables found" in str(error):
            return [], None
        return None, str(error)
    except Exception as error:  # noqa: BLE001 - any refusal is reported, not raised
        return None, f"{type(error).__name__}: {error}"
    finally:
        pandas_html._data_to_frame = original
    if len(captured) != len(frames):
        sys.exit(f"{path}: pandas made {len(frames)} frames from {len(captured)} tables; its internals changed")
    return [rectangular([[text(cell) for cell in row] for row in rows]) for rows in captured], None


def docx_tables(path):
    """python-docx's tables, nested ones after their parent, as rows of text."""
    import docx

    try:
        document = docx.Document(path)
    except Exception as error:  # noqa: BLE001 - any refusal is reported, not raised
        missing_part = isinstance(error, KeyError) and "There is no item named" in str(error)
        document = main_part_only(path) if missing_part else None
        if document is None:
            return None, f"{type(error).__name__}: {error}"

    tables = []

    def visit(table):
        rows = []
        nested = []
        for row in table.rows:
            cells = row.cells
            texts = [""] * row.grid_cols_before + [cell.text for cell in cells]
            texts += [""] * row.grid_cols_after
            rows.append(texts)
            seen = set()
            for cell in cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                nested += cell.tables
        width = max([len(table.columns)] + [len(row) for row in rows])
        tables.append([row + [""] * (width - len(row)) for row in rows])
        for inner in nested:
            visit(inner)

    try:
        for table in document.tables:
            visit(table)
    except Exception as error:  # noqa: BLE001
        return None, f"{type(error).__name__}: {error}"
    return tables, None


def main_part_only(path):
    """python-docx's document over `word/document.xml` alone, for a hand-made package that
    python-docx refuses only because its relationships name parts it does not hold (the
    test fixtures list styles.xml, numbering.xml … for every file); None when the zip or
    the part cannot be read."""
    import zipfile

    import docx.document
    import docx.oxml

    try:
        with zipfile.ZipFile(path) as package:
            element = docx.oxml.parse_xml(package.read("word/document.xml"))
    except Exception:  # noqa: BLE001
        return None
    if not element.tag.endswith("}document"):
        return None
    return docx.document.Document(element, None)


def compare(ours, theirs):
    """Cells equal, cells compared, and the differing cells as (row, column, ours, theirs)."""
    height = max(len(ours), len(theirs))
    width = max(len(ours[0]) if ours else 0, len(theirs[0]) if theirs else 0)
    equal = 0
    differences = []
    for y in range(height):
        for x in range(width):
            a = ours[y][x] if y < len(ours) and x < len(ours[y]) else None
            b = theirs[y][x] if y < len(theirs) and x < len(theirs[y]) else None
            if same(a, b):
                equal += 1
            else:
                differences.append((y, x, a, b))
    return equal, height * width, differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="files to compare (default: the fixtures)")
    parser.add_argument("--tablefix", default=os.environ.get("TABLEFIX", os.path.join(ROOT, ".build", "release",
                                                                                         "tablefix")))
    parser.add_argument("--show", type=int, default=10, help="differing cells listed per table")
    args = parser.parse_args()
    if not os.access(args.tablefix, os.X_OK):
        sys.exit(f"{args.tablefix}: no tablefix binary (swift build -c release --product tablefix, or --tablefix)")

    files = args.files or default_files()
    totals = {"tables": 0, "tables_equal": 0, "cells": 0, "cells_equal": 0, "files": 0, "files_equal": 0}
    for path in files:
        shown = os.path.relpath(path, ROOT)
        with open(path, "rb") as file:
            is_docx = file.read(2) == b"PK"  # a zip package; anything else is HTML
        reader = "python-docx" if is_docx else "pandas"
        ours, our_error = tablefix_tables(args.tablefix, path)
        theirs, their_error = docx_tables(path) if is_docx else pandas_tables(path)
        if ours is None or theirs is None:
            if ours is None and theirs is None:
                print(f"both refuse  {shown}\n    tablefix: {our_error}\n    {reader}: {their_error}")
                continue
            totals["files"] += 1
            print(f"DIFFERENT    {shown}: only one reader refuses it")
            print(f"    tablefix: {our_error or 'reads it'}\n    {reader}: {their_error or 'reads it'}")
            continue
        totals["files"] += 1
        lines = []
        if len(ours) != len(theirs):
            lines.append(f"    {len(ours)} tables from tablefix, {len(theirs)} from {reader}")
        file_tables = file_equal_tables = file_cells = file_equal_cells = 0
        for index in range(max(len(ours), len(theirs))):
            a = ours[index] if index < len(ours) else []
            b = theirs[index] if index < len(theirs) else []
            equal, count, differences = compare(a, b)
            file_tables += 1
            file_cells += count
            file_equal_cells += equal
            if not differences:
                file_equal_tables += 1
                continue
            shape_a = f"{len(a)}x{len(a[0]) if a else 0}"
            shape_b = f"{len(b)}x{len(b[0]) if b else 0}"
            lines.append(f"    table {index + 1}: {count - equal} of {count} cells differ "
                         f"(tablefix {shape_a}, {reader} {shape_b})")
            for y, x, cell_a, cell_b in differences[: args.show]:
                lines.append(f"      r{y + 1}c{x + 1}: tablefix {json.dumps(cell_a, ensure_ascii=False)}  "
                             f"{reader} {json.dumps(cell_b, ensure_ascii=False)}")
            if len(differences) > args.show:
                lines.append(f"      … {len(differences) - args.show} more")
        file_same = file_equal_tables == file_tables and len(ours) == len(theirs)
        totals["tables"] += file_tables
        totals["tables_equal"] += file_equal_tables
        totals["cells"] += file_cells
        totals["cells_equal"] += file_equal_cells
        totals["files_equal"] += file_same
        print(f"{'equal' if file_same else 'DIFFERENT':<12} {shown}: tables {file_equal_tables}/{file_tables}, "
              f"cells {file_equal_cells}/{file_cells} (vs {reader})")
        for line in lines:
            print(line)
    print(f"summary: files {totals['files_equal']}/{totals['files']} equal, "
          f"tables {totals['tables_equal']}/{totals['tables']} equal, "
          f"cells {totals['cells_equal']}/{totals['cells']} equal")
    return 0 if totals["files_equal"] == totals["files"] else 1


if __name__ == "__main__":
    sys.exit(main())
