package dev.docket.ranking;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.docket.explain.ExplanationService;
import dev.docket.facts.Contribution;
import dev.docket.facts.ContractFact;
import io.micronaut.context.ApplicationContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GET /api/contracts/{id}/explanation without HTTP: a Docket context on a fresh H2 with the bundled sample (and its
 * showcase), {@code explain} cycling every ranked contract, and the real rules scoring one copy of a contract, bare
 * ({@code scoreOne}) and with its reasons written out ({@code scoreOneWithReasons}, what a ranking page or an
 * explanation reads). Kept to what both this code and the rules before the rep-words rewrite have, so one file runs
 * on either and the two can be compared in one session (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExplanationBenchmark {

    private ApplicationContext context;
    private ExplanationService explanations;
    private Ranking ranking;
    private long[] ids;
    private int next;

    @Setup
    public void startDocket() throws IOException {
        context = ApplicationContext.run(Map.of(
                "docket.data.dir", Files.createTempDirectory("docket-explain-bench").toString(),
                "micronaut.server.port", "-1"));
        explanations = context.getBean(ExplanationService.class);
        ranking = context.getBean(RankingService.class).fresh();
        ids = new long[ranking.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ranking.entry(i).contract().id();
        }
        if (ids.length < 50) {
            throw new IllegalStateException("expected the bundled sample, found " + ids.length + " ranked contracts");
        }
    }

    @TearDown
    public void stopDocket() {
        context.close();
    }

    private int nextIndex() {
        next = (next + 1) % ids.length;
        return next;
    }

    @Benchmark
    public Object explain() {
        return explanations.explain(ids[nextIndex()]);
    }

    @Benchmark
    public ContractFact scoreOne() {
        ContractFact copy = ranking.slotFact(nextIndex()).toBuilder().build();
        ranking.ruleSet().score(new ArrayList<>(List.of(copy)));
        return copy;
    }

    @Benchmark
    public List<Contribution> scoreOneWithReasons() {
        return scoreOne().getContributions();
    }
}
