package dev.docket.flow;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A contract entering a state: READY or NOT_READY as its gates open and close, or a status (IN_REVIEW, APPROVED,
 * SIGNED, WITHDRAWN, ...). {@code derived} rows were reconstructed from contracts that moved before recording began.
 */
@MappedEntity("status_transition")
public record StatusTransition(@Id @GeneratedValue @Nullable Long id, long contractId, String state, Instant movedAt,
                               @Nullable String ruleVersion, String contractType, String team, boolean derived) {

    static final String READY = "READY";
    static final String NOT_READY = "NOT_READY";
}
