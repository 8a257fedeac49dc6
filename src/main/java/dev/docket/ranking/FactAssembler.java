package dev.docket.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.docket.approval.ApprovalReadiness;
import dev.docket.calendar.BusinessCalendar;
import dev.docket.contract.Contract;
import dev.docket.contract.CurrencyConverter;
import dev.docket.contract.Gate;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractFactBuilder;
import dev.docket.facts.OverrideFact;
import dev.docket.override.OverrideService;
import jakarta.inject.Singleton;

/** Turns a stored contract into the fact rules see, with every time-derived field computed for one "today". */
@Singleton
public class FactAssembler {

    private final ReadinessPolicy readiness;
    private final CurrencyConverter currencies;
    private final BusinessCalendar calendar;
    private final ApprovalReadiness approvals;
    private final OverrideService overrides;
    private final Clock clock;

    FactAssembler(ReadinessPolicy readiness, CurrencyConverter currencies, BusinessCalendar calendar,
                  ApprovalReadiness approvals, OverrideService overrides, Clock clock) {
        this.readiness = readiness;
        this.currencies = currencies;
        this.calendar = calendar;
        this.approvals = approvals;
        this.overrides = overrides;
        this.clock = clock;
    }

    /**
     * Facts for many contracts, in the order given, with pending approvals and active overrides loaded in one
     * query each. An override counts only until the moment it expires, not until the end of its day, so an
     * expiry mid-day takes effect at the next re-score (the expiry check triggers one).
     */
    public List<ContractFact> toFacts(List<Contract> contracts, Map<Long, List<Gate>> gatesById, LocalDate today) {
        List<Long> ids = contracts.stream().map(Contract::id).toList();
        Map<Long, List<String>> pending = approvals.pendingByContract(ids);
        Map<Long, OverrideFact> active = overrides.activeFacts(ids, clock.instant());
        return contracts.stream()
                .map(c -> builder(c, gatesById.getOrDefault(c.id(), List.of()), today)
                        .pendingApprovals(pending.getOrDefault(c.id(), List.of()))
                        .override(active.get(c.id()))
                        .build())
                .toList();
    }

    public ContractFact toFact(Contract c, Collection<Gate> gates, LocalDate today) {
        return toFacts(List.of(c), Map.of(c.id(), List.copyOf(gates)), today).get(0);
    }

    private ContractFactBuilder builder(Contract c, Collection<Gate> gates, LocalDate today) {
        var builder = ContractFact.builder(c.id())
                .externalRef(c.externalRef())
                .title(c.title())
                .account(Canonical.of(c.account()))
                .owner(Canonical.of(c.owner()))
                .team(Canonical.of(c.team()))
                .product(Canonical.of(c.product()))
                .contractType(c.contractType().name())
                .paper(c.paper().name())
                .status(c.status().name())
                .baseCurrency(currencies.baseCurrency())
                .dealValue(c.dealAmount(), Canonical.of(c.dealCurrency()), currencies.toBase(c.dealAmount(), c.dealCurrency()))
                .expansionPotentialBase(currencies.toBase(c.expansionAmount(), c.expansionCurrency()))
                .submittedAt(c.submittedAt(), calendar.businessDaysBetween(c.submittedAt(), today))
                .missingGates(readiness.missing(c.contractType(), gates));
        if (c.readySince() != null) {
            builder.readySince(c.readySince(), calendar.businessDaysBetween(c.readySince(), today));
        }
        if (c.targetCloseDate() != null) {
            builder.targetCloseDate(c.targetCloseDate(), (int) ChronoUnit.DAYS.between(today, c.targetCloseDate()));
        }
        return builder;
    }
}
