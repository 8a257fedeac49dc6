#!/usr/bin/env bash
# The ranking benchmark of docs/performance.md: a full re-rank of 1,000, 10,000 and 100,000 generated contracts
# with every contribution and reason, by the real rules through Docket's scoring path (a) and by the same policy
# hand-written in plain Java (b, the floor), and a single contract's update taken into a ranking of that size (c).
# Prints medians, the ratio (a)/(b) measured in the same run, and (c). About 15 minutes; JMH options after the
# command (for example -wi 1 -i 3 for a quick look) go to JMH.
#
# Usage: bench/rerank.sh [JMH options...]      results: target/jmh-rerank.json
set -euo pipefail
cd "$(dirname "$0")/.."
json=target/jmh-rerank.json
bench/jmh.sh 'RankingBenchmark|IncrementalBenchmark' "$json" "$@"

echo
echo "Medians ($json):"
jq -r -L bench 'include "jmh";
  by_size({median: in_ms("50.0"), p90: in_ms("90.0")}) as $r
  | ["contracts", "(a) Drools re-rank", "(a) on 1 thread", "(b) plain Java", "(a)/(b)", "(a) 1 thread/(b)", "(c) one update", "(c) p90"],
    (sizes[] as $n | $r["\($n)/drools"] as $a | $r["\($n)/droolsOneThread"] as $a1 | $r["\($n)/plainJava"] as $b
     | $r["\($n)/updateOne"] as $c
     | [$n,
        (if $a then "\($a.median * 10 | round / 10) ms" else "-" end),
        (if $a1 then "\($a1.median * 10 | round / 10) ms" else "-" end),
        (if $b then "\($b.median * 10 | round / 10) ms" else "-" end),
        (if $a and $b then "\($a.median / $b.median * 10 | round / 10)x" else "-" end),
        (if $a1 and $b then "\($a1.median / $b.median * 10 | round / 10)x" else "-" end),
        (if $c then "\($c.median * 1000 | round) us" else "-" end),
        (if $c then "\($c.p90 * 1000 | round) us" else "-" end)])
  | @tsv' "$json" | column -t -s $'\t'
