#!/usr/bin/env bash
# Benchmarks `tablefix batch` on synthetic archives: documents/s, MB/s and peak memory for
# each size, so that a growing archive shows memory staying flat.
#
#   Tools/bench_batch.sh [SIZE...]            # default: 1000 10000
#   JOBS=2 FORMATS=text,html,docx SCRATCH=.build Tools/bench_batch.sh 1000 10000
#
# Builds the release binary, makes each archive with Tools/make_archive.py (a .zip, read
# entry by entry), runs the batch into a fresh database under /usr/bin/time -v, and prints
# one line per size. The work folder is $WORK (default /tmp/tablefix-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000)
jobs=${JOBS:-2}
formats=${FORMATS:-text,html,docx}
scratch=${SCRATCH:-.build}
work=${WORK:-/tmp/tablefix-bench}
mkdir -p "$work"

Tools/build-release --scratch-path "$scratch" --product tablefix >&2
binary="$scratch/release/tablefix"

printf '%-8s %-10s %-9s %-8s %-9s %-8s %-8s %-8s %-8s %s\n' \
  documents MB seconds docs/s MB/s peak_MB done failed linked db_KB/doc
for size in "${sizes[@]}"; do
  archive="$work/archive-$size"
  [[ -f "$archive.zip" ]] || python3 Tools/make_archive.py "$archive" --count "$size" --no-folder \
    --formats "$formats" >&2
  bytes=$(python3 -c "import sys, zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))" \
    "$archive.zip")
  database="$work/out-$size.db"
  rm -f "$database" "$database-wal" "$database-shm"
  timing="$work/time-$size.txt"
  /usr/bin/time -v "$binary" batch "$archive.zip" -o "$database" --jobs "$jobs" --quiet --allow-failures \
    2>"$timing"
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, part, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + part[i]; print s }' "$timing")
  peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$timing")
  counts=$(python3 -c "import sqlite3, sys
print('|'.join(map(str, sqlite3.connect(sys.argv[1]).execute('SELECT sum(done), sum(failed), sum(linked) FROM runs').fetchone())))" \
    "$database")
  IFS='|' read -r done failed linked <<<"$counts"
  # The database's size once its write-ahead log is folded in, per document of the archive.
  python3 -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')" "$database"
  dbbytes=$(stat -c %s "$database")
  awk -v n="$size" -v b="$bytes" -v s="$seconds" -v p="$peak" -v d="$done" -v f="$failed" -v l="$linked" \
    -v z="$dbbytes" 'BEGIN {
    printf "%-8d %-10.1f %-9.1f %-8.1f %-9.2f %-8s %-8s %-8s %-8s %.1f\n", n, b / 1e6, s, n / s, b / 1e6 / s, p, d, f, l,
      z / n / 1000 }'
done
