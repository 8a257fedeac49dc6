package dev.docket.rules;

import java.util.List;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.ScoringFailure;

/**
 * Ranks the real open backlog with a candidate before it may go live, so "live" means a ranking computed by it is
 * being served. Implemented by the ranking (which knows the backlog); the rules lifecycle only asks.
 */
public interface BacklogTrial {

    /** The contracts the ranking being served could not score (parked in the not-ready lane), with the rule to blame. */
    List<ScoringFailure> parked();

    /** Scores the whole open backlog with the candidate; nothing is served yet. */
    Trial rank(CompiledRuleSet candidate);

    interface Trial {
        /** Every contract the candidate could not score, with the rule; empty when it ranked the whole backlog. */
        List<ScoringFailure> failures();

        int contracts();

        /** Serves the ranking the candidate computed; called once the candidate is the active rule set. */
        void serve();
    }
}
