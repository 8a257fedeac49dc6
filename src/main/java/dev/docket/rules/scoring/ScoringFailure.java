package dev.docket.rules.scoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One contract the rules could not score: which rule, on which contract, and what happened. A ranking parks the
 * contract and names it in status and health; a candidate with any such failure on the real backlog is refused.
 */
@Serdeable
public record ScoringFailure(long contractId, @Nullable String title, @Nullable String rule, Kind kind, String message) {

    public enum Kind {
        /** A consequence or condition threw. */
        FAILED,
        /** The rules kept firing for this contract: a rule re-triggers itself. */
        LOOPED,
        /** One rule firing on this contract ran over the time limit. */
        TIMED_OUT
    }

    /** "rule 'X' ... on contract 42 (title)", for messages, logs and problems. */
    public String describe() {
        return (rule == null ? "the rule set" : "rule '" + rule + "'") + " " + message + " on contract " + contractId
                + (title == null ? "" : " (" + title + ")");
    }
}
