#!/usr/bin/env bash
# Times GET /api/ranking?size=50 against a running Docket: warm (nothing changed since the last read) and
# cold (right after a write to a contract, which the ranking has to take in), and the write itself.
# The write flips the signatory-known gate of the top contract, alternately open and passed.
# RUNS (10) timed reads of each kind after one warm-up; prints the medians in seconds.
#
# Usage: DOCKET_TOKEN=<token with the legal role> bench/ranking.sh [URL]      default: http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/.." && source bench/median.sh
url=${1:-http://localhost:8080}
runs=${RUNS:-10}

read_ranking() {
  curl -s -o /dev/null -w '%{time_total}\n' "$url/api/ranking?size=50"
}
flip_gate() {  # $1: contract id, $2: true or false; prints the time the write took
  local code time
  read -r code time < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X PUT -H 'Content-Type: application/json' \
    -H "Authorization: Bearer ${DOCKET_TOKEN:?set DOCKET_TOKEN to a token with the legal role}" -d "{\"passed\": $2}" "$url/api/contracts/$1/gates/signatory-known")
  [ "$code" = 200 ] || { echo "setting a gate of contract $1 answered $code" >&2; exit 1; }
  echo "$time"
}

id=$(curl -s "$url/api/ranking?size=1" | jq '.items[0].contract.id')
echo "backlog: $(curl -s "$url/api/ranking?size=1" | jq .total) open contracts; flipping a gate of contract $id"
read_ranking > /dev/null

cold=()
writes=()
for i in $(seq "$runs"); do
  writes+=("$(flip_gate "$id" $([ $((i % 2)) = 1 ] && echo false || echo true))")
  cold+=("$(read_ranking)")
done
flip_gate "$id" true > /dev/null   # leave the contract as it was
read_ranking > /dev/null
warm=()
for i in $(seq "$runs"); do
  warm+=("$(read_ranking)")
done
echo "cold reads (after a write): ${cold[*]}"
echo "warm reads:                 ${warm[*]}"
echo "writes (gate flips):        ${writes[*]}"
echo "median cold: $(printf '%s\n' "${cold[@]}" | median) s"
echo "median warm: $(printf '%s\n' "${warm[@]}" | median) s"
echo "median write: $(printf '%s\n' "${writes[@]}" | median) s"
