#!/usr/bin/env bash
# Starts Docket from target/classes (H2 file database, fresh) on $PORT and runs WebhookLatency against it with the
# arguments given (e.g. --rate 100 --seconds 60). JFR=1 records a flight recording to $WORK/docket.jfr.
# Needs: ./mvnw -Pbench -q test-compile && ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
set -euo pipefail
port=${PORT:-18402}
work=${WORK:-$(mktemp -d)}
token=dkt_webhookbench_0123456789abcdef0123456789
jfr=()
[[ -n "${JFR:-}" ]] && jfr=("-XX:StartFlightRecording=filename=$work/docket.jfr,settings=profile")
DOCKET_DATA_DIR=$work/data DOCKET_PORT=$port DOCKET_SAMPLE_ENABLED=false DOCKET_INITIAL_TOKEN=$token \
  DOCKET_INITIAL_TOKEN_ROLES=admin,legal,metrics \
  java -Xmx512m "${jfr[@]}" -cp "${CLASSES:-target/classes}:$(cat target/classpath.txt)" dev.docket.Application \
  >"$work/docket.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -fs "http://localhost:$port/health" >/dev/null 2>&1 && break; sleep 1; done
echo "$(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); work $work"
for args in "$@"; do
  ./mvnw -Pbench -q exec:exec@webhooks -Dwebhooks.args="--url http://localhost:$port --token $token $args"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
