package dev.docket.rules.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One scenario file, read and checked for shape: a fixed "now", named contracts, the expectations on their
 * ranking and the invariants to check. {@code today} is now's date in UTC, the day business days count to.
 */
public record Scenario(String file, String description, Instant now, LocalDate today, List<ContractSpec> contracts,
                       List<Expectation> expectations, List<InvariantCheck> invariants) {

    /** An invariant a file asks for, with where it asked. */
    public record InvariantCheck(Invariant invariant, Position at) {
    }
}
