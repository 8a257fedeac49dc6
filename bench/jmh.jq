# Shared by the bench scripts that summarize JMH's JSON (jq -L bench 'include "jmh"; ...').

# A benchmark's percentile ("50.0", "90.0", ...) in milliseconds, whatever unit the benchmark reports in.
def in_ms($percentile):
  .primaryMetric as $m
  | ($m.scoreUnit | if startswith("ns") then 1e-6 elif startswith("us") then 1e-3 elif startswith("ms") then 1
                    else 1e3 end) * $m.scorePercentiles[$percentile];

# The results as an object keyed "<contracts>/<benchmark method>", each value f applied to its result.
def by_size(f): map({key: "\(.params.contracts)/\(.benchmark | split(".") | last)", value: f}) | from_entries;

# The backlog sizes the run measured, ascending.
def sizes: map(.params.contracts | tonumber) | unique;
