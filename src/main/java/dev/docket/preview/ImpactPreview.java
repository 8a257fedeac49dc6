package dev.docket.preview;

import java.util.List;

import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.rules.RuleProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a candidate rule set would do to today's queue, next to the active set: every contract whose
 * rank, lane or score changes, and a summary a legal-ops person can judge the change by.
 */
@Serdeable
public record ImpactPreview(String activeVersion, String candidateVersion, int total, Summary summary, List<Change> changes,
                            List<RuleProblem> scenarioFailures, List<RuleMatches> ruleMatches) {

    /**
     * How many of today's contracts a rule fired for, with the live rules and with the candidate; 0 where a set does not
     * have the rule or it matched nothing, so a rule that matches nothing is visible at once.
     */
    @Serdeable
    public record RuleMatches(String rule, int before, int after) {
    }

    /**
     * @param rankCorrelation Spearman's rank correlation between the two orders: 1 means unchanged,
     *                        0 unrelated, -1 reversed
     */
    @Serdeable
    public record Summary(int moved, int changedLane, int changedScore, List<Long> enteredTop10, List<Long> leftTop10,
                          List<Long> enteredTop25, List<Long> leftTop25, List<Move> largestMovesUp,
                          List<Move> largestMovesDown, double rankCorrelation) {
    }

    @Serdeable
    public record Move(long contractId, String title, int oldRank, int newRank) {
    }

    /** One contract's before and after; {@code contributions} lists only the rules whose points changed. */
    @Serdeable
    public record Change(long contractId, String title, int oldRank, int newRank, Lane oldLane, Lane newLane,
                         double oldScore, double newScore, double scoreDelta, List<ContributionChange> contributions) {
    }

    /** A rule's points before and after; null where the rule did not fire. */
    @Serdeable
    public record ContributionChange(String rule, @Nullable Double oldPoints, @Nullable Double newPoints,
                                     @Nullable String oldReason, @Nullable String newReason) {

        static ContributionChange of(String rule, @Nullable Contribution before, @Nullable Contribution after) {
            return new ContributionChange(rule, before == null ? null : before.points(), after == null ? null : after.points(),
                    before == null ? null : before.reason(), after == null ? null : after.reason());
        }
    }
}
