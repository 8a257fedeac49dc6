package dev.docket.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.docket.facts.ContractFact;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable policy. Scoring runs the facts through fresh sessions of this rule set, so a ranking
 * is always computed wholly with one version.
 * <p>
 * A policy whose rules each look at one contract ({@link RuleForms#perContract}) scores a large backlog in
 * chunks, each in a session of its own, spread over the cores. A session holds a match for every rule and
 * contract it has seen until it is disposed; small sessions keep that memory short-lived and in cache, which
 * is what made one session over 100,000 contracts spend most of its time in the garbage collector. A policy
 * with a rule that compares contracts needs them all in one session and gets exactly that.
 */
public final class CompiledRuleSet {

    // A well-behaved policy fires a handful of rules per contract; far more means a rule re-triggers itself.
    private static final int FIRINGS_PER_CONTRACT_LIMIT = 200;
    /** Contracts per session; measured in docs/performance.md (250 to 2,000 are within noise of each other). */
    static final int CHUNK = 1_000;
    /** Threads a large re-rank may use; -Ddocket.scoring.threads=1 keeps it on one core of a shared host. */
    private static final int THREADS = Math.max(1, Integer.getInteger("docket.scoring.threads",
            Runtime.getRuntime().availableProcessors()));
    /** Below this a second thread costs more than it saves. */
    private static final int PARALLEL_FROM = 4 * CHUNK;
    private static final ExecutorService PARTITIONS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "docket-scoring");
        thread.setDaemon(true);
        return thread;
    });

    private final KieBase kieBase;
    private final String version;
    private final Instant compiledAt;
    private final List<RuleSource> sources;
    private final List<String> ruleNames;
    private final boolean perContract;

    CompiledRuleSet(KieBase kieBase, String version, Instant compiledAt, List<RuleSource> sources, List<String> ruleNames) {
        this.kieBase = kieBase;
        this.version = version;
        this.compiledAt = compiledAt;
        this.sources = List.copyOf(sources);
        this.ruleNames = List.copyOf(ruleNames);
        this.perContract = RuleForms.perContract(this.sources);
    }

    /** Runs the rules over the facts, which collect their contributions and blockers in place. */
    public void score(Collection<ContractFact> facts) {
        if (!perContract || facts.size() <= CHUNK) {
            scoreInOneSession(facts);
            return;
        }
        List<ContractFact> all = facts instanceof List<ContractFact> list ? list : new ArrayList<>(facts);
        int partitions = all.size() < PARALLEL_FROM ? 1 : THREADS;
        if (partitions == 1) {
            scoreInChunks(all);
            return;
        }
        int size = (all.size() + partitions - 1) / partitions;
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int from = size; from < all.size(); from += size) {
            List<ContractFact> part = all.subList(from, Math.min(all.size(), from + size));
            others.add(CompletableFuture.runAsync(() -> scoreInChunks(part), PARTITIONS));
        }
        scoreInChunks(all.subList(0, size));
        try {
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Whether every rule looks at one contract at a time, so one contract may be scored alone. */
    public boolean perContract() {
        return perContract;
    }

    private void scoreInChunks(List<ContractFact> facts) {
        for (int from = 0; from < facts.size(); from += CHUNK) {
            scoreInOneSession(facts.subList(from, Math.min(facts.size(), from + CHUNK)));
        }
    }

    private void scoreInOneSession(Collection<ContractFact> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            for (ContractFact fact : facts) {
                session.insert(fact);
            }
            int limit = Math.max(1_000, facts.size() * FIRINGS_PER_CONTRACT_LIMIT);
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new IllegalStateException("Rule set " + version + " fired " + fired
                        + " times for " + facts.size() + " contracts and was stopped; a rule probably re-triggers itself");
            }
        } finally {
            session.dispose();
        }
    }

    public String version() { return version; }
    public Instant compiledAt() { return compiledAt; }
    public List<RuleSource> sources() { return sources; }
    public List<String> ruleNames() { return ruleNames; }
}
