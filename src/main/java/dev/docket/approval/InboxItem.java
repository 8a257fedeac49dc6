package dev.docket.approval;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;

/** One pending request in a decision maker's inbox, with enough of the contract to know what it is about. */
@Serdeable
public record InboxItem(long approvalId, long contractId, String contractTitle, String account, String question,
                        String requestedBy, Instant requestedAt) {
}
