#!/usr/bin/env bash
# The candidate check of issue 10 (guard), before and after, in one run: ReloadBenchmark (guard, compile, probe,
# scenario tests) for the real rules folder and for 200 rules, first on BASE (default: the merge base with main,
# exported with git archive into a temporary folder and built there), then on this working tree.
# Prints the medians and p90 of both and the ratio after/before. JMH options after BASE go to both runs
# (default -wi 3 -i 5: a quick look). JMH refuses to start while another JMH holds /tmp/jmh.lock; on a machine
# shared with other benchmarks, JAVA_TOOL_OPTIONS=-Djmh.ignoreLock=true lets it run (and the numbers say so).
#
# Usage: bench/guard.sh [BASE] [JMH options...]      results: target/jmh-guard-before.json, target/jmh-guard-after.json
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-$(git merge-base HEAD main)}
shift || true
options=("$@")
[ ${#options[@]} -eq 0 ] && options=(-wi 3 -i 5)
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
git archive "$base" | tar -x -C "$before"
(cd "$before" && bench/jmh.sh ReloadBenchmark "$PWD/before.json" -p rules=real,200 "${options[@]}")
mkdir -p target
cp "$before/before.json" target/jmh-guard-before.json
bench/jmh.sh ReloadBenchmark target/jmh-guard-after.json -p rules=real,200 "${options[@]}"

echo
echo "Candidate check, before ($base) and after ($(git rev-parse --short HEAD)):"
jq -r -s 'map(map({key: .params.rules, value: {m: .primaryMetric.scorePercentiles["50.0"], p90: .primaryMetric.scorePercentiles["90.0"]}})
          | from_entries) as [$b, $a]
  | ["rules", "before median", "before p90", "after median", "after p90", "after/before"],
    (["real", "200"][] as $r
     | def ms(x): if x then "\(x | round) ms" else "-" end;
       [$r, ms($b[$r].m), ms($b[$r].p90), ms($a[$r].m), ms($a[$r].p90),
        (if $b[$r] and $a[$r] then "\($a[$r].m / $b[$r].m * 100 | round / 100)x" else "-" end)])
  | @tsv' target/jmh-guard-before.json target/jmh-guard-after.json | column -t -s $'\t'
