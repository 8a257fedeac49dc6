package dev.docket.ranking;

import java.time.Instant;
import java.time.LocalDate;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Money;
import dev.docket.contract.Paper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a ranking row shows of a contract; the full record is at /api/contracts/{id}. */
@Serdeable
public record ContractSummary(long id, String externalRef, String title, String account, String owner, String team,
                              ContractType contractType, Paper paper, Money dealValue, Money expansionPotential,
                              @Nullable LocalDate targetCloseDate, ContractStatus status, Instant submittedAt,
                              @Nullable Instant readySince, @Nullable String assignee) {

    static ContractSummary of(Contract c) {
        return new ContractSummary(c.id(), c.externalRef(), c.title(), Canonical.of(c.account()), Canonical.of(c.owner()),
                Canonical.of(c.team()), c.contractType(), c.paper(), new Money(c.dealAmount(), Canonical.of(c.dealCurrency())),
                new Money(c.expansionAmount(), Canonical.of(c.expansionCurrency())), c.targetCloseDate(), c.status(),
                c.submittedAt(), c.readySince(), Canonical.of(c.assignee()));
    }
}
