package dev.docket.rules.scoring;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Time limits on the rules (docket.rules.scoring.*), for rankings, previews and the check of a candidate on the
 * real backlog.
 *
 * @param timeLimit          longest one rule firing may take on one contract; beyond it the contract is parked
 *                           (a live ranking) or the candidate refused (a check)
 * @param backlogTimeLimit   longest a whole ranking of the backlog may take
 * @param firingsPerContract firings per contract after which a rule is taken to re-trigger itself
 */
@ConfigurationProperties("docket.rules.scoring")
public record ScoringProperties(@Bindable(defaultValue = "1s") Duration timeLimit,
                                @Bindable(defaultValue = "5m") Duration backlogTimeLimit,
                                @Bindable(defaultValue = "200") int firingsPerContract) {

    public ScoringLimits limits() {
        return new ScoringLimits(timeLimit, backlogTimeLimit, firingsPerContract);
    }
}
