package dev.docket.rules.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.source.RuleSource;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The limits inside every scoring session: a contract the rules fail on, loop on or overrun is parked and named,
 * the others are scored as if it were not there, and the contribution's rule name is Docket's, not the rule text's.
 */
class ScoringLimitsTest {

    private static final ScoringLimits TIGHT = new ScoringLimits(Duration.ofMillis(200), Duration.ofSeconds(30), 200);
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    @Test
    void aFiringThatReturnsLate_parksItsContractOnly_andTheOthersScoreAsUsual() {
        CompiledRuleSet rules = busyOnOneTitle("Slow on one", "slow", "plusMillis(600)");
        List<ContractFact> facts = facts("calm", "slow", "calm too");

        List<ScoringFailure> failures = rules.score(facts, TIGHT, null, new ScoringWatch());

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.contractId()).isEqualTo(2);
            assertThat(f.rule()).isEqualTo("Slow on one");
            assertThat(f.kind()).isEqualTo(ScoringFailure.Kind.TIMED_OUT);
        });
        assertThat(facts.get(1).isParked()).isTrue();
        assertThat(facts.get(1).getLane()).isEqualTo(Lane.NOT_READY);
        assertThat(facts.get(1).getBlockers()).singleElement().asString()
                .startsWith("Docket could not score this contract: rule 'Slow on one' ran over the time limit of 200 ms");
        assertThat(facts.get(1).getContributions()).isEmpty();
        for (ContractFact calm : List.of(facts.get(0), facts.get(2))) {
            assertThat(calm.isParked()).isFalse();
            assertThat(calm.getContributions()).containsExactly(new Contribution("Everyone", 2.0, "for all"));
        }
    }

    @Test
    void aRuleThatReTriggersItself_isStoppedAtTheFiringLimitForThatContract() {
        CompiledRuleSet rules = compile(rule("Again", "$c : ContractFact( account == \"loop\" )", "$c.add(1.0, \"again\");\n    update($c);"),
                rule("Once", "$c : ContractFact( )", "$c.add(3.0, \"once\");"));
        List<ContractFact> facts = facts("a", "b");
        facts.set(1, facts.get(1).toBuilder().account("loop").build());

        List<ScoringFailure> failures = rules.score(facts, TIGHT, null, new ScoringWatch());

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.contractId()).isEqualTo(2);
            assertThat(f.kind()).isEqualTo(ScoringFailure.Kind.LOOPED);
            assertThat(f.message()).contains("fired more than 200 times");
        });
        assertThat(facts.get(0).getScore()).isEqualTo(3.0);
    }

    @Test
    void aFiringThatDoesNotReturnInTime_isAbandonedByTheWaitingCaller_whoIsNeverHeldLongerThanTheLimit() {
        CompiledRuleSet rules = busyOnOneTitle("Stuck on one", "stuck", "plusSeconds(3)");
        RuleScoring scoring = new RuleScoring(EXECUTOR, new ScoringProperties(Duration.ofMillis(200), Duration.ofSeconds(30), 200));
        long start = System.nanoTime();

        RuleScoring.Outcome outcome = scoring.score(rules, facts("calm", "stuck"));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("Stuck on one"));
        assertThat(outcome.facts().get(1).isParked()).isTrue();
        assertThat(outcome.facts().get(0).getContributions()).containsExactly(new Contribution("Everyone", 2.0, "for all"));
    }

    @Test
    void theRuleNameIsDocketsWhateverTheRuleWrites() {
        CompiledRuleSet rules = compile(rule("Borrowed name", "$c : ContractFact( )",
                "$c.add(\"Deal value\", 1.0, \"x\");\n    $c.add(2.0, \"y\");"));
        ContractFact fact = facts("a").get(0);

        rules.score(List.of(fact));

        assertThat(fact.getContributions()).extracting(Contribution::rule).containsExactly("Borrowed name", "Borrowed name");
    }

    /**
     * A rule that keeps its thread busy (Instant.now().{@code busyFor}) and then adds a point to the contract titled
     * {@code title} (its reason is that title), next to one that adds 2 points to everyone.
     */
    private static CompiledRuleSet busyOnOneTitle(String name, String title, String busyFor) {
        return compile(rule(name, "$c : ContractFact( title == \"" + title + "\" )",
                        "java.time.Instant end = java.time.Instant.now()." + busyFor + ";\n"
                                + "    while (java.time.Instant.now().isBefore(end)) { }\n    $c.add(1.0, \"" + title + "\");"),
                rule("Everyone", "$c : ContractFact( )", "$c.add(2.0, \"for all\");"));
    }

    private static CompiledRuleSet compile(String... rules) {
        // The limits are the second line of defence, so they are tested on code the bytecode guard (the first) refuses.
        return RuleSetCompiler.compileWithoutBytecodeGuard(List.of(new RuleSource("limits.drl",
                "package docket.policy;\nimport dev.docket.facts.ContractFact;\n\n" + String.join("\n", rules))));
    }

    private static String rule(String name, String when, String then) {
        return "rule \"" + name + "\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static List<ContractFact> facts(String... titles) {
        List<ContractFact> facts = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            facts.add(ContractFact.builder(i + 1).title(titles[i]).account("acct").contractType("OTHER")
                    .readySince(Instant.parse("2025-06-09T10:00:00Z"), 4).build());
        }
        return facts;
    }
}
