package dev.docket.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.docket.rules.check.PolicyGuard;
import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.check.StandaloneChecks;
import dev.docket.rules.scenario.ScenarioRunner;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleSource;

/**
 * Where a reload's time goes: the median of each stage of CandidateChecker.check, measured after warm-up,
 * for the real rules folder and for sets grown to 20 and 200 rules. A companion to ReloadBenchmark, which
 * measures the whole check.
 * <pre>./mvnw -Pbench -q test-compile exec:exec@stages</pre>
 */
public final class ReloadStages {

    private static final int WARMUP = 30;
    private static final int MEASURED = 30;

    private ReloadStages() {
    }

    public static void main(String[] args) {
        System.out.printf("%8s %10s %10s %10s %10s %10s%n", "rules", "guard ms", "compile ms", "probe ms", "scenario ms", "total ms");
        for (String set : List.of("real", "20", "200")) {
            List<RuleSource> sources = set.equals("real") ? SyntheticRules.real() : SyntheticRules.withTotal(Integer.parseInt(set));
            List<RuleSource> scenarios = sources.stream().filter(s -> s.kind() == RuleSource.Kind.SCENARIO).toList();
            double[][] stages = new double[4][MEASURED];
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                List<RuleSource> edited = SyntheticRules.edited(sources, i);
                double[] took = new double[4];
                time(took, 0, () -> PolicyGuard.check(edited));
                CompiledRuleSet compiled = time(took, 1, () -> RuleSetCompiler.compile(edited));
                time(took, 2, () -> StandaloneChecks.probe().check(compiled));
                time(took, 3, () -> ScenarioRunner.run(compiled, scenarios));
                if (i >= WARMUP) {
                    for (int s = 0; s < 4; s++) {
                        stages[s][i - WARMUP] = took[s];
                    }
                }
            }
            double[] medians = Arrays.stream(stages).mapToDouble(ReloadStages::median).toArray();
            System.out.printf(Locale.ROOT, "%8s %10.1f %10.1f %10.1f %10.1f %10.1f%n", set, medians[0], medians[1], medians[2],
                    medians[3], Arrays.stream(medians).sum());
        }
    }

    private static <T> T time(double[] took, int stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        took[stage] = (System.nanoTime() - start) / 1e6;
        if (result instanceof List<?> problems && !problems.isEmpty()) {
            throw new IllegalStateException("Stage " + stage + " found problems: " + problems);
        }
        return result;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
