#!/usr/bin/env python3
"""Benchmarks tablefix's HTML and DOCX readers against pandas.read_html and python-docx on
the same files, in one run: documents per second and MB/s for each.

    pip install -r Tools/requirements-compare.txt        # pandas, lxml, python-docx
    Tools/bench_readers.py [--seconds 3] [--scratch .build] [--no-build] [FILE...]

Requirements (Tools/requirements-compare.txt): Python 3.9 or later, pandas with lxml,
python-docx; Swift to build `reader-benchmark` (Tools/Benchmarks/ReaderBenchmark).

The files are the fixtures by default: the 24 pages Samples/fixtures/variants/*/NAME.html
and NAME.gb.html (UTF-8 and GB2312-declared), and the 12 LibreOffice-made NAME.docx. For
each format, each reader reads every file from bytes already in memory, round after round,
until at least --seconds have passed (after one warm-up round):

- tablefix: `reader-benchmark`, `DocumentReader` in process (release build): the whole
  document model, paragraphs and images as well as tables, with spans expanded;
- pandas: `pandas.read_html(BytesIO(bytes), flavor="lxml", header=None,
  keep_default_na=False)`: every table as a DataFrame;
- python-docx: `Document(BytesIO(bytes))`, then every table, nested ones too, row by row,
  `cell.text` of every slot (python-docx reads cells lazily, so the text must be asked for).

All three run on one core. Prints one line per reader and format, and how many times
faster tablefix is. Timings on a shared machine vary by some per cent between runs.
"""

import argparse
import glob
import io
import json
import os
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_files():
    html, docx = [], []
    for report in sorted(glob.glob(os.path.join(ROOT, "Samples", "fixtures", "variants", "*"))):
        name = os.path.basename(report)
        html += [p for p in (os.path.join(report, name + s) for s in (".html", ".gb.html")) if os.path.isfile(p)]
        path = os.path.join(report, name + ".docx")
        if os.path.isfile(path):
            docx.append(path)
    return html, docx


def is_zip(path):
    with open(path, "rb") as file:
        return file.read(2) == b"PK"


def timed(read, contents, seconds):
    """Reads every document once to warm up, then round after round for at least
    `seconds`: (documents, bytes, seconds, tables in one round)."""
    tables = sum(read(data) for data in contents)
    size = sum(len(data) for data in contents)
    rounds = 0
    start = time.perf_counter()
    while True:
        for data in contents:
            read(data)
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return len(contents) * rounds, size * rounds, elapsed, tables


def read_html_pandas(data):
    import pandas

    try:
        return len(pandas.read_html(io.BytesIO(data), flavor="lxml", header=None, keep_default_na=False))
    except ValueError:  # no tables
        return 0


def read_docx_python_docx(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    count = 0

    def visit(table):
        nonlocal count
        count += 1
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 - asking for it is the work being measured
                for inner in cell.tables:
                    visit(inner)

    for table in document.tables:
        visit(table)
    return count


def tablefix(binary, files, seconds):
    run = subprocess.run([binary, "--min-seconds", str(seconds)] + files, capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    if result["failures"]:
        sys.exit(f"reader-benchmark could not read {result['failures']} of the files")
    return result["documents"], result["bytes"], result["seconds"], result["tables"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="HTML and DOCX files (default: the fixtures)")
    parser.add_argument("--seconds", type=float, default=3.0, help="least time per reader and format")
    parser.add_argument("--scratch", default=".build", help="swift build --scratch-path")
    parser.add_argument("--no-build", action="store_true", help="use the reader-benchmark already built")
    args = parser.parse_args()

    if args.files:
        docx = [path for path in args.files if is_zip(path)]
        html = [path for path in args.files if path not in docx]
    else:
        html, docx = default_files()
    scratch = os.path.join(ROOT, args.scratch) if not os.path.isabs(args.scratch) else args.scratch
    if not args.no_build:
        subprocess.run(["Tools/build-release", "--scratch-path", scratch, "--product", "reader-benchmark"],
                       cwd=ROOT, check=True, stdout=sys.stderr)
    binary = os.path.join(scratch, "release", "reader-benchmark")

    warnings.simplefilter("ignore")  # pandas' notes on ragged rows
    print(f"{'reader':<28} {'format':<6} {'files':>5} {'KB/file':>8} {'documents':>9} {'seconds':>7} "
          f"{'docs/s':>8} {'MB/s':>7} {'tables':>6}")
    rates = {}
    for kind, files, other_name, other in (("html", html, "pandas.read_html (lxml)", read_html_pandas),
                                           ("docx", docx, "python-docx", read_docx_python_docx)):
        if not files:
            continue
        contents = []
        for path in files:
            with open(path, "rb") as file:
                contents.append(file.read())
        kilobytes = sum(len(c) for c in contents) / len(contents) / 1024
        for name, measure in (("tablefix DocumentReader", lambda: tablefix(binary, files, args.seconds)),
                              (other_name, lambda: timed(other, contents, args.seconds))):
            documents, size, seconds, tables = measure()
            rates[(kind, name)] = documents / seconds
            print(f"{name:<28} {kind:<6} {len(files):>5} {kilobytes:>8.1f} {documents:>9} {seconds:>7.2f} "
                  f"{documents / seconds:>8.1f} {size / seconds / 1e6:>7.2f} {tables:>6}")
        ours, theirs = rates[(kind, "tablefix DocumentReader")], rates[(kind, other_name)]
        print(f"  {kind}: tablefix reads {ours / theirs:.1f}x as many documents per second as {other_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
