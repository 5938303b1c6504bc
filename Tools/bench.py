#!/usr/bin/env python3
"""Measures tablefix's speed as a user would meet it, beside the readers a user would
otherwise script, in one run, and prints the figures as a markdown table.

    pip install -r Tools/requirements-compare.txt        # pandas, lxml, python-docx
    Tools/bench.py [--count 1000] [--large 10000] [--jobs 2] [--kinds text,html,docx] [--no-build]
                   [--baseline OTHER_TABLEFIX]

For each kind of input (text renderings, HTML pages, DOCX files) it makes --count distinct
documents with Tools/make_archive.py --distinct (every rendering in Samples/, each copy made
unique so that the batch's deduplication cannot skip work) and measures, on the same files:

- in process: `repair-benchmark` (read, clean, rebuild, render the JSON) on one core:
  documents/s, MB/s, CPU milliseconds per document and per KB;
- through `tablefix batch FOLDER -o DB --jobs J` under /usr/bin/time: documents/s, MB/s,
  CPU milliseconds per document (user + system, every thread), peak memory, and the
  database's bytes per document;
- the anchor: `pandas.read_html` (HTML) or python-docx (DOCX, every cell's text asked for)
  reading the same files, alone, in J processes: documents/s and CPU milliseconds per
  document, and how many times faster tablefix batch is, by the clock and by CPU time (on
  a machine shared with other work the CPU ratio is the steadier).

Then: the cost per KB as one text and one HTML document grow (their bytes repeated 1, 4,
16 and 64 times, in process), and peak memory of a batch over a mixed archive (all kinds,
copies and broken files among them: Tools/make_archive.py's default) of --count and of
--large documents, to show it flat. The work folder is $WORK (default /tmp/tablefix-bench).
Timings on a shared machine vary by some per cent between runs.
"""

import argparse
import glob
import json
import multiprocessing
import os
import re
import sqlite3
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tools"))
from bench_readers import read_docx_python_docx, read_html_pandas  # noqa: E402

KINDS = {"text": (".txt",), "html": (".html", ".htm"), "docx": (".docx",)}
ANCHORS = {"html": ("pandas.read_html", read_html_pandas), "docx": ("python-docx", read_docx_python_docx)}


def run(command, **options):
    return subprocess.run(command, check=True, **options)


def archive(work, kind, count, distinct=True):
    """The folder of `count` documents of `kind` (all kinds when None), made once."""
    name = f"{kind or 'mixed'}-{count}{'-distinct' if distinct else ''}"
    folder = os.path.join(work, name)
    if not os.path.isdir(folder):
        command = [sys.executable, os.path.join(ROOT, "Tools", "make_archive.py"), folder, "--count", str(count)]
        if kind:
            command += ["--formats", kind]
        if distinct:
            command.append("--distinct")
        run(command, stdout=sys.stderr)
    return folder


def documents(folder, kind=None):
    suffixes = KINDS[kind] if kind else tuple(s for group in KINDS.values() for s in group)
    found = []
    for base, _, names in os.walk(folder):
        found += [os.path.join(base, n) for n in names if n.endswith(suffixes)]
    return sorted(found)


def batch(binary, folder, work, jobs):
    """Runs `tablefix batch` over `folder` into a fresh database under /usr/bin/time -v:
    (wall seconds, CPU seconds, peak MB, done, failed, database bytes)."""
    database = os.path.join(work, os.path.basename(folder) + ".db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    timing = subprocess.run(["/usr/bin/time", "-v", binary, "batch", folder, "-o", database, "--jobs", str(jobs),
                             "--quiet", "--allow-failures"], capture_output=True, text=True)
    if timing.returncode != 0:
        sys.exit(f"tablefix batch failed on {folder}:\n{timing.stderr}")
    fields = dict(re.findall(r"^\s*(.+?): (.+)$", timing.stderr, re.M))
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    peak = int(fields["Maximum resident set size (kbytes)"]) / 1024
    connection = sqlite3.connect(database)
    done, failed = connection.execute("SELECT sum(done), sum(failed) FROM runs").fetchone()
    # The database's size once its write-ahead log is folded in.
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return wall, cpu, peak, done, failed, os.path.getsize(database)


def anchor_share(arguments):
    """Reads a share of the files: the CPU seconds it took, and how many files the reader
    gave up on (python-docx fails on a package whose relationship points nowhere)."""
    read, paths = arguments
    warnings.simplefilter("ignore")
    failures = 0
    start = time.process_time()
    for path in paths:
        with open(path, "rb") as file:
            try:
                read(file.read())
            except Exception:
                failures += 1
    return time.process_time() - start, failures


def anchor(read, files, jobs):
    """Documents per second `read` manages over `files` in `jobs` processes (bytes read
    from disk inside the timing, as tablefix batch reads them), its CPU seconds, and the
    files it could not read."""
    shares = [files[i::jobs] for i in range(jobs)]
    with multiprocessing.Pool(jobs) as pool:
        pool.map(anchor_share, [(read, share[:2]) for share in shares])  # imports and warm-up
        start = time.perf_counter()
        results = pool.map(anchor_share, [(read, share) for share in shares])
        return len(files) / (time.perf_counter() - start), sum(r[0] for r in results), sum(r[1] for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="documents per kind (default 1000)")
    parser.add_argument("--large", type=int, default=10000, help="documents of the large mixed archive (0: none)")
    parser.add_argument("--jobs", type=int, default=2, help="tablefix batch --jobs, and the anchors' processes")
    parser.add_argument("--kinds", default="text,html,docx")
    parser.add_argument("--scratch", default=".build", help="swift build --scratch-path")
    parser.add_argument("--no-build", action="store_true", help="use the binaries already built")
    parser.add_argument("--baseline", help="another tablefix binary (an earlier build) to run batch with on the same files")
    args = parser.parse_args()

    scratch = args.scratch if os.path.isabs(args.scratch) else os.path.join(ROOT, args.scratch)
    if not args.no_build:
        for product in ("tablefix", "repair-benchmark"):
            run(["Tools/build-release", "--scratch-path", scratch, "--product", product], cwd=ROOT,
                stdout=sys.stderr)
    binary = os.path.join(scratch, "release", "tablefix")
    benchmark = os.path.join(scratch, "release", "repair-benchmark")
    work = os.environ.get("WORK", "/tmp/tablefix-bench")
    os.makedirs(work, exist_ok=True)

    print(f"tablefix speed, {os.cpu_count()} cores, batch --jobs {args.jobs}, {args.count} distinct documents per kind\n")
    print("| input | KB/doc | in process docs/s | MB/s | CPU ms/doc | CPU ms/KB | batch docs/s | MB/s | "
          "CPU ms/doc | peak MB | DB KB/doc | anchor (same files, same cores) | docs/s | CPU ms/doc | "
          "batch ÷ anchor, docs/s | batch ÷ anchor, CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    baselines = []
    for kind in args.kinds.split(","):
        folder = archive(work, kind, args.count)
        files = documents(folder, kind)
        size = sum(os.path.getsize(f) for f in files)
        result = json.loads(run([benchmark, "--json", folder], capture_output=True, text=True).stdout)
        in_rate = result["documents"] / result["seconds"]
        in_cpu = result["cpu_seconds"] * 1000 / result["documents"]
        wall, cpu, peak, done, failed, database = batch(binary, folder, work, args.jobs)
        line = (f"| {kind} | {size / len(files) / 1024:.1f} | {in_rate:.0f} | {result['bytes'] / result['seconds'] / 1e6:.2f} "
                f"| {in_cpu:.2f} | {result['cpu_seconds'] * 1000 / (result['bytes'] / 1024):.3f} "
                f"| {len(files) / wall:.0f} | {size / wall / 1e6:.2f} | {cpu * 1000 / len(files):.2f} | {peak:.0f} "
                f"| {database / len(files) / 1024:.1f} ")
        if kind in ANCHORS:
            name, read = ANCHORS[kind]
            rate, anchor_cpu, unread = anchor(read, files, args.jobs)
            line += (f"| {name}{f' ({unread} unreadable)' if unread else ''} | {rate:.0f} "
                     f"| {anchor_cpu * 1000 / len(files):.2f} | {len(files) / wall / rate:.1f}× | {anchor_cpu / cpu:.1f}× |")
        else:
            line += "| — | — | — | — | — |"
        print(line + ("" if not failed else f" ({failed} failed)"), flush=True)
        if args.baseline:
            base_wall, base_cpu, _, _, _, _ = batch(args.baseline, folder, work, args.jobs)
            baselines.append(f"| {kind} | {len(files) / base_wall:.0f} | {base_cpu * 1000 / len(files):.2f} "
                             f"| {len(files) / wall:.0f} | {cpu * 1000 / len(files):.2f} | {base_cpu / cpu:.1f}× |")

    if baselines:
        print(f"\nbatch beside {args.baseline} on the same files:\n")
        print("| input | baseline docs/s | baseline CPU ms/doc | this docs/s | this CPU ms/doc | CPU ratio |")
        print("|---|---|---|---|---|---|")
        print("\n".join(baselines), flush=True)

    growth_files = [f for f in (os.path.join(ROOT, "Samples/fixtures/variants/pingyin-county-2022/pingyin-county-2022.lo.txt"),
                                os.path.join(ROOT, "Samples/fixtures/variants/pingyin-county-2022/pingyin-county-2022.html"))
                    if os.path.isfile(f)]
    command = [benchmark, "--json"] + [a for f in growth_files for a in ("--growth", f)] + [growth_files[0]]
    growth = json.loads(run(command, capture_output=True, text=True).stdout)["growth"]
    print("\ncost as one document grows (its bytes repeated k times), CPU milliseconds in process:\n")
    print("| document | k | KB | ms | ms/KB |")
    print("|---|---|---|---|---|")
    for row in growth:
        print(f"| {os.path.basename(row['file'])} | {row['k']} | {row['kilobytes']:.0f} | {row['milliseconds']:.1f} "
              f"| {row['milliseconds'] / row['kilobytes']:.3f} |")

    print("\nmemory of a batch over a mixed archive (all kinds, copies and broken files among them):\n")
    print("| documents | MB | seconds | docs/s | peak MB | DB KB/doc | done | failed |")
    print("|---|---|---|---|---|---|---|---|")
    for count in [args.count] + ([args.large] if args.large else []):
        folder = archive(work, None, count, distinct=False)
        size = sum(os.path.getsize(f) for f in glob.glob(os.path.join(folder, "**", "*"), recursive=True)
                   if os.path.isfile(f))
        wall, cpu, peak, done, failed, database = batch(binary, folder, work, args.jobs)
        print(f"| {count} | {size / 1e6:.1f} | {wall:.1f} | {count / wall:.0f} | {peak:.0f} | {database / count / 1024:.1f} "
              f"| {done} | {failed} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
