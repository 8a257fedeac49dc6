package dev.docket.rules.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import dev.docket.facts.ContractFact;
import dev.docket.facts.OverrideFact;
import dev.docket.calendar.BusinessDays;

/**
 * One named contract of a scenario, with every input the rules read. Amounts are in the base currency;
 * {@code readySince} is null exactly when a gate is missing. Time-derived fields are computed by
 * {@link #toFact} for the scenario's day, the way Docket computes them for the live queue (in UTC).
 */
public record ContractSpec(String name, String title, String account, String owner, String team, String product,
                           String contractType, String paper, String status, double dealValue, double expansionPotential,
                           LocalDate targetCloseDate, Instant submittedAt, Instant readySince, Set<String> missingGates,
                           List<String> pendingApprovals, OverrideFact override) {

    public ContractSpec {
        missingGates = Set.copyOf(missingGates);
        pendingApprovals = List.copyOf(pendingApprovals);
    }

    /** Without pending approvals or an override, as most scenario contracts are. */
    public ContractSpec(String name, String title, String account, String owner, String team, String product,
                        String contractType, String paper, String status, double dealValue, double expansionPotential,
                        LocalDate targetCloseDate, Instant submittedAt, Instant readySince, Set<String> missingGates) {
        this(name, title, account, owner, team, product, contractType, paper, status, dealValue, expansionPotential,
                targetCloseDate, submittedAt, readySince, missingGates, List.of(), null);
    }

    public ContractFact toFact(long id, LocalDate today) {
        var builder = ContractFact.builder(id)
                .externalRef(name)
                .title(title)
                .account(account)
                .owner(owner)
                .team(team)
                .product(product)
                .contractType(contractType)
                .paper(paper)
                .status(status)
                .dealValueBase(dealValue)
                .expansionPotentialBase(expansionPotential)
                .submittedAt(submittedAt, BusinessDays.between(dateOf(submittedAt), today))
                .missingGates(missingGates)
                .pendingApprovals(pendingApprovals)
                .override(override);
        if (readySince != null) {
            builder.readySince(readySince, BusinessDays.between(dateOf(readySince), today));
        }
        if (targetCloseDate != null) {
            builder.targetCloseDate(targetCloseDate, (int) ChronoUnit.DAYS.between(today, targetCloseDate));
        }
        return builder.build();
    }

    ContractSpec withDealValue(double value) {
        return new ContractSpec(name, title, account, owner, team, product, contractType, paper, status, value,
                expansionPotential, targetCloseDate, submittedAt, readySince, missingGates, pendingApprovals, override);
    }

    /** Ready earlier; submission moves back with it only if it would otherwise come after being ready. */
    ContractSpec withReadySince(Instant earlier) {
        Instant submitted = submittedAt.isAfter(earlier) ? earlier : submittedAt;
        return new ContractSpec(name, title, account, owner, team, product, contractType, paper, status, dealValue,
                expansionPotential, targetCloseDate, submitted, earlier, missingGates, pendingApprovals, override);
    }

    static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
