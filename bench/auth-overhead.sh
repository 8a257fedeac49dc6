#!/usr/bin/env bash
# What authentication costs a read: the ranking page of 50 and an explanation, each anonymous and with a bearer API
# token, in one run, alternating so drift hits both alike. ROUNDS (5) unpaced wrk runs of DURATION (10s) per row;
# prints each row's median requests per second and median p99, and token / anonymous ratios.
# Start Docket with a token for the run, e.g.
#   DOCKET_INITIAL_TOKEN=$(openssl rand -hex 32) DOCKET_INITIAL_TOKEN_ROLES=viewer java -jar target/docket-*.jar
# then: DOCKET_TOKEN=<the same value> bench/auth-overhead.sh http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/.." && source bench/median.sh
url=${1:-http://localhost:8080}
token=${DOCKET_TOKEN:?set DOCKET_TOKEN to the token Docket was started with}
duration=${DURATION:-10s}
rounds=${ROUNDS:-5}
export THREADS=${THREADS:-2}
connections=${CONNECTIONS:-32}
page="/api/ranking?size=50"
id=$(curl -sf "$url/api/ranking?size=1" | jq '.items[0].contract.id')
explain="/api/contracts/$id/explanation"
out=$(mktemp) && trap 'rm -f "$out" "$out".*' EXIT
curl -sf -H "Authorization: Bearer $token" "$url$page" > /dev/null || { echo "the token is not accepted" >&2; exit 1; }

run() {  # NAME PATH [HEADER]: one unpaced wrk run, appends "rps p99_ms" to $out.NAME
  RATE=0 wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout 5s ${3:+-H "$3"} -s bench/wrk/get.lua "$url$2" \
    | sed -n 's/^RESULT .* rps=\([^ ]*\) .* p99_ms=\([^ ]*\) .*statuses=\(.*\)$/\1 \2 \3/p' >> "$out.$1"
}
echo "--- warm-up (not reported)"
for h in "" "Authorization: Bearer $token"; do
  RATE=0 wrk -t"$THREADS" -c"$connections" -d10s ${h:+-H "$h"} -s bench/wrk/get.lua "$url$page" > /dev/null
  RATE=0 wrk -t"$THREADS" -c"$connections" -d10s ${h:+-H "$h"} -s bench/wrk/get.lua "$url$explain" > /dev/null
done
for r in $(seq "$rounds"); do
  run page_anon "$page"
  run page_token "$page" "Authorization: Bearer $token"
  run explain_anon "$explain"
  run explain_token "$explain" "Authorization: Bearer $token"
done
row() {  # NAME
  printf '%-14s rps %8.0f  p99 %6.2f ms  statuses %s\n' "$1" "$(cut -d' ' -f1 "$out.$1" | median)" \
    "$(cut -d' ' -f2 "$out.$1" | median)" "$(cut -d' ' -f3 "$out.$1" | sort -u | tr '\n' ' ')"
}
echo "--- median of $rounds rounds of $duration, $THREADS threads, $connections connections"
for k in page_anon page_token explain_anon explain_token; do row "$k"; done
for k in page explain; do
  awk -v a="$(cut -d' ' -f1 "$out.${k}_anon" | median)" -v t="$(cut -d' ' -f1 "$out.${k}_token" | median)" \
      -v pa="$(cut -d' ' -f2 "$out.${k}_anon" | median)" -v pt="$(cut -d' ' -f2 "$out.${k}_token" | median)" -v k="$k" \
      'BEGIN { printf "%s: token / anonymous throughput %.1f%%, p99 %+.2f ms\n", k, 100 * t / a, pt - pa }'
done
