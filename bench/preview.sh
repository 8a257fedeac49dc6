#!/usr/bin/env bash
# Times POST /api/rules/preview against a running Docket: a candidate that changes one rule (age.drl, 3 points
# a business day raised to 4), ranked over the whole backlog with the active and the candidate set.
# One warm-up call, then RUNS (10) timed calls; prints each time and the median, in seconds.
#
# The folder's scenario tests pin 3 points a day, so that candidate would be refused (422) without ranking
# anything. The warm-up call finds the scenario files that fail and the candidate leaves them out, as an
# author would update them with the rule; the timed calls must then answer 200.
#
# Usage: bench/preview.sh [URL] [RULES_FOLDER]      defaults: http://localhost:8080 and ./rules
set -euo pipefail
cd "$(dirname "$0")/.." && source bench/median.sh
url=${1:-http://localhost:8080}
rules=${2:-rules}
runs=${RUNS:-10}
body=$(mktemp) && out=$(mktemp) && trap 'rm -f "$body" "$out"' EXIT

candidate() {  # $1: JSON array of scenario files to leave out
  sed 's/3\.0/4.0/g' "$rules/age.drl" | jq -Rs --argjson delete "$1" '{files: [{path: "age.drl", content: .}], delete: $delete}' > "$body"
}
post() {
  curl -s -o "$out" -w '%{http_code} %{time_total} %{size_download}\n' -H 'Content-Type: application/json' \
    -X POST --data-binary @"$body" "$url/api/rules/preview"
}

candidate '[]'
read -r code _ _ < <(post)
if [ "$code" = 422 ]; then
  failing=$(jq -c '[.problems[].file | select(startswith("tests/"))] | unique' "$out")
  echo "warm-up: 422; leaving out the scenario files that pin the old weight: $failing"
  candidate "$failing"
  read -r code _ _ < <(post)
fi
[ "$code" = 200 ] || { echo "warm-up answered $code:" >&2; head -c 2000 "$out" >&2; exit 1; }
jq -r '"backlog: \(.total) open contracts; the candidate moves \(.summary.moved) and lists \(.changes | length) changes"' "$out"

times=()
for i in $(seq "$runs"); do
  read -r code time size < <(post)
  [ "$code" = 200 ] || { echo "call $i answered $code" >&2; exit 1; }
  echo "call $i: ${time} s (${size} bytes)"
  times+=("$time")
done
echo "median of $runs: $(printf '%s\n' "${times[@]}" | median) s"
