package dev.docket.approval;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record ApprovalView(long id, long contractId, String decisionMaker, String question, ApprovalStatus status,
                           String requestedBy, Instant requestedAt, @Nullable String decidedBy,
                           @Nullable Instant decidedAt, @Nullable String comment) {

    static ApprovalView of(Approval a) {
        return new ApprovalView(a.id(), a.contractId(), a.decisionMaker(), a.question(), a.status(), a.requestedBy(),
                a.requestedAt(), a.decidedBy(), a.decidedAt(), a.decisionComment());
    }
}
