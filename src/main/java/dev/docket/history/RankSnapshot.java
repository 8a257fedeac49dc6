package dev.docket.history;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The whole ranking after a full re-rank, gzipped JSON. {@code afterMoveId} is the last move recorded
 * before it by the same instance ({@code instanceId}): replaying goes on from that instance's moves after that one.
 */
@MappedEntity("rank_snapshot")
public record RankSnapshot(@Id @GeneratedValue @Nullable Long id, Instant takenAt, String ruleVersion, Reason reason,
                           long afterMoveId, int entryCount, byte[] entries, String instanceId) {

    /** Why the whole backlog was re-ranked. */
    public enum Reason { START, RULES, DAY, REBUILD }
}
