package dev.docket.ranking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import dev.docket.contract.Contract;
import dev.docket.contract.CurrencyConverter;
import dev.docket.contract.Gate;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.facts.ContractFact;
import jakarta.inject.Singleton;

/** Turns a stored contract into the fact rules see, with every time-derived field computed for one "today". */
@Singleton
public class FactAssembler {

    private final ReadinessPolicy readiness;
    private final CurrencyConverter currencies;
    private final BusinessCalendar calendar;

    FactAssembler(ReadinessPolicy readiness, CurrencyConverter currencies, BusinessCalendar calendar) {
        this.readiness = readiness;
        this.currencies = currencies;
        this.calendar = calendar;
    }

    public ContractFact toFact(Contract c, Collection<Gate> gates, LocalDate today) {
        var builder = ContractFact.builder(c.id())
                .externalRef(c.externalRef())
                .title(c.title())
                .account(c.account())
                .owner(c.owner())
                .team(c.team())
                .product(c.product())
                .contractType(c.contractType().name())
                .paper(c.paper().name())
                .status(c.status().name())
                .dealValue(c.dealAmount(), c.dealCurrency(), currencies.toBase(c.dealAmount(), c.dealCurrency()))
                .expansionPotentialBase(currencies.toBase(c.expansionAmount(), c.expansionCurrency()))
                .submittedAt(c.submittedAt(), calendar.businessDaysBetween(c.submittedAt(), today))
                .missingGates(readiness.missing(c.contractType(), gates));
        if (c.readySince() != null) {
            builder.readySince(c.readySince(), calendar.businessDaysBetween(c.readySince(), today));
        }
        if (c.targetCloseDate() != null) {
            builder.targetCloseDate(c.targetCloseDate(), (int) ChronoUnit.DAYS.between(today, c.targetCloseDate()));
        }
        return builder.build();
    }
}
