#!/usr/bin/env bash
# HTTP load test of a running Docket with wrk (Debian package wrk): a ranking page of 50, an explanation, a contract
# update, and the bare reference endpoints, all in one run so the ratios compare like with like; then invalid
# requests alone and as a paced flood next to paced ranking reads. One row per measurement: requests per second,
# p50 / p90 / p99 latency, status classes, and Docket's RSS when PID is given.
#
# Start Docket with the reference endpoints on and a backlog loaded, for example 100,000 generated contracts:
#   DOCKET_BENCH_REFERENCE_ENDPOINTS=true DOCKET_SAMPLE_GENERATED=100000 java -jar target/docket-*.jar
# then: PID=<its pid> DOCKET_TOKEN=<token> bench/http-load.sh http://localhost:8080
# Writes (updates, invalid and oversized bodies) send DOCKET_TOKEN, which needs the legal role; start Docket with
# DOCKET_INITIAL_TOKEN=<32+ characters> DOCKET_INITIAL_TOKEN_ROLES=legal and pass the same value.
#
# Unpaced rows run ROUNDS (3) times, alternating bare and page so drift hits both alike, and report the median
# round. A third reference, a ready-made body as large as the page (/bench/bytes/N), tells what the page's bytes
# cost wrk, the kernel and Netty from what the page costs Docket. "gzip" rows send Accept-Encoding: gzip, as browsers and dashboards do. Paced rows hold a constant rate
# (bench/wrk/pace.lua). Settings (environment): DURATION (20s), THREADS (2), CONNECTIONS (32), ROUNDS (3),
# RATE_PAGE (1000 req/s), RATE_EXPLAIN (200), RATE_UPDATE (100), RATE_FLOOD (1000), IDS (2000 contracts to explain
# and update), PID. wrk and Docket share the machine: on 2 cores the unpaced rows measure both.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:-http://localhost:8080}
duration=${DURATION:-20s}
export THREADS=${THREADS:-2}
connections=${CONNECTIONS:-32}
rounds=${ROUNDS:-3}
rate_page=${RATE_PAGE:-1000}
rate_explain=${RATE_EXPLAIN:-200}
rate_update=${RATE_UPDATE:-100}
rate_flood=${RATE_FLOOD:-1000}
id_count=${IDS:-2000}
page="/api/ranking?size=50"
gzip="Accept-Encoding: gzip"
ids=$(mktemp) && out=$(mktemp) && results=$(mktemp)
trap 'rm -f "$ids" "$out" "$out.flood" "$results"; kill $(jobs -p) 2>/dev/null || true' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
curl -sf "$url/bench/bare" >/dev/null || { echo "$url/bench/bare does not answer: start Docket with DOCKET_BENCH_REFERENCE_ENDPOINTS=true" >&2; exit 1; }

total=$(curl -sf "$url/api/ranking?size=1" | jq .total)
# Ids spread over the whole queue, ready and not ready alike.
stride=$(( total / id_count > 0 ? total / id_count : 1 ))
for p in $(seq 0 $(( (total - 1) / 500 ))); do
  curl -sf "$url/api/ranking?size=500&page=$p" | jq -r '.items[].contract.id'
done | awk -v s="$stride" -v n="$id_count" 'NR % s == 0 && c < n { print; c++ }' > "$ids"
export IDS_FILE=$ids
echo "backlog: $total open contracts; $(wc -l < "$ids") ids for explanations and updates; $duration per measurement"

rss() {
  if [ -n "${PID:-}" ]; then echo "$(( $(ps -o rss= -p "$PID") / 1024 )) MB"; else echo "-"; fi
}
# wrk_once RATE SCRIPT PATH [HEADER]: one wrk run; prints its RESULT line.
wrk_once() {
  local rate=$1 script=$2 path=$3 header=${4:-}
  RATE=$rate wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout 5s ${header:+-H "$header"} \
    -s "bench/wrk/$script" "$url$path" > "$out" 2>&1 || true
  grep '^RESULT' "$out" || { cat "$out" >&2; echo "RESULT failed"; }
}
# row NAME RATE RESULT-LINE: prints a table row and keeps it for the summary.
row() {
  printf '%-36s %6s  %s  rss=%s\n' "$1" "${2/#0/max}" "${3#RESULT }" "$(rss)" | tee -a "$results"
}
field() {  # NAME RESULT-LINE
  sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"
}

echo "--- warm-up (not reported)"
for path in "$page" "/bench/bare" "/bench/bare-blocking"; do
  RATE=0 wrk -t"$THREADS" -c"$connections" -d15s -s bench/wrk/get.lua "$url$path" > /dev/null
done
RATE=0 wrk -t"$THREADS" -c"$connections" -d15s -H "$gzip" -s bench/wrk/get.lua "$url$page" > /dev/null
RATE=0 wrk -t"$THREADS" -c8 -d15s -s bench/wrk/explain.lua "$url" > /dev/null

# The same number of bytes from the reference controller: what the page's size costs wrk, the kernel and Netty.
page_bytes=$(curl -sf "$url$page" | wc -c)
echo "--- unpaced throughput: median of $rounds rounds (a page is $page_bytes bytes, $(curl -sf -H "$gzip" "$url$page" | wc -c) gzipped)"
declare -A runs
for r in $(seq "$rounds"); do
  runs[bare]+="$(wrk_once 0 get.lua /bench/bare)"$'\n'
  runs[page]+="$(wrk_once 0 get.lua "$page")"$'\n'
  runs[sized]+="$(wrk_once 0 get.lua "/bench/bytes/$page_bytes")"$'\n'
  runs[bare_gzip]+="$(wrk_once 0 get.lua /bench/bare "$gzip")"$'\n'
  runs[page_gzip]+="$(wrk_once 0 get.lua "$page" "$gzip")"$'\n'
done
median_run() {  # KEY: the round with the median throughput
  grep RESULT <<< "${runs[$1]}" | awk '{ split($4, a, "="); print a[2], $0 }' | sort -g | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }' \
    | cut -d' ' -f2-
}
bare=$(median_run bare); page_run=$(median_run page); bare_gz=$(median_run bare_gzip); page_gz=$(median_run page_gzip)
sized=$(median_run sized)
row "bare endpoint" 0 "$bare"
row "ranking page of 50" 0 "$page_run"
row "bare endpoint, page-sized body" 0 "$sized"
row "bare endpoint, gzip" 0 "$bare_gz"
row "ranking page of 50, gzip" 0 "$page_gz"
awk -v p="$(field rps "$page_run")" -v b="$(field rps "$bare")" -v pg="$(field rps "$page_gz")" -v bg="$(field rps "$bare_gz")" \
  -v s="$(field rps "$sized")" \
  'BEGIN { printf "ranking page / bare endpoint: %.0f%% (identity), %.0f%% (gzip); / a bare body of the same size: %.0f%%\n",
           100 * p / b, 100 * pg / bg, 100 * p / s }' | tee -a "$results"

echo "--- paced"
row "bare endpoint" "$rate_page" "$(wrk_once "$rate_page" get.lua /bench/bare)"
row "ranking page of 50" "$rate_page" "$(wrk_once "$rate_page" get.lua "$page")"
row "ranking page of 50, gzip" "$rate_page" "$(wrk_once "$rate_page" get.lua "$page" "$gzip")"
row "explanation" "$rate_explain" "$(wrk_once "$rate_explain" explain.lua /)"
row "contract update (gate flip)" "$rate_update" "$(wrk_once "$rate_update" update.lua /)"

echo "--- invalid requests: alone as fast as they go, then a paced flood next to paced ranking reads"
row "invalid bodies" 0 "$(wrk_once 0 invalid.lua /)"
row "oversized bodies (1.1 MB)" 0 "$(wrk_once 0 oversized.lua /)"
THREADS=1 RATE=$rate_flood wrk -t1 -c16 -d"$duration" --timeout 5s -s bench/wrk/invalid.lua "$url" > "$out.flood" 2>&1 &
flood=$!
sleep 1
row "ranking page of 50, during flood" "$rate_page" "$(wrk_once "$rate_page" get.lua "$page")"
wait "$flood" || true
row "invalid bodies (the flood)" "$rate_flood" "$(grep '^RESULT' "$out.flood" || echo "RESULT failed")"
