package dev.docket.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * ScenarioRunner against the default policy files: each kind of expectation passing and failing, the
 * file errors legal ops are most likely to make, and invariants catching deliberately broken rule sets.
 */
class ScenarioRunnerTest {

    static final String FILE = "tests/example.yaml";

    /** Ranks 1. B (20.0, READY), 2. A (10.0, READY), 3. C (30.0, NOT_READY); expectations start on line 11. */
    static final String BASE = """
            now: 2025-06-13T09:00:00Z
            contracts:
              A:
                dealValue: 10000
              B:
                dealValue: 100000
              C:
                dealValue: 1000000
                missingGates: [pricing-approved]
            expectations:
            """;
    static final String RANKING = "the ranking was: 1. B (20.0, READY), 2. A (10.0, READY), 3. C (30.0, NOT_READY)";

    static CompiledRuleSet policy;

    @BeforeAll
    static void compile() {
        policy = PolicyFiles.only("readiness.drl", "age.drl", "value.drl", "expansion.drl", "urgency.drl");
    }

    static List<RuleProblem> run(String yaml) {
        return ScenarioRunner.run(policy, List.of(new RuleSource(FILE, yaml)));
    }

    static List<RuleProblem> expect(String... expectations) {
        StringBuilder text = new StringBuilder(BASE);
        for (String e : expectations) {
            text.append("  - ").append(e).append('\n');
        }
        return run(text.toString());
    }

    /** The single problem, at the given line and column. */
    static String onlyProblemAt(List<RuleProblem> problems, int line, int column) {
        assertThat(problems).hasSize(1);
        RuleProblem p = problems.get(0);
        assertThat(p.file()).isEqualTo(FILE);
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.column()).as("column of %s", p).isEqualTo(column);
        return p.message();
    }

    @Test
    void reasonContains_passesOnTheTextARepReads_andFailsWithTheReasonsThatWereThere() {
        assertThat(expect("reasonContains: {contract: B, rule: Deal value, text: \"a deal worth $100,000\"}")).isEmpty();
        assertThat(expect("reasonContains: {contract: C, text: \"pricing approved\"}")).as("a blocker is a reason too").isEmpty();

        String message = onlyProblemAt(expect("reasonContains: {contract: A, rule: Deal value, text: \"1 million\"}"), 11, 5);

        assertThat(message).startsWith("expected a reason from rule 'Deal value' for A containing \"1 million\" but the reasons were: a deal worth $10,000");
    }

    @Test
    void aScenarioContractMayHavePendingApprovalsAndAnApprovedOverride() {
        String yaml = """
                now: 2025-06-13T09:00:00Z
                contracts:
                  held:
                    dealValue: 1000000
                    pendingApprovals: ["CFO: liability cap"]
                  boosted:
                    dealValue: 10000
                    override: {points: 25, reason: "renewal at risk, CEO escalation"}
                  pinned:
                    dealValue: 1000
                    override: {pinToTop: true, reason: "board commitment this quarter"}
                  plain:
                    dealValue: 100000
                expectations:
                  - lane: {contract: held, is: NOT_READY}
                  - reasonContains: {contract: held, text: "CFO: liability cap"}
                  - contributed: {rule: Override, contract: boosted, points: 25}
                  - reasonContains: {contract: boosted, rule: Override, text: "renewal at risk"}
                  - order: [pinned, boosted, plain, held]
                """;

        assertThat(run(yaml)).isEmpty();
    }

    @Test
    void anOverrideNeedsPointsOrAPin() {
        String yaml = """
                now: 2025-06-13T09:00:00Z
                contracts:
                  A:
                    override: {reason: "no effect given"}
                expectations:
                  - lane: {contract: A, is: READY}
                """;

        assertThat(run(yaml)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("an override has either 'points: 20' or 'pinToTop: true'"));
    }

    @Test
    void noScenarioFilesRunNothing() {
        assertThat(ScenarioRunner.run(policy, List.of())).isEmpty();
    }

    @Test
    void theCompleteExampleInTheGuidePasses() throws IOException {
        String guide = Files.readString(Path.of("docs/rules.md"));
        String section = guide.substring(guide.indexOf("## Scenario tests"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        String example = section.substring(start, section.indexOf("```", start));

        assertThat(example).contains("expectations:", "invariants:");
        assertThat(run(example)).isEmpty();
    }

    @Nested
    class Expectations {

        @Test
        void order_passesForTheRelativeOrderOfTheListedContracts() {
            assertThat(expect("order: [B, A, C]", "order: [B, C]", "order: [A, C]")).isEmpty();
        }

        @Test
        void order_failureShowsTheRanking() {
            String message = onlyProblemAt(expect("order: [B, C]", "order: [A, B]"), 12, 5);
            assertThat(message).isEqualTo("expected order [A, B] but " + RANKING);
        }

        @Test
        void outranks_passesAndFails() {
            assertThat(expect("outranks: [B, A]", "outranks: [A, C]")).isEmpty();
            assertThat(onlyProblemAt(expect("outranks: [C, A]"), 11, 5))
                    .isEqualTo("expected C to outrank A but " + RANKING);
        }

        @Test
        void lane_passesAndFailsWithTheBlockers() {
            assertThat(expect("lane: {contract: A, is: READY}", "lane: {contract: C, is: NOT_READY}")).isEmpty();
            assertThat(onlyProblemAt(expect("lane: {contract: C, is: READY}"), 11, 5)).isEqualTo(
                    "expected C in lane READY but it is in NOT_READY (blocked: the checklist item 'pricing approved' is still open); " + RANKING);
            assertThat(onlyProblemAt(expect("lane: {contract: A, is: NOT_READY}"), 11, 5))
                    .startsWith("expected A in lane NOT_READY but it is in READY (no rule blocked it); the ranking was: 1. B");
        }

        @Test
        void score_equalsWithinAHundredth() {
            assertThat(expect("score: {contract: B, equals: 20}", "score: {contract: B, equals: 20.009}")).isEmpty();
            assertThat(onlyProblemAt(expect("score: {contract: B, equals: 21}"), 11, 5)).isEqualTo(
                    "expected the score of B to equal 21.0 but it was 20.0 ('Deal value' 20.0); " + RANKING);
        }

        @Test
        void score_betweenIsInclusive() {
            assertThat(expect("score: {contract: A, between: [10, 10]}", "score: {contract: C, between: [0, 100]}")).isEmpty();
            assertThat(onlyProblemAt(expect("score: {contract: A, between: [12.5, 15]}"), 11, 5)).isEqualTo(
                    "expected the score of A to be between 12.5 and 15.0 but it was 10.0 ('Deal value' 10.0); " + RANKING);
        }

        @Test
        void contributed_passesWithinAHundredthAndFailsWithTheActualPoints() {
            assertThat(expect("contributed: {rule: Deal value, contract: C, points: 30.004}")).isEmpty();
            assertThat(onlyProblemAt(expect("contributed: {rule: Deal value, contract: A, points: 20}"), 11, 5)).isEqualTo(
                    "expected rule 'Deal value' to contribute 20.0 to A but it contributed 10.0; contributions to A: "
                            + "'Deal value' 10.0; " + RANKING);
        }

        @Test
        void contributed_failsWhenTheRuleDidNotFire() {
            assertThat(onlyProblemAt(expect("contributed: {rule: \"First in, first out\", contract: B, points: 3}"), 11, 5))
                    .isEqualTo("expected rule 'First in, first out' to contribute 3.0 to B but it gave B no points; "
                            + "contributions to B: 'Deal value' 20.0; " + RANKING);
        }

        @Test
        void notFired_passesAndFailsWithTheReason() {
            assertThat(expect("notFired: {rule: Expansion potential, contract: B}")).isEmpty();
            assertThat(onlyProblemAt(expect("notFired: {rule: Deal value, contract: B}"), 11, 5)).isEqualTo(
                    "expected rule 'Deal value' not to fire for B but it contributed 20.0 (a deal worth $100,000; "
                            + "bigger deals earn more, up to 40 points); " + RANKING);
        }

        @Test
        void everyFailedExpectationIsReportedAtItsOwnLine() {
            List<RuleProblem> problems = expect("outranks: [A, B]", "outranks: [B, A]", "lane: {contract: B, is: NOT_READY}");
            assertThat(problems).extracting(RuleProblem::line).containsExactly(11, 13);
        }
    }

    @Nested
    class ContractDefaults {

        @Test
        void businessDaysAndDaysToCloseAreComputedFromNow() {
            // Monday 16 June: ready on Friday is 1 business day; the close date is 4 days away.
            assertThat(run("""
                    now: 2025-06-16
                    contracts:
                      A: {readySince: 2025-06-13T17:00:00Z, targetCloseDate: 2025-06-20}
                      B: {submittedAt: 2025-05-01}
                    expectations:
                      - contributed: {rule: "First in, first out", contract: A, points: 3}
                      - contributed: {rule: Target close within 14 days, contract: A, points: 20}
                      - notFired: {rule: "First in, first out", contract: B}
                      - lane: {contract: B, is: READY}
                    """)).isEmpty();
        }

        @Test
        void readyFalseLeavesTheSignatoryGateOpenAndStatusCanPark() {
            assertThat(run("""
                    now: 2025-06-13
                    contracts:
                      A: {ready: false}
                      B: {status: WAITING_ON_SALES, readySince: 2025-06-12}
                      C: {ready: true}
                    expectations:
                      - lane: {contract: A, is: NOT_READY}
                      - lane: {contract: B, is: NOT_READY}
                      - contributed: {rule: "First in, first out", contract: B, points: 3}
                      - order: [C, B, A]
                    """)).isEmpty();
        }
    }

    @Nested
    class FileErrors {

        @Test
        void aYamlSyntaxErrorNamesItsLine() {
            List<RuleProblem> problems = run("""
                    now: 2025-06-13
                    contracts:
                      A:
                        dealValue: 5
                       paper: OURS
                    """);
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).file()).isEqualTo(FILE);
            assertThat(problems.get(0).line()).isEqualTo(5);
            assertThat(problems.get(0).message()).startsWith("not valid YAML: ");
        }

        @Test
        void anUnknownContractFieldIsNamedWithTheKnownFields() {
            String message = onlyProblemAt(run("""
                    now: 2025-06-13
                    contracts:
                      A:
                        paper: OURS
                        dealvalue: 5000
                    expectations:
                      - lane: {contract: A, is: READY}
                    """), 5, 5);
            assertThat(message).startsWith("unknown contract field 'dealvalue' (did you mean 'dealValue'?); known contract fields: "
                    + "contractType, paper, status, dealValue, expansionPotential, targetCloseDate, readySince, ready, ");
        }

        @Test
        void anUnknownContractInAnExpectation() {
            assertThat(onlyProblemAt(expect("outranks: [A, D]"), 11, 19))
                    .isEqualTo("unknown contract 'D' in outranks; contracts in this file: A, B, C");
            assertThat(onlyProblemAt(expect("lane: {contract: a, is: READY}"), 11, 22))
                    .isEqualTo("unknown contract 'a' in lane (did you mean 'A'?); contracts in this file: A, B, C");
        }

        @Test
        void anUnknownRuleIsCheckedAgainstTheRuleSet() {
            assertThat(onlyProblemAt(expect("contributed: {rule: Deal vaule, contract: A, points: 10}"), 11, 25))
                    .startsWith("unknown rule 'Deal vaule' in contributed (did you mean 'Deal value'?); rules in this rule set: ")
                    .contains("Expansion potential", "First in, first out");
            assertThat(onlyProblemAt(expect("notFired: {rule: FIFO, contract: A}"), 11, 22))
                    .startsWith("unknown rule 'FIFO' in notFired; rules in this rule set: ");
        }

        @Test
        void nowIsRequired() {
            assertThat(onlyProblemAt(run("""
                    contracts:
                      A: {dealValue: 5}
                    expectations:
                      - lane: {contract: A, is: READY}
                    """), 1, 1)).startsWith("missing 'now'");
        }

        @Test
        void oneBadFileDoesNotStopTheOthers() {
            List<RuleProblem> problems = ScenarioRunner.run(policy, List.of(
                    new RuleSource("tests/broken.yaml", "now: [\n"),
                    new RuleSource("tests/failing.yaml", BASE + "  - outranks: [A, B]\n"),
                    new RuleSource("tests/passing.yaml", BASE + "  - outranks: [B, A]\n")));
            assertThat(problems).extracting(RuleProblem::file).containsExactly("tests/broken.yaml", "tests/failing.yaml");
        }
    }

    @Nested
    class Invariants {

        static final String INVARIANTS = """
                now: 2025-06-13T09:00:00Z
                contracts:
                  A: {dealValue: 250000, readySince: 2025-06-02}
                  B: {dealValue: 40000, missingGates: [pricing-approved]}
                invariants:
                  - notReadyNeverOutranksReady
                  - moreValueNeverRanksLower
                  - olderReadySinceNeverRanksLower
                """;

        /** Blocks contracts with missing gates, so a broken rule set fails only the invariant under test. */
        static final String BLOCKS_MISSING_GATES = """
                rule "Gates open"
                when
                    $c : ContractFact( missingGates.size() > 0 )
                then
                    $c.block("a gate is open");
                end
                """;

        static List<RuleProblem> runWith(String drl) {
            CompiledRuleSet broken = RuleSetCompiler.compile(List.of(new RuleSource("bad.drl", """
                    package docket.policy;
                    import dev.docket.facts.ContractFact;
                    """ + drl)));
            return ScenarioRunner.run(broken, List.of(new RuleSource(FILE, INVARIANTS)));
        }

        @Test
        void theDefaultPolicyKeepsEveryInvariant() {
            assertThat(run(INVARIANTS)).isEmpty();
        }

        @Test
        void notReadyNeverOutranksReady_catchesAPolicyThatNeverBlocks() {
            List<RuleProblem> problems = runWith("""
                    rule "Deal value"
                    when
                        $c : ContractFact( dealValueBase >= 1000 )
                    then
                        $c.add(drools.getRule().getName(), 10.0 * Math.log10($c.getDealValueBase() / 1000.0), "value");
                    end
                    """);
            String message = onlyProblemAt(problems, 6, 5);
            assertThat(message).startsWith("invariant notReadyNeverOutranksReady failed: ")
                    .contains("has missing gates [", "] but is in the READY lane with ", "above ready ")
                    .containsPattern("; \\d+ of \\d+ contracts with missing gates were not blocked$");
        }

        @Test
        void moreValueNeverRanksLower_catchesNegativePointsForValue() {
            List<RuleProblem> problems = runWith(BLOCKS_MISSING_GATES + """
                    rule "Big deals wait"
                    when
                        $c : ContractFact( dealValueBase >= 1000 )
                    then
                        $c.add(drools.getRule().getName(), -10.0 * Math.log10($c.getDealValueBase() / 1000.0), "value");
                    end
                    """);
            String message = onlyProblemAt(problems, 7, 5);
            // The file's own contract A comes first in the sample, so it is the one named.
            assertThat(message).startsWith("invariant moreValueNeverRanksLower failed for A: with dealValue ")
                    .contains(" instead of 250,000 (all else equal) it ranks lower, ", "'Big deals wait' -")
                    .containsPattern("; \\d+ of 202 pairs failed$");
        }

        @Test
        void olderReadySinceNeverRanksLower_catchesPointsThatShrinkWithWaiting() {
            List<RuleProblem> problems = runWith(BLOCKS_MISSING_GATES + """
                    rule "Fresh first"
                    when
                        $c : ContractFact( readySince != null )
                    then
                        $c.add(drools.getRule().getName(), 100.0 - 3.0 * $c.getBusinessDaysReady(), "fresh");
                    end
                    """);
            String message = onlyProblemAt(problems, 8, 5);
            assertThat(message).startsWith("invariant olderReadySinceNeverRanksLower failed for A: with readySince ")
                    .contains(" instead of 2025-06-02T00:00:00Z (all else equal) it ranks lower, ")
                    .containsPattern(" of \\d+ pairs failed$");
        }

        @Test
        void aRuleThatThrowsFailsTheScenarioInsteadOfTheRunner() {
            List<RuleProblem> problems = runWith("""
                    rule "Broken"
                    when
                        $c : ContractFact( )
                    then
                        int none = 0;
                        $c.add(1 / none, "divides by zero");
                    end
                    """);
            assertThat(onlyProblemAt(problems, 1, 1)).startsWith("the rules failed while ranking this scenario: ");
        }

        @Test
        void anUnknownInvariantIsNamed() {
            assertThat(onlyProblemAt(run("""
                    now: 2025-06-13
                    invariants: [moreValueNeverRanksLowr]
                    """), 2, 14)).isEqualTo("unknown invariant 'moreValueNeverRanksLowr' (did you mean 'moreValueNeverRanksLower'?); "
                    + "known invariants: notReadyNeverOutranksReady, moreValueNeverRanksLower, olderReadySinceNeverRanksLower");
        }
    }
}
