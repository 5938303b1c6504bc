#!/usr/bin/env python3
"""Recall under publishers' habits: rewrites the committed renderings the way other
publishers print the same tables, without losing anything, and counts the cells
`tablefix repair` reads right on the original and loses on the rewritten input, and the
cells it then gives at 0.9 or more that are wrong. Each habit is applied to a whole
document, as a publisher's template does:

  unit        a unit after each table number (`5件`, `3项`, `2个`)
  fullwidth   table numbers in full-width digits (`１２`)
  thousands   numbers of four digits or more with separators (`11,520`)
  nbsp        a no-break space after each table number and row label (`5&nbsp;`), as editors leave
  nolist      list numbers dropped before row labels (`（一）予以公开` → `予以公开`)
  spaced      row labels letter-spaced (`予 以 公 开`), as PDFs of justified cells give
  colon       a colon after each row label (`予以公开：`)
  noheadings  the tables' section headings left out (`三、收到和处理政府信息公开申请情况`)
  notitle     the report's title left out (`…政府信息公开工作年度报告`)
  traditional the whole text in traditional characters (`規章`), as a site's traditional-
              character gate serves it (OpenCC's s2t: pip install opencc-python-reimplemented)
  pinyin      every Chinese character followed by its pinyin in brackets (`规(guī)章(zhāng)`), as
              a page's accessibility toolbar in 拼音 mode renders (pip install pypinyin); pages,
              converters, office and crawler text only
  typo        one letter in the middle of each row label of five letters or more mistyped
              (`同意公开答复数` → `同意公开囗复数`), as typists and OCR leave
  note        a note row closing each table of a page (`注：本表数据统计期限…`, one cell across
              the table), as publishers print under the national form; pages and converters only
  extrarow    a row the national form does not have after two of its rows, its cells 3
              (`行政确认 3` after 行政强制, `其中：网上申请 3 …` after 上年结转…), as publishers add;
              pages and converters only
  parens      list numbers in half-width brackets and with a comma (`(一)`, `1、`), as typed
  wrap        a page's label cells of six characters or more broken by a `<br>` in the middle
              (`本年新<br>制作数量`), as editors break long cells; pages and converters only

A table number is a number alone on its line or one of two or more numbers on a line
(dates, years and list numbers excepted); in a page (`html`), a table cell's whole text.
The converters' kinds (inscriptis, html2text, markitdown, trafilatura) are rendered again
from the changed page, as the converter would lay out the changed cells (pip install
trafilatura inscriptis html2text markitdown); other text kinds are changed in place, the
spaces after a changed word taking up its change in length. An OCR's text gets the habits
of words only. Deterministic.

usage: vary.py KINDS [HABITS]
  e.g. vary.py lo.txt,inscriptis.txt unit,nolist,notitle+noheadings+unit
A habit joined by `+` is several applied in turn to the same document, as one publisher
carries several.
TABLEFIX names the binary (default .build/release/tablefix); prints each lost or confident
wrong cell, then the counts per habit.
"""
import collections
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import renderings  # noqa: E402
from renderings import same  # noqa: E402

BIN = os.environ.get("TABLEFIX", ".build/release/tablefix")
NUMBER = re.compile(r"(?<![^\s|>\u00a0])-?\d+(?:\.\d+)?(?![^\s|<\u00a0])")
DATE = re.compile(r"\d{4}\s*年|\d+\s*月\s*\d+\s*日")
LIST_NUMBER = re.compile(r"^(\s*(?:\|\s*|\*\*)?)(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])\s*(?=[\u4e00-\u9fff])")
LABEL = re.compile(r"[\u4e00-\u9fff]{2,}")
NUMBER_HABITS = {"unit", "fullwidth", "thousands", "nbsp"}
HABITS = ["unit", "fullwidth", "thousands", "nbsp", "nolist", "spaced", "colon", "noheadings", "notitle",
          "traditional", "pinyin", "typo", "note", "extrarow", "parens", "wrap"]
SECTION_HEADING = re.compile(r"^\W*[一二三四五六七八九]、\S*(?:主动公开政府信息情况|政府信息公开申请情况|行政复议\S*行政诉讼\S*情况)\W*$")
TITLE = re.compile(r"^.{0,40}政府信息公开工作年度报告.{0,20}$")


def inputs(kinds):
    for kind in kinds:
        if not (kind.endswith(".txt") or kind.endswith("html")):
            sys.exit(f"vary.py: {kind}: only text renderings and pages can be rewritten")
    return renderings.inputs(kinds)


def table_numbers(line):
    """The spans of a line's table numbers."""
    if DATE.search(line):
        return []
    spans = [m.span() for m in NUMBER.finditer(line)]
    alone = len(spans) == 1 and line.strip(" |*\u00a0") == line[spans[0][0]:spans[0][1]]
    return spans if len(spans) >= 2 or alone else []


def keeping_columns(line, start, end, replacement):
    """`line` with `line[start:end]` replaced, the spaces after it taking up the change in
    length where they can, so that a line laid out in columns keeps its columns (as the
    extractor would have padded the longer cell)."""
    grown = len(replacement) - (end - start)
    rest = line[end:]
    spaces = len(rest) - len(rest.lstrip(" "))
    if grown > 0 and spaces >= grown + 2:
        rest = rest[grown:]
    elif grown < 0 and spaces >= 2:
        rest = " " * -grown + rest
    return line[:start] + replacement + rest


def rewrite_numbers(line, change):
    spans = table_numbers(line)
    for start, end in reversed(spans):
        if end - start > 9:  # a crawler's digits of several cells run together: no one cell
            continue
        line = keeping_columns(line, start, end, change(line[start:end], start))
    return line


def rewrite_label(line, pattern, change):
    match = re.search(pattern, line)
    return keeping_columns(line, match.start(), match.end(), change(match)) if match else line


def is_row_label(lines, i):
    """A line with a row label: numbers follow it on its line or on the next line."""
    line = lines[i]
    if not LABEL.search(line) or len(line.strip()) > 60:
        return False
    following = next((l for l in lines[i + 1:i + 3] if l.strip()), "")
    return bool(table_numbers(line)) or bool(table_numbers(following))


def with_colon(line):
    """`line` with a colon after its label: after the last Chinese character or closing
    bracket or quote before its first value."""
    spans = table_numbers(line)
    nones = [m.start() for m in re.finditer(r"(?<![^\s|])(?:无|-|—|/)(?![^\s|])", line)]
    first = min([start for start, _ in spans[:1]] + nones + [len(line)])
    ends = [m.end() for m in re.finditer(r"[\u4e00-\u9fff）)”]", line[:first])]
    return keeping_columns(line, ends[-1], ends[-1], "：") if ends else line


def mistyped(match):
    """A run of letters with its middle letter mistyped."""
    word = match.group()
    return word[: len(word) // 2] + "囗" + word[len(word) // 2 + 1:]


@functools.lru_cache(maxsize=None)
def converter():
    import opencc
    return opencc.OpenCC("s2t")


def traditional(text):
    return converter().convert(text)


def with_pinyin(text):
    from pypinyin import pinyin, Style
    return re.sub(r"[\u4e00-\u9fff]", lambda m: f"{m.group()}({pinyin(m.group(), style=Style.TONE)[0][0]})", text)


def vary(text, habit, page_cell=False):
    """`text` with `habit` applied; a page's cell (`page_cell`) is one row label or value."""
    if habit == "traditional":
        return traditional(text)
    if habit == "pinyin":
        return with_pinyin(text)
    if habit == "wrap":
        letters = re.sub(r"\s", "", text)
        if not page_cell or re.search(r"\d", letters) or len(letters) < 6:
            return text
        middle = len(letters) // 2
        return text.replace(letters, letters[:middle] + "<br>" + letters[middle:], 1)
    if habit == "parens":
        text = re.sub(r"（([一二三四五六七八九十]{1,2})）", r"(\1)", text)
        return re.sub(r"(?<![\d.])([1-9])\.(?=[\u4e00-\u9fff])", r"\1、", text)
    lines = text.split("\n")
    units = "件项个"
    out = []
    for i, line in enumerate(lines):
        if habit == "noheadings" and SECTION_HEADING.match(line.strip()):
            continue
        if habit == "notitle" and TITLE.match(line.strip()):
            continue
        if habit == "unit":
            line = rewrite_numbers(line, lambda n, at: n + units[at % 3])
        elif habit == "fullwidth":
            line = rewrite_numbers(line, lambda n, at: n.translate(str.maketrans("-0123456789", "－０１２３４５６７８９")))
        elif habit == "nbsp":
            nbsp = "&nbsp;" if page_cell else "\u00a0"
            if page_cell and LABEL.search(line) and not re.search(r"\d", line):
                line = line.rstrip() + nbsp
            else:
                line = rewrite_numbers(line, lambda n, at: n + nbsp)
        elif habit == "thousands":
            line = rewrite_numbers(line, lambda n, at: f"{int(n):,}" if n.lstrip("-").isdigit() and abs(int(n)) >= 1000 else n)
        elif page_cell and habit in ("nolist", "spaced", "colon", "typo") and LABEL.search(line) and len(line.strip()) <= 60 \
                and not re.search(r"\d", line):
            line = {"nolist": lambda: LIST_NUMBER.sub(r"\1", line),
                    "spaced": lambda: re.sub(r"[\u4e00-\u9fff]{2,8}", lambda m: " ".join(m.group()), line, count=1),
                    "colon": lambda: line.rstrip() + "：",
                    "typo": lambda: re.sub(r"[\u4e00-\u9fff]{5,}", mistyped, line, count=1)}[habit]()
        elif habit == "nolist" and is_row_label(lines, i):
            line = rewrite_label(line, LIST_NUMBER, lambda m: m.group(1))
        elif habit == "spaced" and is_row_label(lines, i):
            line = rewrite_label(line, r"[\u4e00-\u9fff]{2,8}", lambda m: " ".join(m.group()))
        elif habit == "typo" and is_row_label(lines, i):
            line = re.sub(r"[\u4e00-\u9fff]{5,}", mistyped, line, count=1)
        elif habit == "colon" and is_row_label(lines, i):
            line = with_colon(line)
        out.append(line)
    return "\n".join(out)


TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
TEXT_NODE = re.compile(r">([^<>]+)<")


def vary_page(html, habit):
    """The page with `habit` applied to the text of its tables' cells, or to its headings and
    title."""
    if habit in ("traditional", "pinyin"):
        whole = traditional if habit == "traditional" else with_pinyin
        return TEXT_NODE.sub(lambda m: ">" + whole(m.group(1)) + "<", html)
    if habit == "extrarow":
        added = {"行政强制": "行政确认", "上年结转政府信息公开申请数量": "其中：网上申请"}
        def extended(row):
            text = re.sub(r"<[^>]+>", "", row.group())
            after = next((label for label in added if label in text), None)
            if after is None or not re.search(r">\s*\d+\s*<", row.group()):
                return row.group()
            copy = re.sub(r"(?:[一二三四五六七八九十]、)?" + re.escape(after), added[after], row.group(), count=1)
            copy = re.sub(r"(?<=>)(\s*)\d+(\s*)(?=<)", r"\g<1>3\g<2>", copy)
            copy = re.sub(r"rowspan=\"?\d+\"?", "", copy)
            return row.group() + copy
        return re.sub(r"<tr\b.*?</tr>", extended, html, flags=re.S | re.I)
    if habit == "note":
        def noted(table):
            width = max((len(re.findall(r"<t[dh]\b", row)) for row in re.findall(r"<tr\b.*?</tr>", table.group(), re.S | re.I)),
                        default=0)
            if width < 2 or not re.search(r">\s*\d+\s*<", table.group()):
                return table.group()
            note = f'<tr><td colspan="{width}">注：本表数据统计期限为当年1月1日至12月31日，数据来源于本机关政府信息公开工作台账。</td></tr>'
            return re.sub(r"</table>$", note + "</table>", table.group(), flags=re.I)
        return TABLE.sub(noted, html)
    if habit in ("noheadings", "notitle"):
        pattern = SECTION_HEADING if habit == "noheadings" else TITLE
        return re.sub(r"(?<=>)([^<>]+)(?=<)", lambda m: "" if pattern.match(m.group(1).strip()) else m.group(), html)
    def node(match):
        text = match.group(1)
        stripped = text.strip()
        if NUMBER.fullmatch(stripped) or LABEL.search(stripped):
            return ">" + vary(text, habit, page_cell=True) + "<"
        return match.group()
    return TABLE.sub(lambda table: TEXT_NODE.sub(node, table.group()), html)


def render(kind, html):
    """What the converter of `kind` makes of `html`."""
    if kind == "inscriptis.txt":
        import inscriptis
        return inscriptis.get_text(html)
    if kind == "html2text.txt":
        import html2text
        return html2text.html2text(html)
    if kind == "trafilatura.txt":
        import trafilatura
        return trafilatura.extract(html, include_tables=True, output_format="txt") or ""
    from markitdown import MarkItDown
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as page:
        page.write(html)
        page.flush()
        return MarkItDown().convert(page.name).text_content


RENDERED = {"inscriptis.txt", "html2text.txt", "markitdown.txt", "trafilatura.txt"}



def cells(path):
    result = subprocess.run([BIN, "repair", path, "--format", "json"], capture_output=True, text=True)
    try:
        output = json.loads(result.stdout)
    except json.JSONDecodeError:
        return None
    return {(table["id"], cell["key"]): cell for table in output.get("tables", []) for cell in table.get("cells", [])}


def run(job):
    name, kind, path, gold_path = job
    gold = json.load(open(gold_path))
    wanted = {(tid, key): value for tid, table in gold["tables"].items() if table.get("status") == "present"
              for key, value in table["cells"].items()}
    page = path[: -len(kind)] + "html"
    rendered = kind in RENDERED and os.path.exists(page)
    source = open(page if rendered else path, encoding="utf-8", errors="replace").read()
    found = []
    with tempfile.TemporaryDirectory() as folder:
        if rendered:  # the page as this converter renders it now: what the changes are measured against
            path = os.path.join(folder, "unchanged." + kind)
            open(path, "w").write(render(kind, source))
        before = cells(path) or {}
        right_before = {k for k, v in wanted.items() if k in before and same(before[k].get("value"), v)}
        for habit in run.habits:
            parts = habit.split("+")
            if "ocr" in kind and NUMBER_HABITS.intersection(parts):
                continue  # an OCR's digits run into rules and specks: no cell's number to rewrite
            if "pinyin" in parts and ("ocr" in kind or kind in ("layout.txt", "pdftotext.txt")):
                continue  # a PDF or scan prints ruby above its characters, not after them
            changed = source
            for part in parts:
                changed = vary_page(changed, part) if rendered or kind.endswith("html") else vary(changed, part)
            if changed == source:
                continue
            if rendered:
                changed = render(kind, changed)
            changed_path = os.path.join(folder, os.path.basename(path))
            open(changed_path, "w").write(changed)
            after = cells(changed_path)
            if after is None:
                found.append((habit, "-", "no JSON", "lost"))
                continue
            for key, want in wanted.items():
                cell = after.get(key, {})
                right = key in after and same(cell.get("value"), want)
                confident = (cell.get("confidence") or 0) >= 0.9
                if not right and confident:
                    found.append((habit, f"{key[0]}.{key[1]}", f"got {cell.get('value')} raw {cell.get('raw')!r} conf {cell.get('confidence')} want {want}", "wrong"))
                elif not right and key in right_before:
                    found.append((habit, f"{key[0]}.{key[1]}", f"got {cell.get('value')} raw {cell.get('raw')!r} conf {cell.get('confidence')} want {want}", "lost"))
    return name, kind, found


def main():
    kinds = sys.argv[1].split(",")
    run.habits = sys.argv[2].split(",") if len(sys.argv) > 2 else HABITS
    unknown = {part for habit in run.habits for part in habit.split("+")} - set(HABITS)
    if unknown:
        sys.exit(f"vary.py: unknown habit {', '.join(sorted(unknown))} (known: {', '.join(HABITS)})")
    jobs = inputs(kinds)
    counts = collections.Counter()
    with Pool(os.cpu_count() or 2) as pool:
        for name, kind, found in pool.imap_unordered(run, jobs):
            for habit, key, what, how in found:
                print(f"{name}.{kind}  {habit}  {how}  {key}  {what}", flush=True)
                counts[(habit, how)] += 1
    print(f"{len(jobs)} files; cells lost or confidently wrong under each habit:")
    for (habit, how), n in sorted(counts.items()):
        print(f"  {n:5d}  {habit} ({how})")


if __name__ == "__main__":
    main()
