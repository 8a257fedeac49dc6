package dev.docket.ranking;

import java.time.Instant;
import java.util.Optional;

import dev.docket.facts.ContractFact;
import dev.docket.facts.Lane;
import io.micronaut.core.annotation.Nullable;

/** What the ranking tells the rest of Docket as it changes; rank history is built from these. */
public final class RankingEvents {

    private RankingEvents() {
    }

    /** The whole backlog was re-ranked; {@code previous} is the ranking it replaced, if any. */
    public record Rebuilt(Ranking ranking, @Nullable Ranking previous) {
    }

    /**
     * One contract was re-scored after an edit: its facts and zero-based positions before (null: it arrived)
     * and after (null: it left); {@code fromFeed} when the edit was another instance's, taken from the change feed.
     */
    public record ContractMoved(Ranking ranking, long contractId, @Nullable ContractFact before, @Nullable Integer oldIndex,
                                @Nullable ContractFact after, @Nullable Integer newIndex, Instant at, boolean fromFeed) {
    }

    /** Past rankings, kept by the rank history; lets GET /api/ranking?at= replay one. */
    public interface Archive {
        Optional<RankingPage> replay(Instant at, @Nullable Lane lane, int page, int size);
    }
}
