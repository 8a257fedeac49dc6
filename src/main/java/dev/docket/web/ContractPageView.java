package dev.docket.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.docket.approval.ApprovalView;
import dev.docket.comment.CommentView;
import dev.docket.contract.ContractView;
import dev.docket.contract.Paper;
import dev.docket.override.OverrideView;
import dev.docket.explain.Counterfactuals;
import dev.docket.explain.Explanation;
import io.micronaut.core.annotation.Nullable;

/**
 * Everything the contract page shows: the contract, its explanation when it is in the queue (null once closed),
 * approvals, comments and the override in force.
 */
public record ContractPageView(ContractView contract, @Nullable Explanation explanation, @Nullable Bar bar,
                               List<ApprovalView> approvals,
                               List<CommentView> comments, @Nullable OverrideView override, LocalDate today) {

    /** The counterfactuals as things a rep can do, one sentence each, as the explanation words them; none when not explored. */
    static List<String> actions(Explanation explanation) {
        if (explanation.counterfactuals() == null) {
            return List.of();
        }
        Counterfactuals cf = explanation.counterfactuals();
        List<String> actions = new java.util.ArrayList<>();
        cf.gates().forEach(g -> actions.add(g.summary()));
        if (cf.allGates() != null) {
            actions.add(cf.allGates().summary());
        }
        cf.inputs().forEach(c -> actions.add(c.summary()));
        if (cf.time() != null) {
            actions.add(cf.time().summary());
        }
        return List.copyOf(actions);
    }

    public List<Paper> papers() {
        return List.of(Paper.values());
    }

    public static String points(double p) {
        return String.format(Locale.ROOT, "%+.1f", p);
    }
}
