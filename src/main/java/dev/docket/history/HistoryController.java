package dev.docket.history;

import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.docket.contract.ContractService;
import dev.docket.contract.ContractView;
import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

@Controller("/api/contracts/{id}/history")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
class HistoryController {

    private final ContractService contracts;
    private final ContractHistory history;
    private final Clock clock;

    HistoryController(ContractService contracts, ContractHistory history, Clock clock) {
        this.contracts = contracts;
        this.history = history;
        this.clock = clock;
    }

    /** Every change of the contract's rank or lane between {@code from} (default: submission) and {@code to} (default: now). */
    @Get
    ContractRankHistory history(@PathVariable long id, @QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to) {
        ContractView contract = contracts.get(id);
        Instant start = from == null ? contract.createdAt() : from;
        Instant end = to == null ? clock.instant() : to;
        if (start.isBefore(contract.createdAt())) {
            throw new InvalidFieldException("from", "contract " + id + " was submitted at " + contract.createdAt()
                    + "; its history starts then, not at " + start);
        }
        if (end.isBefore(start)) {
            throw new InvalidFieldException("to", "must not be before from (" + start + ")");
        }
        return new ContractRankHistory(id, contract.title(), start, end, history.of(id, start, end));
    }

    @Serdeable
    record ContractRankHistory(long contractId, String title, Instant from, Instant to, List<HistoryPoint> changes) {
    }
}
