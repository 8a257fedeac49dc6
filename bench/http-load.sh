#!/usr/bin/env bash
# HTTP load test of a running Docket with wrk (Debian package wrk): a ranking page of 50, an explanation, a contract
# update, and the bare reference endpoints, all in one run so the ratios compare like with like; then a flood of
# invalid requests next to paced ranking reads. Prints one table row per measurement (throughput, p50, p90, p99).
#
# Start Docket with the reference endpoints on and a backlog loaded, for example 100,000 generated contracts:
#   DOCKET_BENCH_REFERENCE_ENDPOINTS=true DOCKET_SAMPLE_GENERATED=100000 java -jar target/docket-*.jar
# then: bench/http-load.sh http://localhost:8080
#
# Settings (environment): DURATION (20s per measurement), THREADS (2), CONNECTIONS (32), RATE_PAGE (1000 req/s),
# RATE_EXPLAIN (200), RATE_UPDATE (100), RATE_FLOOD (1000 invalid requests/s), IDS (2000 contracts to explain and update), PID (Docket's pid: RSS is
# sampled after each measurement). wrk and Docket share the machine: on 2 cores the unpaced rows measure both.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:-http://localhost:8080}
duration=${DURATION:-20s}
export THREADS=${THREADS:-2}
connections=${CONNECTIONS:-32}
rate_page=${RATE_PAGE:-1000}
rate_explain=${RATE_EXPLAIN:-200}
rate_update=${RATE_UPDATE:-100}
rate_flood=${RATE_FLOOD:-1000}
id_count=${IDS:-2000}
ids=$(mktemp) && out=$(mktemp) && trap 'rm -f "$ids" "$out"; kill $(jobs -p) 2>/dev/null || true' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
curl -sf "$url/bench/bare" >/dev/null || { echo "$url/bench/bare does not answer: start Docket with DOCKET_BENCH_REFERENCE_ENDPOINTS=true" >&2; exit 1; }

total=$(curl -sf "$url/api/ranking?size=1" | jq .total)
# Ids spread over the whole queue, ready and not ready alike.
stride=$(( total / id_count > 0 ? total / id_count : 1 ))
for page in $(seq 0 $(( (total - 1) / 500 ))); do
  curl -sf "$url/api/ranking?size=500&page=$page" | jq -r '.items[].contract.id'
done | awk -v s="$stride" -v n="$id_count" 'NR % s == 0 && c < n { print; c++ }' > "$ids"
export IDS_FILE=$ids
echo "backlog: $total open contracts; $(wc -l < "$ids") ids for explanations and updates; $duration per measurement"

rss() {
  [ -n "${PID:-}" ] && echo "$(( $(ps -o rss= -p "$PID") / 1024 )) MB" || echo "-"
}
# run NAME RATE SCRIPT PATH: one wrk measurement; RATE 0 means as fast as it goes.
run() {
  local name=$1 rate=$2 script=$3 path=$4
  RATE=$rate wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout 5s -s "bench/wrk/$script" "$url$path" > "$out" 2>&1 || true
  local result
  result=$(grep '^RESULT' "$out" || { cat "$out" >&2; echo "RESULT failed"; })
  printf '%-34s %8s  %s  rss=%s\n' "$name" "${rate/#0/max}" "${result#RESULT }" "$(rss)"
}

echo "--- warm-up (not reported)"
for path in "/api/ranking?size=50" "/bench/bare" "/bench/bare-blocking"; do
  RATE=0 wrk -t"$THREADS" -c"$connections" -d10s -s bench/wrk/get.lua "$url$path" > /dev/null
done
RATE=0 wrk -t"$THREADS" -c8 -d10s -s bench/wrk/explain.lua "$url" > /dev/null

echo "--- measurements"
run "bare (event loop), unpaced"       0 get.lua "/bench/bare"
run "bare (blocking pool), unpaced"    0 get.lua "/bench/bare-blocking"
run "ranking page of 50, unpaced"      0 get.lua "/api/ranking?size=50"
run "bare (event loop), paced"         "$rate_page" get.lua "/bench/bare"
run "ranking page of 50, paced"        "$rate_page" get.lua "/api/ranking?size=50"
run "explanation, paced"               "$rate_explain" explain.lua "/"
run "contract update (gate), paced"    "$rate_update" update.lua "/"

echo "--- invalid requests: alone as fast as they go, then paced next to paced ranking reads"
run "invalid bodies, unpaced"          0 invalid.lua "/"
run "oversized bodies (1.1 MB), unpaced" 0 oversized.lua "/"
THREADS=1 RATE=$rate_flood wrk -t1 -c16 -d"$duration" --timeout 5s -s bench/wrk/invalid.lua "$url" > "$out.flood" 2>&1 &
flood=$!
sleep 1
run "ranking page of 50, during flood" "$rate_page" get.lua "/api/ranking?size=50"
wait "$flood" || true
printf '%-34s %8s  %s\n' "invalid bodies (the flood), paced" "$rate_flood" "$(grep '^RESULT' "$out.flood" | sed 's/^RESULT //')"
rm -f "$out.flood"
