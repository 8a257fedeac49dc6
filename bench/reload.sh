#!/usr/bin/env bash
# Times "save a rule file -> the ranking uses the new rules" against a running Docket that watches RULES_FOLDER:
# the file watcher's debounce (250 ms), the candidate check, and the background re-rank of the whole backlog.
# Each run appends a distinct comment to age.drl (a new version that ranks the same) and polls
# GET /api/ranking?size=1 until its ruleVersion changes. The file is restored at the end.
# RUNS (10) timed saves after one warm-up; prints each time and the median, in seconds.
#
# Usage: bench/reload.sh URL RULES_FOLDER      e.g. bench/reload.sh http://localhost:18080 /tmp/bench-rules
# RULES_FOLDER must be the folder that Docket watches; use a copy, not a folder others are editing.
set -euo pipefail
cd "$(dirname "$0")/.." && source bench/median.sh
url=${1:?URL}
file=${2:?RULES_FOLDER}/age.drl
runs=${RUNS:-10}
original=$(mktemp) && cp "$file" "$original"
trap 'cp "$original" "$file"; rm -f "$original"' EXIT

version() {
  curl -s "$url/api/ranking?size=1" | jq -r .ruleVersion
}
save_and_wait() {  # $1: a marker that makes this save a distinct version
  local before start
  before=$(version)
  start=$(date +%s.%N)
  { cat "$original"; echo "// reload benchmark $1"; } > "$file"
  for _ in $(seq 600); do
    if [ "$(version)" != "$before" ]; then
      awk -v end="$(date +%s.%N)" -v start="$start" 'BEGIN { printf "%.3f\n", end - start }'
      return
    fi
    sleep 0.02
  done
  echo "the ranking still used $before 12 s after the save" >&2
  exit 1
}

save_and_wait "warm-up $$" > /dev/null
times=()
for i in $(seq "$runs"); do
  t=$(save_and_wait "$$-$i")
  echo "save $i: ${t} s"
  times+=("$t")
done
echo "median of $runs: $(printf '%s\n' "${times[@]}" | median) s"
