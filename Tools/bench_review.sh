#!/usr/bin/env bash
# Benchmarks the review report of a batch database: how long `tablefix review DB` takes,
# how large the HTML is, and how fast it opens and responds in headless Chromium.
#
#   Tools/bench_review.sh [SIZE...]                       # default: 2000
#   CONFIG=debug SCRATCH=.build-review Tools/bench_review.sh 1000 3000
#   TABLEFIX=/path/to/tablefix Tools/bench_review.sh 2000  # a binary already built
#
# For each size: makes a synthetic archive (Tools/make_archive.py, a .zip read entry by
# entry), batches it into a database, writes the report, then opens report.html#selftest
# in Chromium RUNS times (default 3). The page's self-test records, with performance.now():
#   ready      navigation start to the end of the page's script: HTML parsed, data
#              inflated, index read, queue and document list built
#   index      parsing the index (documents, queue) alone
#   open       building one document's view (tables, text diff), mean over the first 20
#   key        handling one key press (j, k, c …): mean over the scripted review
#   threshold  recomputing queue and counts for a new threshold
# and prints the median of each. Work folder: $WORK (default /tmp/tablefix-bench-review).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
((${#sizes[@]})) || sizes=(2000)
config=${CONFIG:-release}
scratch=${SCRATCH:-.build}
runs=${RUNS:-3}
work=${WORK:-/tmp/tablefix-bench-review}
mkdir -p "$work"

browser=$(Tools/install-browser)
if [[ -n ${TABLEFIX:-} ]]; then
  binary=$TABLEFIX
else
  swift build -c "$config" --scratch-path "$scratch" --product tablefix >&2
  binary="$scratch/$config/tablefix"
fi

printf '%-9s %-8s %-7s %-9s %-8s %-9s %-8s %-8s %-8s %-10s\n' \
  documents cells queue report_MB write_s ready_ms index_ms open_ms key_ms threshold_ms
for size in "${sizes[@]}"; do
  archive="$work/archive-$size"
  [[ -f "$archive.zip" ]] || python3 Tools/make_archive.py "$archive" --count "$size" --zip --no-folder >&2
  database="$work/out-$size.db"
  if [[ ! -f "$database" ]]; then
    "$binary" batch "$archive.zip" -o "$database" --quiet --allow-failures >&2 || (($? == 2))
  fi
  report="$work/report-$size.html"
  start=$(date +%s.%N)
  # Exit status 2: the archive's broken files are in the report as not read.
  "$binary" review "$database" -o "$report" --quiet || (($? == 2))
  end=$(date +%s.%N)
  results=()
  for ((run = 0; run < runs; run++)); do
    profile=$(mktemp -d)
    result="$work/selftest-$size-$run.json"
    "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
      --user-data-dir="$profile" --dump-dom "file://$(realpath "$report")#selftest" 2>/dev/null |
      python3 -c 'import html, re, sys
m = re.search(r"<pre id=\"selftest-result\">(.*?)</pre>", sys.stdin.read(), re.S)
sys.stdout.write(html.unescape(m.group(1)) if m else "{}")' >"$result"
    rm -rf "$profile"
    results+=("$result")
  done
  python3 - "$size" "$report" "$start" "$end" "${results[@]}" <<'PY'
import json, os, statistics, sys
size, report, start, end, *files = sys.argv[1:]
runs = [json.load(open(f)) for f in files]
runs = [r for r in runs if r.get("ready_ms") is not None]
if not runs:
    sys.exit("bench_review: the page's self-test did not run (see " + files[0] + ")")
errors = [e for r in runs for e in r.get("errors", [])]
if errors:
    print("self-test errors:", errors[:3], file=sys.stderr)
def median(key, f=lambda v: v):
    return statistics.median(f(r[key]) for r in runs)
key_ms = lambda steps: statistics.mean(s["ms"] for s in steps) if steps else 0
print("%-9d %-8d %-7d %-9.1f %-8.1f %-9.0f %-8.1f %-8.1f %-8.1f %-10.1f" % (
    runs[0]["documents"], runs[0]["queue_total"], runs[0]["below"], os.path.getsize(report) / 1e6,
    float(end) - float(start), median("ready_ms"), median("index_parse_ms"), median("render_ms"),
    median("steps", key_ms), median("threshold_ms")))
PY
done
