package dev.docket.facts;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seeded synthetic contracts, drawn the same way wherever Docket or its tests need a sample beyond the contracts a
 * file names: the scenario invariants, the policy invariant tests, the rule probe and the generated backlog share
 * these draws and this vocabulary, so a change to what a contract can look like is made once. Stable for a seed:
 * tests and scenario results depend on the exact sequence, so draws are only ever appended, never reordered.
 */
public final class SeededContracts {

    /** The seed of the shared sample, so the scenario invariants and the invariant tests check the same contracts. */
    public static final long SEED = 20250613L;
    /** The gates a contract needs unless its type names fewer, in the order the sample draws them. */
    public static final List<String> GATES =
            List.of("commercial-terms-agreed", "pricing-approved", "security-review-done", "signatory-known");
    /** The statuses of an open contract, the ones the rules see. */
    public static final List<String> OPEN_STATUSES = List.of("SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES");

    /** One drawn contract: base-currency value and expansion, the gates it misses, and its status. */
    public record Draw(double value, double expansion, Set<String> missing, String status) {
    }

    private SeededContracts() {
    }

    /**
     * The next contract of {@code r}: values over six orders of magnitude (one in ten below 1,000), expansion none for
     * a third, each gate missing one time in ten, and half submitted, a third in review, the rest waiting on sales.
     */
    public static Draw next(Random r) {
        double value = r.nextInt(10) == 0 ? r.nextInt(1_000) : Math.round(Math.pow(10, 2 + r.nextDouble() * 6));
        double expansion = r.nextInt(3) == 0 ? 0 : Math.round(Math.pow(10, 2 + r.nextDouble() * 5));
        Set<String> missing = new TreeSet<>();
        for (String gate : GATES) {
            if (r.nextInt(10) == 0) {
                missing.add(gate);
            }
        }
        int roll = r.nextInt(20);
        String status = roll < 10 ? OPEN_STATUSES.get(0) : roll < 17 ? OPEN_STATUSES.get(1) : OPEN_STATUSES.get(2);
        return new Draw(value, expansion, missing, status);
    }
}
