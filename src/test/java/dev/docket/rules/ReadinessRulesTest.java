package dev.docket.rules;

import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractFactBuilder;
import dev.docket.facts.Lane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/readiness.drl: "Readiness gates open", "Waiting on sales" and "Approval pending" block a deal into the not-ready lane.
 * They add no points; what they write is the blockers list, which the ranking shows to the rep.
 */
class ReadinessRulesTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2025-06-02T10:15:00Z");
    private static final Instant READY_SINCE = Instant.parse("2025-06-04T16:40:00Z");

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = PolicyFiles.only("readiness.drl");
    }

    @Test
    void readinessGatesOpen_firesAndNamesEveryMissingGateInOrder() {
        ContractFact fact = score(rules, submitted()
                .missingGates(Set.of("signatory-known", "pricing-approved"))
                .build());

        assertThat(fact.getLane()).isEqualTo(Lane.NOT_READY);
        assertThat(fact.getBlockers()).containsExactly(
                "the checklist item 'pricing approved' is still open",
                "the checklist item 'signatory known' is still open");
        assertThat(fact.getContributions()).isEmpty();
        assertThat(fact.getScore()).isZero();
    }

    @Test
    void readinessGatesOpen_firesForASingleMissingGate() {
        ContractFact fact = score(rules, submitted().missingGates(Set.of("security-review-done")).build());

        assertThat(fact.getLane()).isEqualTo(Lane.NOT_READY);
        assertThat(fact.getBlockers()).containsExactly("the checklist item 'security review done' is still open");
    }

    @Test
    void readinessGatesOpen_doesNotFireWhenEveryGateHasPassed() {
        ContractFact fact = score(rules, submitted().readySince(READY_SINCE, 7).build());

        assertThat(fact.isReady()).isTrue();
        assertThat(fact.getLane()).isEqualTo(Lane.READY);
        assertThat(fact.getBlockers()).isEmpty();
    }

    @Test
    void waitingOnSales_firesAndBlocksEvenWithEveryGatePassed() {
        ContractFact fact = score(rules, submitted().status("WAITING_ON_SALES").readySince(READY_SINCE, 7).build());

        assertThat(fact.getLane()).isEqualTo(Lane.NOT_READY);
        assertThat(fact.getBlockers()).containsExactly("legal is waiting on sales for an answer");
    }

    @Test
    void waitingOnSales_firesAlongsideMissingGates() {
        ContractFact fact = score(rules, submitted()
                .status("WAITING_ON_SALES")
                .missingGates(Set.of("commercial-terms-agreed"))
                .build());

        assertThat(fact.getLane()).isEqualTo(Lane.NOT_READY);
        assertThat(fact.getBlockers()).containsExactlyInAnyOrder(
                "the checklist item 'commercial terms agreed' is still open",
                "legal is waiting on sales for an answer");
    }

    @ParameterizedTest(name = "status {0} with every gate passed stays READY")
    @CsvSource({"SUBMITTED", "IN_REVIEW"})
    void waitingOnSales_doesNotFireForOtherOpenStatuses(String status) {
        ContractFact fact = score(rules, submitted().status(status).readySince(READY_SINCE, 7).build());

        assertThat(fact.getLane()).isEqualTo(Lane.READY);
        assertThat(fact.getBlockers()).isEmpty();
    }

    @Test
    void approvalPending_firesOncePerPendingRequestAndNamesTheDecisionMaker() {
        ContractFact fact = score(rules, submitted()
                .readySince(READY_SINCE, 7)
                .pendingApprovals(List.of("CFO: liability cap", "General Counsel: IP assignment"))
                .build());

        assertThat(fact.getLane()).isEqualTo(Lane.NOT_READY);
        assertThat(fact.getBlockers()).containsExactly(
                "waiting on approval from CFO: liability cap",
                "waiting on approval from General Counsel: IP assignment");
        assertThat(fact.getContributions()).isEmpty();
    }

    @Test
    void approvalPending_firesAlongsideMissingGates() {
        ContractFact fact = score(rules, submitted()
                .missingGates(Set.of("pricing-approved"))
                .pendingApprovals(List.of("CFO: discount above 30%"))
                .build());

        assertThat(fact.getBlockers()).containsExactlyInAnyOrder(
                "the checklist item 'pricing approved' is still open",
                "waiting on approval from CFO: discount above 30%");
    }

    @Test
    void approvalPending_doesNotFireWithoutPendingApprovals() {
        ContractFact fact = score(rules, submitted().readySince(READY_SINCE, 7).pendingApprovals(List.of()).build());

        assertThat(fact.getLane()).isEqualTo(Lane.READY);
        assertThat(fact.getBlockers()).isEmpty();
    }

    private static ContractFactBuilder submitted() {
        return ContractFact.builder(21)
                .title("Wayne Enterprises order form")
                .account("Wayne Enterprises")
                .owner("dana.sales")
                .contractType("ORDER_FORM")
                .status("SUBMITTED")
                .dealValueBase(85_000)
                .submittedAt(SUBMITTED_AT, 9);
    }
}
