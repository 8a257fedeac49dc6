package dev.docket.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.docket.approval.ApprovalView;
import dev.docket.comment.CommentView;
import dev.docket.contract.ContractView;
import dev.docket.contract.Paper;
import dev.docket.override.OverrideView;
import dev.docket.ranking.Counterfactuals;
import dev.docket.ranking.Explanation;
import io.micronaut.core.annotation.Nullable;

/**
 * Everything the contract page shows: the contract, its explanation when it is in the queue (null once closed),
 * approvals, comments and the override in force.
 */
public record ContractPageView(ContractView contract, @Nullable Explanation explanation, @Nullable Bar bar,
                               List<ApprovalView> approvals,
                               List<CommentView> comments, @Nullable OverrideView override, LocalDate today) {

    /** The counterfactuals phrased as things a rep can do, each with the place it leads to; none when not explored. */
    static List<String> actions(Explanation explanation) {
        if (explanation.counterfactuals() == null) {
            return List.of();
        }
        Counterfactuals cf = explanation.counterfactuals();
        int of = explanation.of();
        List<String> actions = new java.util.ArrayList<>();
        for (Counterfactuals.GateEffect g : cf.gates()) {
            actions.add(String.format(Locale.ROOT, "Pass %s → #%d of %d%s", g.gate().replace('-', ' '), g.rank(), of,
                    g.lane() == dev.docket.facts.Lane.READY ? " (ready lane)" : " (still not ready)"));
        }
        for (Counterfactuals.InputChange c : cf.inputs()) {
            actions.add(String.format(Locale.ROOT, "Change %s from %s to %s → #%d of %d (%+.1f points)",
                    label(c.input()), c.from(), c.to(), c.rank(), of, c.pointsGained()));
        }
        if (cf.time() != null) {
            actions.add("Wait: " + cf.time().summary());
        }
        return List.copyOf(actions);
    }

    public List<Paper> papers() {
        return List.of(Paper.values());
    }

    public static String points(double p) {
        return String.format(Locale.ROOT, "%+.1f", p);
    }

    private static String label(String input) {
        return switch (input) {
            case "targetCloseDate" -> "the target close date";
            case "expansionPotential" -> "the expansion estimate (base currency)";
            default -> "the " + input;
        };
    }
}
