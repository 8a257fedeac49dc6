package dev.docket.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.docket.facts.ContractFact;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable policy. Scoring runs every fact through one fresh session of this rule set,
 * so a ranking is always computed wholly with one version.
 */
public final class CompiledRuleSet {

    // A well-behaved policy fires a handful of rules per contract; far more means a rule re-triggers itself.
    private static final int FIRINGS_PER_CONTRACT_LIMIT = 200;

    private final KieBase kieBase;
    private final String version;
    private final Instant compiledAt;
    private final List<RuleSource> sources;
    private final List<String> ruleNames;

    CompiledRuleSet(KieBase kieBase, String version, Instant compiledAt, List<RuleSource> sources, List<String> ruleNames) {
        this.kieBase = kieBase;
        this.version = version;
        this.compiledAt = compiledAt;
        this.sources = List.copyOf(sources);
        this.ruleNames = List.copyOf(ruleNames);
    }

    /** Runs the rules over the facts, which collect their contributions and blockers in place. */
    public void score(Collection<ContractFact> facts) {
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
