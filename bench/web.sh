#!/usr/bin/env bash
# The web pages under load (issue 14), with wrk paced to RATE: the queue page, a filtered and searched queue page
# (a pass over every contract), the contract page for ids spread over the queue, and the flow report over a year;
# with the ranking API's page of 50 as the baseline measured in the same run. Then each page's bytes, gzipped, with
# the scripts and styles it loads.
#
# Start Docket with a backlog, for example: DOCKET_SAMPLE_GENERATED=100000 java -jar target/docket-*.jar
# then: bench/web.sh http://localhost:8080
# Settings (environment): DURATION (20s), THREADS (2), CONNECTIONS (8), RATE (50 requests per second), IDS (500).
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:-http://localhost:8080}
duration=${DURATION:-20s}
export THREADS=${THREADS:-2}
connections=${CONNECTIONS:-8}
rate=${RATE:-50}
id_count=${IDS:-500}
ids=$(mktemp) && out=$(mktemp)
trap 'rm -f "$ids" "$out"' EXIT
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

total=$(curl -sf "$url/api/ranking?size=1" | jq .total)
stride=$(( total / id_count > 0 ? total / id_count : 1 ))
for p in $(seq 0 $(( (total - 1) / 500 ))); do
  curl -sf "$url/api/ranking?size=500&page=$p" | jq -r '.items[].contract.id'
done | awk -v s="$stride" -v n="$id_count" 'NR % s == 0 && c < n { print; c++ }' > "$ids"
export IDS_FILE=$ids
year_to=$(date -u +%F); year_from=$(date -u -d '-364 days' +%F)
echo "backlog: $total open contracts; $duration per row at $rate requests/s"

run() {  # NAME SCRIPT PATH
  RATE=$rate wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout 5s -H "Accept-Encoding: gzip" \
    -s "bench/wrk/$2" "$url$3" > "$out" 2>&1 || true
  printf '%-40s %s\n' "$1" "$(grep '^RESULT' "$out" | sed 's/^RESULT //' || cat "$out")"
}
run "ranking API page of 50 (baseline)" get.lua "/api/ranking?size=50"
run "queue page /" get.lua "/"
run "queue page, filtered + searched" get.lua "/?type=MSA&q=for&page=3"
run "contract page /contracts/{id}" contract-page.lua "/"
run "flow report over a year" get.lua "/api/reports/flow?from=$year_from&to=$year_to"

echo
echo "bytes sent, gzipped (page + the scripts and styles it loads):"
size() { curl -s -o /dev/null -H "Accept-Encoding: gzip" -w '%{size_download}' "$url$1"; }
first=$(head -1 "$ids")
for page in "/" "/contracts/$first" "/policy" "/rules" "/approvals" "/fairness" "/flow"; do
  html=$(size "$page")
  assets=0
  for asset in $(curl -s "$url$page" | grep -oE '(src|href)="/(webjars|static)/[^"]+' | sed -E 's/^(src|href)="//'); do
    assets=$(( assets + $(size "$asset") ))
  done
  printf '%-24s html %7d B  assets %7d B  total %7d B\n' "$page" "$html" "$assets" $(( html + assets ))
done
