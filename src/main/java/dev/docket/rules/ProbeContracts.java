package dev.docket.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.docket.calendar.BusinessDays;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractFactBuilder;
import dev.docket.facts.OverrideFact;

/**
 * The synthetic backlog a candidate rule set is probed with: every contract type, both papers, every open
 * status, ready and not ready, values from nothing to very large, with and without a target close date,
 * with pending approvals and with point and pin overrides,
 * and fields that may be null left null, so a rule that forgets a null guard fails here rather than live.
 */
final class ProbeContracts {

    static final int COUNT = 20;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 13);
    private static final String[] TYPES = {"NDA", "MSA", "ORDER_FORM", "DPA", "AMENDMENT", "OTHER"};
    private static final String[] STATUSES = {"SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES"};
    private static final double[] VALUES = {0, 500, 1_000, 12_500, 100_000, 2_500_000, 50_000_000};
    private static final double[] EXPANSIONS = {0, 0, 5_000, 250_000, 5_000_000};
    private static final Integer[] DAYS_TO_CLOSE = {null, -40, -1, 0, 7, 14, 15, 30, 31, 200};
    private static final List<Set<String>> MISSING = List.of(Set.of(), Set.of(), Set.of("pricing-approved"),
            Set.of(), Set.of("signatory-known", "security-review-done"));

    private ProbeContracts() {
    }

    static List<ContractFact> sample() {
        List<ContractFact> facts = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            long id = i + 1;
            String type = TYPES[i % TYPES.length];
            ContractFactBuilder b = ContractFact.builder(id)
                    .title("Probe " + type + " " + id)
                    .account("Probe account " + (i % 7))
                    .owner("owner" + (i % 4))
                    .team(i % 2 == 0 ? "EMEA" : "Americas")
                    .product(i % 3 == 0 ? "Platform" : "Add-on")
                    .contractType(type)
                    .paper(i % 2 == 0 ? "OURS" : "CUSTOMER")
                    .status(STATUSES[i % STATUSES.length])
                    .dealValueBase(VALUES[i % VALUES.length])
                    .expansionPotentialBase(EXPANSIONS[i % EXPANSIONS.length])
                    .missingGates(MISSING.get(i % MISSING.size()));
            int daysSubmitted = (i * 3) % 45;
            b.submittedAt(TODAY.minusDays(daysSubmitted).atTime(9, 0).toInstant(ZoneOffset.UTC), businessDays(daysSubmitted));
            if (MISSING.get(i % MISSING.size()).isEmpty()) {
                int daysReady = i % 4 == 0 ? 0 : (i * 2) % 30;
                b.readySince(TODAY.minusDays(daysReady).atTime(15, 0).toInstant(ZoneOffset.UTC), businessDays(daysReady));
            }
            // Approvals and overrides too, so a rule reading them is exercised before it goes live.
            if (i % 5 == 1) {
                b.pendingApprovals(List.of("CFO: liability cap above 2x fees"));
            }
            if (i % 7 == 2 || i % 7 == 5) {
                b.override(new OverrideFact(id, i % 7 == 2 ? (i % 2 == 0 ? 15 : -10) : 0, i % 7 == 5,
                        "probe override for a strategic account", "owner" + (i % 4), "head-of-legal",
                        TODAY.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            Integer daysToClose = DAYS_TO_CLOSE[i % DAYS_TO_CLOSE.length];
            if (daysToClose != null) {
                b.targetCloseDate(TODAY.plusDays(daysToClose), daysToClose);
            }
            facts.add(b.build());
        }
        return facts;
    }

    private static int businessDays(int calendarDays) {
        return BusinessDays.between(TODAY.minusDays(calendarDays), TODAY);
    }

    static String describe(ContractFact fact) {
        return "contract " + fact.getId() + " (" + fact.getContractType() + " on " + fact.getPaper() + " paper, "
                + fact.getStatus() + (fact.getTargetCloseDate() == null ? ", no target close date" : "") + ")";
    }
}
