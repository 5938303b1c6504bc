#!/usr/bin/env python3
"""Builds a synthetic scraped archive for `tablefix batch`: N documents made from the fixtures.

    Tools/make_archive.py OUT [--count 10000] [--zip] [--no-folder] [--seed 1] [--formats text,html,docx]
                              [--distinct]

Writes OUT/ (a folder tree, one sub-folder per site) and, with --zip, OUT.zip holding the same
files. Sources are Samples/shared/*.txt and every rendering in the variants folders of
Samples/fixtures (synthetic reports), Samples/real (published reports) and Samples/habits
(publishers' and converters' habits): text, HTML and DOCX, in UTF-8 and GB18030; PDFs and
timings are left out. Each document is made unique so that the batch repairs it: a numbered
line is appended to text, an HTML comment to HTML, an archive comment to DOCX. Mixed in,
deterministically:

- about 2 % exact copies of earlier documents under other names (the batch links them);
- about 1 % broken files: empty, binary junk, invalid UTF-8, a truncated DOCX;
- about 10 % of the text documents converted to GB18030 with iconv.

With --distinct there are no copies and no broken files: every file is a document to repair
(what a speed measurement per format wants).

Standard library only; seeded, so a rerun writes the same bytes. Prints one summary line.
"""

import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sources(formats):
    found = []
    shared = os.path.join(ROOT, "Samples", "shared")
    for name in sorted(os.listdir(shared)):
        if name.endswith(".txt"):
            found.append(os.path.join(shared, name))
    for collection in ("fixtures", "real", "habits"):
        variants = os.path.join(ROOT, "Samples", collection, "variants")
        if not os.path.isdir(variants):
            continue
        for report in sorted(os.listdir(variants)):
            folder = os.path.join(variants, report)
            for name in sorted(os.listdir(folder)):
                if name.endswith((".txt", ".html", ".docx")):
                    found.append(os.path.join(folder, name))
    return [path for path in found if kind(path) in formats]


def kind(path):
    if path.endswith(".docx"):
        return "docx"
    if path.endswith(".html"):
        return "html"
    return "text"


def is_gb(path):
    return ".gb." in os.path.basename(path)


def gb18030(data, cache={}):
    """UTF-8 bytes in GB18030, by iconv (Python's codec when iconv is missing)."""
    key = hash(data)
    if key not in cache:
        try:
            result = subprocess.run(["iconv", "-f", "UTF-8", "-t", "GB18030"], input=data, capture_output=True, check=True)
            cache[key] = result.stdout
        except (OSError, subprocess.CalledProcessError):
            cache[key] = data.decode("utf-8-sig").encode("gb18030")
    return cache[key]


def with_zip_comment(data, comment):
    """A zip package with `comment` as its archive comment (still a valid package)."""
    end = data.rfind(b"PK\x05\x06")
    if end < 0 or len(data) - end != 22:
        return data + comment  # not a plain package: trailing bytes make it unique all the same
    return data[: end + 20] + struct.pack("<H", len(comment)) + comment


def unique(data, path, number, gb):
    note = f"\n附：文档编号 {number}\n"
    if kind(path) == "docx":
        return with_zip_comment(data, f"archive document {number}".encode())
    if kind(path) == "html":
        marker = f"<!-- archive document {number} -->\n".encode()
        return data + marker
    return data + (note.encode("gb18030") if gb else note.encode("utf-8"))


def broken(number, rng, docx):
    choice = number % 4
    if choice == 0:
        return "empty.txt", b""
    if choice == 1:
        return "junk.bin", bytes(rng.getrandbits(8) for _ in range(2048))
    if choice == 2:
        return "bad-utf8.txt", "报告".encode() + b"\xff\xfe\xff\x80" + "正文".encode() + str(number).encode()
    return "truncated.docx", (docx[: len(docx) // 2] if docx else b"PK\x03\x04" + bytes(64)) + str(number).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", help="the folder to write (OUT.zip too with --zip)")
    parser.add_argument("--count", type=int, default=10000, help="number of documents (default 10000)")
    parser.add_argument("--zip", action="store_true", help="also write OUT.zip")
    parser.add_argument("--no-folder", action="store_true", help="write only OUT.zip")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default="text,html,docx", help="comma-separated: text, html, docx")
    parser.add_argument("--distinct", action="store_true", help="no copies and no broken files")
    args = parser.parse_args()

    formats = set(args.formats.split(","))
    pool = sources(formats)
    if not pool:
        sys.exit("make_archive: no fixtures found under Samples/")
    contents = {path: open(path, "rb").read() for path in pool}
    a_docx = next((contents[path] for path in pool if kind(path) == "docx"), None)
    rng = random.Random(args.seed)

    files = []  # (relative name, bytes)
    stats = {"duplicates": 0, "broken": 0, "gb18030": 0}
    for number in range(1, args.count + 1):
        site = f"site-{rng.randrange(50):02d}"
        roll = rng.random()
        if args.distinct:
            roll = 1.0
        if roll < 0.02 and files:
            name, data = files[rng.randrange(len(files))]
            files.append((f"{site}/copy-{number:05d}-{os.path.basename(name)}", data))
            stats["duplicates"] += 1
            continue
        if roll < 0.03:
            name, data = broken(number, rng, a_docx)
            files.append((f"{site}/broken-{number:05d}-{name}", data))
            stats["broken"] += 1
            continue
        path = pool[rng.randrange(len(pool))]
        data = contents[path]
        gb = is_gb(path)
        if kind(path) == "text" and not gb and rng.random() < 0.1:
            data = gb18030(data)
            gb = True
        stats["gb18030"] += gb and kind(path) == "text"
        base = os.path.basename(path)
        files.append((f"{site}/{number:05d}-{base}", unique(data, path, number, gb)))

    total = sum(len(data) for _, data in files)
    if not args.no_folder:
        if os.path.isdir(args.out):
            shutil.rmtree(args.out)
        for name, data in files:
            target = os.path.join(args.out, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
    if args.zip or args.no_folder:
        with zipfile.ZipFile(args.out.rstrip("/") + ".zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files:
                archive.writestr(name, data)
    print(
        f"make_archive: {len(files)} documents, {total / 1e6:.1f} MB, {stats['duplicates']} duplicates, "
        f"{stats['broken']} broken, {stats['gb18030']} GB18030 texts, from {len(pool)} fixtures "
        f"({', '.join(sorted(formats))})"
    )


if __name__ == "__main__":
    main()
