#!/usr/bin/env bash
# Start-up time: from launching the jar to GET /health answering 200, on embedded H2 with the bundled sample data.
# Measures RUNS (5) first starts (empty data folder: migrations and the CRM sample load) and restarts (same data),
# first plainly, then with a class data sharing archive trained in this run (-XX:SharedArchiveFile, JDK 17's
# AppCDS: the classes Docket loads are stored pre-parsed once, and later starts map them instead of loading them).
# Prints every time and the medians in ms.
#
# Usage: bench/startup.sh [JAR]      default: target/docket-*.jar (./mvnw package -DskipTests builds it)
set -euo pipefail
cd "$(dirname "$0")/.." && source bench/median.sh
jar=${1:-$(ls target/docket-*.jar | grep -v original | head -1)}
runs=${RUNS:-5}
port=${PORT:-18089}
work=$(mktemp -d)
# Every Docket this script launches appends its PID here (start() runs in a command substitution, whose
# variables and traps never reach this shell); the trap stops exactly those, nothing matched by a pattern.
pids=$work/pids
stop_started() { [[ -f $pids ]] && while read -r p; do kill "$p" 2>/dev/null || true; done < "$pids"; rm -rf "$work"; }
trap stop_started EXIT

# start LABEL JAVA-OPTIONS...: one start; prints the ms until /health answered and stops Docket again.
start() {
  local data=$work/data start end
  local -a opts=("${@:2}")
  start=$(date +%s%N)
  DOCKET_DATA_DIR=$data DOCKET_PORT=$port java "${opts[@]}" -jar "$jar" > "$work/log.txt" 2>&1 &
  local pid=$!
  echo "$pid" >> "$pids"
  until curl -sf "localhost:$port/health" > /dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "Docket exited; log:" >&2; tail -20 "$work/log.txt" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

measure() {  # LABEL JAVA-OPTIONS...
  local first=() again=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/data"
    first+=("$(start "$@")")
    again+=("$(start "$@")")
  done
  printf '%-22s first start: %s -> median %s ms\n' "$1" "${first[*]}" "$(printf '%s\n' "${first[@]}" | median)"
  printf '%-22s restart:     %s -> median %s ms\n' "$1" "${again[*]}" "$(printf '%s\n' "${again[@]}" | median)"
}

echo "jar: $jar; $(java -version 2>&1 | head -1); $runs runs each"
measure "plain" -Dno.cds=true
# Train the archive: one start with the sample data, a ranking and an explanation served, then a clean stop.
rm -rf "$work/data"
DOCKET_DATA_DIR=$work/data DOCKET_PORT=$port java -XX:ArchiveClassesAtExit="$work/docket.jsa" \
  -jar "$jar" > "$work/train.txt" 2>&1 &
train=$!
echo "$train" >> "$pids"
until curl -sf "localhost:$port/health" > /dev/null 2>&1; do sleep 0.1; done
curl -sf "localhost:$port/api/ranking?size=50" > /dev/null
curl -sf "localhost:$port/api/contracts/$(curl -sf "localhost:$port/api/ranking?size=1" | jq '.items[0].contract.id')/explanation" > /dev/null
kill "$train"; wait "$train" 2>/dev/null || true
echo "class data sharing archive: $(du -h "$work/docket.jsa" | cut -f1)"
measure "with CDS archive" -XX:SharedArchiveFile="$work/docket.jsa"
