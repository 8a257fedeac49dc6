package dev.docket.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.docket.rules.check.CheckResult;
import dev.docket.rules.check.StandaloneChecks;
import dev.docket.rules.source.RuleSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full check every reload runs (policy guard, compile, probe, scenario tests) on the real rules folder
 * and on rule sets grown to 20 and 200 rules. Each call checks a distinct version, as each save is.
 * SampleTime mode records every call, so JMH reports the median and p90 of single reloads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 10, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReloadBenchmark {

    /** "real" is the rules folder as it is; a number is the total rule count after adding generated rules. */
    @Param({"real", "20", "200"})
    public String rules;

    private List<RuleSource> sources;
    private int edit;

    @Setup
    public void setUp() {
        sources = rules.equals("real") ? SyntheticRules.real() : SyntheticRules.withTotal(Integer.parseInt(rules));
        CheckResult first = StandaloneChecks.checker().check(sources);
        if (!first.ok()) {
            throw new IllegalStateException("Rule set '" + rules + "' fails its checks: " + first.problems());
        }
        System.out.println("\nRule set '" + rules + "': " + first.ruleSet().ruleNames().size() + " rules");
    }

    @Benchmark
    public CheckResult check() {
        return StandaloneChecks.checker().check(SyntheticRules.edited(sources, ++edit));
    }
}
