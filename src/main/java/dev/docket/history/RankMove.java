package dev.docket.history;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One contract re-scored after an edit: where it was (null: it arrived), where it went (null: it left),
 * why, and its new entry as gzipped JSON so the ranking can be replayed exactly; {@code instanceId} is the instance
 * whose ranking moved (every instance records its own, see RankHistoryRecorder).
 */
@MappedEntity("rank_move")
public record RankMove(@Id @GeneratedValue @Nullable Long id, Instant movedAt, long contractId, Cause cause, String detail,
                       @Nullable Integer oldIndex, @Nullable Integer newIndex, String ruleVersion, @Nullable byte[] entry,
                       String instanceId) {

    /** This move with its entry in the ranking it moved to, encoded off the ranking's lock. */
    RankMove withEntry(byte[] encoded) {
        return new RankMove(id, movedAt, contractId, cause, detail, oldIndex, newIndex, ruleVersion, encoded, instanceId);
    }

    /** What changed about the contract that moved, read off its facts before and after. */
    public enum Cause { ARRIVED, LEFT, GATE, APPROVAL, OVERRIDE, FIELD_EDIT, STATUS, RESCORED }
}
