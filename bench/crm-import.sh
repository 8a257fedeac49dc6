#!/usr/bin/env bash
# CRM import (issue 13): the shared Maven Analytics export (8,800 rows) as the pipeline file alone (the baseline)
# and as its four files, dry run and apply, then 100,000 generated rows streamed as a job (dry run and apply),
# polling the job's progress. Heap: jvm.memory.used{area=heap} from /metrics before, during (max of the polls) and
# after each large import, plus the GC log's heap after each collection.
# Docket runs from target/classes on embedded H2 (file, in a temporary folder), with -Xmx512m.
#
# Usage: bench/crm-import.sh      (./mvnw -q -B compile first; needs curl and jq; PORT defaults to 18501;
#        CLASSES=a copy of target/classes, to measure while a build in this checkout rewrites target/)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18501}
export_dir=${EXPORT_DIR:-src/test/resources/crm-sales-opportunities}
rows=${ROWS:-100000}
work=$(mktemp -d)
token=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
pid=
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap stop EXIT

[[ -f target/classpath.txt ]] || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
DOCKET_DATA_DIR=$work/data DOCKET_PORT=$port DOCKET_SAMPLE_ENABLED=false DOCKET_INITIAL_TOKEN=$token \
  DOCKET_INITIAL_TOKEN_ROLES=admin,legal,metrics \
  java -Xmx512m -Xlog:gc:file="$work/gc.log" -cp "${CLASSES:-target/classes}:$(cat target/classpath.txt)" dev.docket.Application \
  > "$work/docket.log" 2>&1 &
pid=$!
until curl -sf "localhost:$port/health" > /dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "Docket exited; log:" >&2; tail -20 "$work/docket.log" >&2; exit 1; }
  sleep 0.2
done
auth=(-H "Authorization: Bearer $token")
heap() { curl -sf "${auth[@]}" "localhost:$port/metrics/jvm.memory.used?tag=area:heap" | jq '.measurements[0].value / 1048576 | floor'; }
files() { for p in pipeline:sales_pipeline accounts:accounts products:products sales_teams:sales_teams; do
  printf -- '-F %s=@%s/%s.csv ' "${p%%:*}" "$export_dir" "${p#*:}"; done; }

# timed LABEL CURL-ARGS...: one import that waits for its end; prints seconds and totals.
timed() {
  local label=$1; shift
  local out
  out=$(curl -s -w '\n%{time_total}' "${auth[@]}" -X POST "$@")
  printf '%-44s %6.2f s  %s\n' "$label" "$(tail -1 <<< "$out")" "$(head -1 <<< "$out" | jq -c '[.state, .totals]')"
}

echo "$(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
for run in 1 2 3; do
  timed "pipeline alone, dry run (baseline) #$run" -H 'Content-Type: text/csv' --data-binary @"$export_dir/sales_pipeline.csv" "localhost:$port/api/imports"
  # shellcheck disable=SC2046
  timed "four files, dry run #$run" $(files) "localhost:$port/api/imports"
done
# shellcheck disable=SC2046
timed "four files, apply (8,800 created)" $(files) "localhost:$port/api/imports?dryRun=false"
for run in 1 2; do
  # shellcheck disable=SC2046
  timed "four files, apply again (unchanged) #$run" $(files) "localhost:$port/api/imports?dryRun=false"
done

# The generated file: the export's shape, unique ids, every seventh open deal without an account.
awk -v n="$rows" 'BEGIN { print "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";
  split("Moses Frase,Darcel Schlecht,Anna Snelling,Versie Hillebrand", a, ","); split("GTX Basic,GTXPro,MG Special,GTK 500", p, ",");
  split("Won,Lost,Engaging,Prospecting", s, ",");
  for (i = 0; i < n; i++) { st = s[i % 4 + 1]; closed = i % 4 < 2;
    printf "GEN%d,%s,%s,%s,%s,%s,%s\n", i, a[i % 4 + 1], p[int(i / 4) % 4 + 1], (i % 7 == 0 ? "" : "Account " i % 500), st,
      (st == "Prospecting" ? "" : (1 + i % 12) "/" (1 + i % 28) "/2017"),
      (closed ? (1 + i % 12) "/" (1 + i % 28) "/2018," (100 + i % 9000) : ",") } }' > "$work/generated.csv"
echo "generated: $rows rows, $(( $(stat -c %s "$work/generated.csv") / 1024 )) KB"

# job LABEL QUERY: posts the generated file with Prefer: respond-async and polls its Location until it has finished.
job() {
  local before after max=0 h location start end view percents=()
  curl -sf "${auth[@]}" -X POST "localhost:$port/actuator/gc" > /dev/null 2>&1 || true
  before=$(heap)
  start=$(date +%s%N)
  location=$(curl -s -D - -o /dev/null "${auth[@]}" -H 'Prefer: respond-async' -F pipeline=@"$work/generated.csv" \
    -F products=@"$export_dir/products.csv" -F sales_teams=@"$export_dir/sales_teams.csv" "localhost:$port/api/imports$2" \
    | tr -d '\r' | awk -F': ' 'tolower($1) == "location" { print $2 }')
  while :; do
    view=$(curl -sf "${auth[@]}" "localhost:$port$location")
    percents+=("$(jq .progress.percent <<< "$view")")
    h=$(heap); (( h > max )) && max=$h
    [[ $(jq -r .state <<< "$view") == DONE || $(jq -r .state <<< "$view") == FAILED ]] && break
    sleep 0.5
  done
  end=$(date +%s%N)
  after=$(heap)
  printf '%-44s %6.2f s  %s\n' "$1" "$(( (end - start) / 1000000 ))e-3" "$(jq -c '[.state, .totals]' <<< "$view")"
  printf '    progress seen: %s\n    heap used MB: before %s, max while running %s, after %s\n' "${percents[*]}" "$before" "$max" "$after"
  curl -sf "${auth[@]}" "localhost:$port$location/rows?page=9&size=10000" | jq -c '{page, size, total, rows: (.rows | length)}' | sed 's/^/    rows page 9: /'
}
job "generated $rows rows, dry run (job)" ""
job "generated $rows rows, apply (job)" "?dryRun=false"
echo "GC log, heap after each collection (MB), last 5: $(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$work/gc.log" | tail -5 | tr '\n' ' ')"
echo "max heap after any GC: $(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1) MB of 512 MB"
echo "Phases of each import, from Docket's log (ms):"
grep -oE 'CRM import [0-9]+ \(.*' "$work/docket.log" | sed 's/^CRM import [0-9]* /    /' || echo "    (this build does not log them)"
