#!/usr/bin/env bash
# Runs JMH benchmarks from src/bench/java: bench/jmh.sh REGEX JSON [JMH options...]
# Compiles with -Pbench (a build without it deletes the JMH-generated classes), then runs org.openjdk.jmh.Main
# directly, so options such as "-wi 1 -i 2 -p contracts=10000" for a quick run pass through as they are.
# Results go to JSON; each benchmark's annotations give its warm-up, iterations and forks.
set -euo pipefail
cd "$(dirname "$0")/.."
regex=${1:?"benchmark regex, e.g. RankingBenchmark"}
json=${2:?"JSON file for the results"}
shift 2
./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$regex" "$@" \
  -rf json -rff "$json"
