#!/usr/bin/env bash
# Builds a class data sharing archive for Docket (JDK 17 AppCDS): starts it once on a throw-away embedded
# database with the sample data, serves a ranking page, and stops it; the JVM writes the classes it loaded to
# ARCHIVE on exit. Later starts with -XX:SharedArchiveFile=ARCHIVE map them instead of loading them again,
# about 40% faster to healthy (docs/performance.md). The archive is only valid for the same JVM and jar.
#
# Usage: docker/train-cds.sh JAR ARCHIVE [RULES_FOLDER]      needs bash and java, nothing else (no curl)
set -euo pipefail
jar=${1:?JAR}
archive=${2:?ARCHIVE}
rules=${3:-rules}
port=18765
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

DOCKET_DATA_DIR=$work DOCKET_PORT=$port DOCKET_RULES_FOLDER=$rules DOCKET_RULES_WATCH=false \
  java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" > "$work/log.txt" 2>&1 &
pid=$!

get() {  # PATH: prints the status line of GET PATH, over bash's /dev/tcp
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$1" >&3
  local status
  IFS= read -r status <&3 || true
  cat <&3 > /dev/null || true
  exec 3<&-
  echo "$status"
}

for _ in $(seq 1 600); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Docket exited during CDS training:" >&2
    tail -n 30 "$work/log.txt" >&2
    exit 1
  fi
  if get /health 2>/dev/null | grep -q ' 200 '; then
    break
  fi
  sleep 0.2
done
get '/api/ranking?size=50' > /dev/null
get /api/rules/status > /dev/null
kill "$pid"
wait "$pid" || true
[ -s "$archive" ] || { echo "no archive written to $archive" >&2; tail -n 30 "$work/log.txt" >&2; exit 1; }
echo "class data sharing archive: $archive ($(du -h "$archive" | cut -f1))"
