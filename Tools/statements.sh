#!/bin/sh
# Prints the statements the narrative reader finds in each FILE (cleaned as `tablefix
# repair` cleans it, with the template and year reconstruction finds), one per line:
#   L12 requests.new = 3 件 «3» → requests new.total [why it is not linked, if it is not]
#
#     Tools/statements.sh Samples/shared/wendeng-health-2023.txt …
set -e
cd "$(dirname "$0")/.."
files=""
for file in "$@"; do
    case "$file" in /*) ;; *) file="$PWD/$file" ;; esac
    files="${files:+$files:}$file"
done
TABLEFIX_STATEMENTS="$files" swift test --filter StatementToolTests 2>&1 | sed -n '/^== /,/^[✔✘◇↳]/p' | grep -v '^[✔✘◇↳]'
