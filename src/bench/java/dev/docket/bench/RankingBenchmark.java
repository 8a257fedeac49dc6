package dev.docket.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.docket.facts.ContractFact;
import dev.docket.rules.CandidateChecker;
import dev.docket.rules.CheckResult;
import dev.docket.rules.CompiledRuleSet;
import dev.docket.sample.ContractGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring a backlog with the real rules: one session, every fact inserted, all rules fired. Facts collect
 * contributions in place, so each call gets freshly generated ones (built outside the measured time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RankingBenchmark {

    @Param({"1000", "10000"})
    public int facts;

    private final ContractGenerator contracts = new ContractGenerator(1);
    private final LocalDate today = LocalDate.now();
    private CompiledRuleSet ruleSet;
    private List<ContractFact> backlog;

    @Setup
    public void compile() {
        CheckResult result = CandidateChecker.check(SyntheticRules.real());
        if (!result.ok()) {
            throw new IllegalStateException("The rules folder fails its checks: " + result.problems());
        }
        ruleSet = result.ruleSet();
    }

    @Setup(Level.Invocation)
    public void freshFacts() {
        backlog = contracts.facts(facts, today);
    }

    @Benchmark
    public List<ContractFact> score() {
        ruleSet.score(backlog);
        return backlog;
    }
}
