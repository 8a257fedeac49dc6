package dev.docket.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.docket.rules.check.CheckResult;
import dev.docket.rules.check.StandaloneChecks;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleSource;
import dev.docket.sample.CrmDeals;

/**
 * Reloads the real rule set the way ActiveRuleSet does, many times over, and prints heap, metaspace and
 * class counts after a forced GC every 100 reloads. Flat numbers mean reloads leak nothing; a leak shows
 * as growth proportional to the number of reloads. Run with a fixed heap (see docs/performance.md):
 * <pre>./mvnw -Pbench -q test-compile exec:exec@soak</pre>
 */
public final class ReloadSoak {

    private static final int REPORT_EVERY = 100;
    private static final int FACTS = 500;

    private ReloadSoak() {
    }

    public static void main(String[] args) throws InterruptedException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<RuleSource> base = SyntheticRules.real();
        CrmDeals contracts = new CrmDeals(1);
        LocalDate today = LocalDate.now();
        long[] checkMillis = new long[REPORT_EVERY];
        CompiledRuleSet live = null;
        System.out.printf("%9s %9s %9s %9s %9s %10s %10s %9s %9s %9s%n", "iteration", "check ms", "heap MB",
                "meta MB", "ccs MB", "loaded", "total", "unloaded", "code MB", "jit s");
        for (int i = 1; i <= iterations; i++) {
            CheckResult result = StandaloneChecks.checker().check(SyntheticRules.edited(base, i));
            if (!result.ok()) {
                throw new IllegalStateException("Reload " + i + " failed its checks: " + result.problems());
            }
            // Rank a backlog with the new set, then let the previous one go, as a swap in ActiveRuleSet does.
            result.ruleSet().score(contracts.facts(FACTS, today));
            live = result.ruleSet();
            checkMillis[(i - 1) % REPORT_EVERY] = result.took().toMillis();
            if (i == 1) {
                report(i, result.took().toMillis());
            } else if (i % REPORT_EVERY == 0) {
                long[] block = checkMillis.clone();
                Arrays.sort(block);
                report(i, block[block.length / 2]);
            }
        }
        System.out.println("Live rule set at the end: " + live.version() + " (" + live.ruleNames().size() + " rules)");
    }

    private static void report(int iteration, long checkMillis) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long compiledMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        System.out.printf(Locale.ROOT, "%9d %9d %9.1f %9.1f %9.1f %10d %10d %9d %9.1f %9.1f%n", iteration, checkMillis,
                mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()), mb(pool("Metaspace")),
                mb(pool("Compressed Class Space")), classes.getLoadedClassCount(), classes.getTotalLoadedClassCount(),
                classes.getUnloadedClassCount(), mb(pool("CodeHeap") + pool("Code Cache")), compiledMillis / 1000.0);
    }

    /** Used bytes of the non-heap pools whose name starts with {@code prefix}. */
    private static long pool(String prefix) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.NON_HEAP && p.getName().startsWith(prefix))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
