package dev.docket.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.docket.calendar.BusinessDays;

/**
 * One generated contract, before it is a request, a stored contract, a scenario's contract or a fact: amounts in
 * its own currency (two decimals) with the rate to the base currency, times as days before "now", and its required
 * gates by name (true when passed). {@code daysToClose}, {@code pendingApproval} and {@code override} may be null.
 *
 * @param index              its place in the generator's sequence, from 0
 * @param daysSinceSubmitted calendar days from submission to now
 * @param readyLagDays       days from submission to the last gate passing, when every gate has passed
 */
public record GeneratedContract(int index, String ref, String title, String account, String owner, String team,
                                String product, String contractType, String paper, String status, String currency,
                                double rate, BigDecimal amount, BigDecimal expansion, Integer daysToClose,
                                Map<String, Boolean> gates, int daysSinceSubmitted, int readyLagDays,
                                String pendingApproval, ContractMix.Discretion override) {

    public GeneratedContract {
        gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates));
    }

    /** The required gates not yet passed, by name. */
    public Set<String> missingGates() {
        Set<String> missing = new TreeSet<>();
        gates.forEach((gate, passed) -> {
            if (!passed) {
                missing.add(gate);
            }
        });
        return missing;
    }

    /** As readiness decides it: every required gate passed and no approval still pending. */
    public boolean ready() {
        return !gates.containsValue(false) && pendingApproval == null;
    }

    public double amountBase() {
        return amount.doubleValue() * rate;
    }

    public double expansionBase() {
        return expansion.doubleValue() * rate;
    }

    /** The target close date counted from {@code today}, or null. */
    public LocalDate targetClose(LocalDate today) {
        return daysToClose == null ? null : today.plusDays(daysToClose);
    }

    /** Submitted at 9:00 to 16:00 UTC, {@link #daysSinceSubmitted} days before {@code now}, and never after it. */
    public Instant submittedAt(Instant now) {
        Instant submitted = now.truncatedTo(ChronoUnit.DAYS).plus(9 + index % 8, ChronoUnit.HOURS)
                .minus(daysSinceSubmitted, ChronoUnit.DAYS);
        return submitted.isAfter(now) ? now.minus(1, ChronoUnit.MINUTES) : submitted;
    }

    /** When the last gate passed, at most {@code now}; null unless {@link #ready()}. */
    public Instant readySince(Instant now) {
        if (!ready()) {
            return null;
        }
        Instant submitted = submittedAt(now);
        Instant ready = submitted.plus(Math.min(readyLagDays, daysSinceSubmitted), ChronoUnit.DAYS);
        return ready.isAfter(now) ? submitted : ready;
    }

    /** The fact Docket would assemble for this contract at the end of {@code today} (UTC), with {@code id}. */
    public ContractFact toFact(long id, LocalDate today) {
        Instant now = today.atTime(23, 59).toInstant(ZoneOffset.UTC);
        Instant submitted = submittedAt(now);
        var builder = ContractFact.builder(id)
                .externalRef(ref).title(title).account(account).owner(owner).team(team).product(product)
                .contractType(contractType).paper(paper).status(status)
                .dealValue(amount, currency, amountBase())
                .expansionPotentialBase(expansionBase())
                .submittedAt(submitted, BusinessDays.between(LocalDate.ofInstant(submitted, ZoneOffset.UTC), today))
                .missingGates(missingGates())
                .pendingApprovals(pendingApproval == null ? List.of() : List.of(pendingApproval))
                .override(override == null ? null : new OverrideFact(id, override.points(), override.pinToTop(),
                        override.reason(), owner, "head-of-legal", today.plusDays(14).atTime(17, 0).toInstant(ZoneOffset.UTC)));
        if (daysToClose != null) {
            builder.targetCloseDate(targetClose(today), daysToClose);
        }
        Instant ready = readySince(now);
        if (ready != null) {
            builder.readySince(ready, BusinessDays.between(LocalDate.ofInstant(ready, ZoneOffset.UTC), today));
        }
        return builder.build();
    }
}
