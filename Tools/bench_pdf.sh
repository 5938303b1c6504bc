#!/usr/bin/env bash
# Pages per second reading PDFs, tablefix beside the tools people use on the same files in
# the same run: born-digital PDFs (LibreOffice's and WeasyPrint's of the fixtures) with
# `tablefix repair` and `pdftotext -layout`; scans (300 and 150 dpi) with `tablefix repair`
# (OCR with geometry) and `pdftoppm -r 300 -gray` + `tesseract -l chi_sim` (plain OCR).
#
# usage: Tools/bench_pdf.sh [SCANS]   (SCANS: how many scanned files of each resolution, default 3)
# Needs a release build (Tools/build-release --product tablefix), poppler-utils and tesseract-ocr-chi-sim.
set -euo pipefail
cd "$(dirname "$0")/.."
scans=${1:-3}
tablefix=.build/release/tablefix
[[ -x $tablefix ]] || { echo "bench_pdf: build first: Tools/build-release --product tablefix" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pages() { local n=0 f; for f in "$@"; do n=$((n + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done; echo "$n"; }
now() { date +%s.%N; }
# run NAME KIND FILES...: times NAME's command over the files and prints one row.
row() {
  local name=$1 kind=$2; shift 2
  local start end count
  count=$(pages "$@")
  start=$(now)
  for file in "$@"; do "measure_$name" "$file"; done
  end=$(now)
  awk -v n="$name" -v k="$kind" -v f="$#" -v p="$count" -v s="$start" -v e="$end" \
    'BEGIN { t = e - s; printf "| %-22s | %-12s | %5d | %5d | %8.2f | %8.2f |\n", n, k, f, p, t, p / t }'
}
measure_tablefix() { "$tablefix" repair "$1" --format json >/dev/null; }
measure_pdftotext() { pdftotext -layout "$1" /dev/null; }
measure_tesseract() {
  rm -f "$work"/p-*
  pdftoppm -r 300 -gray "$1" "$work/p"
  local page
  for page in "$work"/p-*.pgm; do tesseract "$page" - -l chi_sim >/dev/null 2>&1; done
}

born=()
for file in Samples/fixtures/variants/*/*.pdf; do
  # Scans, and the PDFs whose text layer is read by OCR (unmapped fonts, an OCR layer), are
  # not born-digital reading.
  case $file in *.scan* | *.nounicode.pdf | *.ocrlayer.pdf) ;; *) born+=("$file") ;; esac
done
mapfile -t scan300 < <(ls Samples/fixtures/variants/*/*.scan300.pdf | head -n "$scans")
mapfile -t scan150 < <(ls Samples/fixtures/variants/*/*.scan150.pdf | head -n "$scans")

echo "| tool                   | input        | files | pages |  seconds |  pages/s |"
echo "|------------------------|--------------|-------|-------|----------|----------|"
row tablefix born-digital "${born[@]}"
row pdftotext born-digital "${born[@]}"
row tablefix "scan 300 dpi" "${scan300[@]}"
row tesseract "scan 300 dpi" "${scan300[@]}"
row tablefix "scan 150 dpi" "${scan150[@]}"
row tesseract "scan 150 dpi" "${scan150[@]}"
