package dev.docket.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.rules.scoring.ScoringFailure;
import dev.docket.rules.scoring.ScoringLimits;
import dev.docket.rules.scoring.ScoringWatch;
import dev.docket.facts.ContractFact;
import dev.docket.sample.CrmDeals;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full re-rank of a generated backlog, with every contribution and its reason: the real rules in rules/ through
 * Docket's scoring path ({@code drools}, chunked sessions over every core; {@code droolsOneThread} on one) against the
 * same policy hand-written in plain Java ({@code plainJava}, the floor, one thread). Both get fresh copies of the same facts for every call, copied outside the measured time, and both end
 * with the backlog in queue order. The single-contract update is in {@link IncrementalBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 10, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RankingBenchmark {

    @Param({"1000", "10000", "100000"})
    public int contracts;

    private CompiledRuleSet ruleSet;
    // Declared in application.yml in Docket (micronaut.executors.rule-scoring); the benchmark owns one of the same kind.
    private ExecutorService executor;
    private List<ContractFact> generated;
    private List<ContractFact> backlog;

    @Setup
    public void compileAndGenerate() {
        ruleSet = SyntheticRules.realRuleSet();
        executor = Executors.newCachedThreadPool();
        generated = new CrmDeals(1).facts(contracts, LocalDate.now());
    }

    @TearDown
    public void stopExecutor() {
        executor.shutdownNow();
    }

    @Setup(Level.Invocation)
    public void freshFacts() {
        List<ContractFact> copies = new ArrayList<>(generated.size());
        for (ContractFact fact : generated) {
            copies.add(fact.toBuilder().build());
        }
        backlog = copies;
    }

    @Benchmark
    public List<ContractFact> drools() {
        // Docket's ranking path: within the time limits, chunks spread over the executor (see RuleScoring).
        List<ScoringFailure> failures = ruleSet.score(backlog, ScoringLimits.DEFAULT, executor, new ScoringWatch());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the real rules failed: " + failures);
        }
        List<ContractFact> queue = new ArrayList<>(backlog);
        queue.sort(QueueOrder.COMPARATOR);
        return queue;
    }

    /** (a) on one thread, for a like-for-like ratio with the single-threaded floor. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Ddocket.scoring.threads=1"})
    public List<ContractFact> droolsOneThread() {
        return drools();
    }

    @Benchmark
    public List<ContractFact> plainJava() {
        return PlainJavaPolicy.rank(backlog);
    }
}
