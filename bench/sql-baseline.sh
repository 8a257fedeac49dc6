#!/usr/bin/env bash
# The SQL baseline: a page of 50 read from the contract_ranking view (bench/sql/ranking-view.sql) on MariaDB,
# against the same page read from Docket's in-memory ranking, at 10,000 and 100,000 contracts
# (SqlBaselineBenchmark). Set-up creates, loads and drops a database of its own, and refuses to measure unless
# the view ranks exactly as the rules do. Prints the median of each benchmark and the ratio SQL / snapshot.
#
# Usage: bench/sql-baseline.sh                   the full run (annotated settings: 5 x 3 s warm-up, 10 x 3 s
#                                                measured, per benchmark and size; about 9 minutes)
#        bench/sql-baseline.sh JMH-OPTIONS...    with these JMH options, e.g. a short run:
#                                                bench/sql-baseline.sh -wi 1 -i 2 -w 1 -r 1 -f 1 -p contracts=10000
# Server: DOCKET_BENCH_MARIADB_URL (jdbc:mysql://127.0.0.1:3306/), _USER (root), _PASSWORD (empty).
# Needs jq. The results stay in target/jmh-SqlBaselineBenchmark.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=SqlBaselineBenchmark
json=target/jmh-$bench.json

bench/jmh.sh $bench "$json" "$@"

echo
echo "Median per page of 50, in ms ($json):"
jq -r -L bench 'include "jmh";
  def fmt: if . == null then "-" elif . >= 100 then (. * 10 | round / 10 | tostring)
           elif . >= 1 then (. * 100 | round / 100 | tostring) else (. * 1000 | round / 1000 | tostring) end;
  by_size(in_ms("50.0")) as $median
  | ["contracts", "page", "SQL view", "snapshot", "SQL / snapshot"],
    (sizes[] as $n | ["", "WithOffset"][] as $page
     | $median["\($n)/sqlViewPage\($page)"] as $sql | $median["\($n)/snapshotPage\($page)"] as $snap
     | select($sql != null or $snap != null)
     | [$n, (if $page == "" then "first (LIMIT 50)" else "OFFSET 5000" end), ($sql | fmt), ($snap | fmt),
        (if $sql != null and $snap != null and $snap > 0 then "\($sql / $snap | round)x" else "-" end)])
  | @tsv' "$json" | column -t -s $'\t'
