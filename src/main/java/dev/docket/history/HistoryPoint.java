package dev.docket.history;

import java.time.Instant;

import dev.docket.facts.Lane;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A moment the contract's rank or lane changed, and why. A null rank means it was not in the queue. */
@Serdeable
public record HistoryPoint(Instant at, @Nullable Integer rank, @Nullable Lane lane, @Nullable Double score, String cause,
                           String detail) {
}
