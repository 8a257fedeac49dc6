package dev.docket.rules;

import java.time.Instant;
import java.util.List;

import dev.docket.rules.scoring.ScoringFailure;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.version.FolderDrift;
import dev.docket.rules.version.RuleVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What legal ops check after saving a rule: what is live, whether their latest change made it, and the contracts the
 * live rules could not score ({@code parked}: each waits in the not-ready lane, named with the rule to blame).
 * {@code drift} says how the folder differs from a live version set through the API (folder changes are held).
 * {@code healthy} is false while the latest change failed, any contract is parked or the folder drifts.
 */
@Serdeable
public record RulesStatus(ActiveVersion active, @Nullable Attempt lastAttempt, boolean healthy, List<ScoringFailure> parked,
                          @Nullable FolderDrift drift) {

    /** The version ranking with now; {@code number} is its sequence number in /api/rules/versions. */
    @Serdeable
    public record ActiveVersion(long number, String hash, RuleVersion.Source source, Instant activatedAt,
                                @Nullable String activatedBy, List<String> files, List<String> rules) {
    }

    /**
     * The latest candidate Docket tried to activate, and every problem that kept it out;
     * {@code number} counts attempts since start-up, so a client can tell its save was picked up.
     */
    @Serdeable
    public record Attempt(long number, Instant at, RuleVersion.Source source, @Nullable String hash, boolean activated,
                          long tookMillis, List<RuleProblem> problems) {
    }
}
