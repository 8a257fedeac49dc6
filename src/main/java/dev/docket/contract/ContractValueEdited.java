package dev.docket.contract;

import java.time.Instant;

/**
 * Published inside the transaction when deal value or expansion potential of a submitted contract
 * changes: these fields earn points, so a rep could edit them to climb the queue, and the change is
 * recorded and shown in the explanation. Values read as "48210.00 USD".
 */
public record ContractValueEdited(long contractId, String field, String oldValue, String newValue, String changedBy,
                                  Instant changedAt) {
}
