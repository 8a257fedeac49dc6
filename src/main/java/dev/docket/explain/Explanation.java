package dev.docket.explain;

import java.time.Instant;
import java.util.List;

import dev.docket.contract.ContractView;
import dev.docket.contract.FlaggedEdit;
import dev.docket.ranking.Forecast;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Why a contract sits where it does: its place, its points and their reasons, its gates, and its neighbours.
 * {@code stale}: this instance could not read the change feed for a while, so other instances' changes may be missing.
 */
@Serdeable
public record Explanation(long contractId, String title, int position, int of, Lane lane, double score,
                          List<Contribution> contributions, List<String> blockers,
                          List<ContractView.GateView> gates, @Nullable Neighbour ahead, @Nullable Neighbour behind,
                          String summary, String ruleVersion, Instant computedAt,
                          @Nullable Counterfactuals counterfactuals, @Nullable Forecast forecast,
                          List<FlaggedEdit> flaggedEdits, boolean stale) {

    /**
     * The contract one place ahead or behind; {@code gap} is how many points separate the two. With equal points,
     * {@code tieBreak} names what decided the order, as the queue decides it: {@code readySince} (ready for legal
     * longer goes first) or {@code id} (entered first goes first); null when points, lane or a pin decided.
     */
    @Serdeable
    public record Neighbour(int position, long contractId, String title, Lane lane, double score, double gap,
                            @Nullable String tieBreak) {
    }
}
