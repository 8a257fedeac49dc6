package dev.docket.approval;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One question a decision maker must answer before legal starts on a contract, and, once given, the answer. */
@MappedEntity("contract_approval")
public record Approval(
        @Id @GeneratedValue @Nullable Long id,
        Long contractId,
        String decisionMaker,
        String question,
        ApprovalStatus status,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionComment) {

    /** As the rules and the explanation name it: "CFO: liability cap". */
    String gateText() {
        return decisionMaker + ": " + question;
    }
}
