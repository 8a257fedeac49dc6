package dev.docket.ranking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.RuleScoring;
import dev.docket.rules.scoring.ScoringProperties;
import dev.docket.bench.SyntheticRules;
import dev.docket.contract.Contract;
import dev.docket.facts.ContractFact;
import dev.docket.sample.CrmDeals;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One edited contract taken into a ranking of the whole backlog, as IncrementalEdits does after a write commits:
 * score the contract alone with the ranking's rules, then move its slot ({@link Ranking#withEdit}). The database
 * reads around it are left out here; the HTTP load test measures the whole write. Each call edits a random
 * contract, alternately doubling its deal value and putting it back, so the backlog stays the same size and shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IncrementalBenchmark {

    @Param({"1000", "10000", "100000"})
    public int contracts;

    private final SplittableRandom random = new SplittableRandom(11);
    private CompiledRuleSet ruleSet;
    private ExecutorService executor;
    // As IncrementalEdits scores an edit: on the rule-scoring executor, watched by the caller against the time limit.
    private RuleScoring scoring;
    private List<ContractFact> originals;
    private List<ContractSummary> summaries;
    private boolean[] edited;
    private Ranking ranking;
    private Instant now;

    @Setup
    public void rankBacklog() {
        ruleSet = SyntheticRules.realRuleSet();
        executor = Executors.newCachedThreadPool();
        scoring = new RuleScoring(executor, new ScoringProperties(Duration.ofSeconds(1), Duration.ofMinutes(5), 200));
        now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        CrmDeals generator = new CrmDeals(1);
        originals = generator.facts(contracts, today);
        summaries = new ArrayList<>(contracts);
        List<Ranking.Slot> slots = new ArrayList<>(contracts);
        List<ContractFact> scored = new ArrayList<>(contracts);
        for (int i = 0; i < contracts; i++) {
            Contract c = generator.stored(i, now).contract();
            summaries.add(ContractSummary.of(new Contract(i + 1L, c.externalRef(), c.title(), c.account(), c.owner(), c.team(),
                    c.product(), c.contractType(), c.paper(), c.dealAmount(), c.dealCurrency(), c.expansionAmount(),
                    c.expansionCurrency(), c.targetCloseDate(), c.status(), c.submittedAt(), c.readySince(), c.assignee(),
                    c.createdAt(), c.updatedAt(), 0L)));
            ContractFact fact = originals.get(i).toBuilder().build();
            scored.add(fact);
            slots.add(new Ranking.Slot(summaries.get(i), fact));
        }
        ruleSet.score(scored);
        slots.sort(Ranking.ORDER);
        ranking = new Ranking(slots, ruleSet, now, today, 0);
        edited = new boolean[contracts];
    }

    @TearDown
    public void stopExecutor() {
        executor.shutdownNow();
    }

    @Benchmark
    public Ranking updateOne() {
        int i = random.nextInt(contracts);
        ContractFact original = originals.get(i);
        ContractFact fact = edited[i] ? original.toBuilder().build()
                : original.toBuilder().dealValue(original.getDealValue().multiply(BigDecimal.valueOf(2)), original.getCurrency(),
                        original.getDealValueBase() * 2).build();
        edited[i] = !edited[i];
        ContractFact scored = scoring.score(ruleSet, List.of(fact)).facts().get(0);
        ranking = ranking.withEdit(fact.getId(), new Ranking.Slot(summaries.get(i), scored), now);
        return ranking;
    }
}
