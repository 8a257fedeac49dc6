package dev.docket.web;

import java.util.List;
import dev.docket.preview.ImpactPreview;
import dev.docket.rules.CandidateVerdict;
import io.micronaut.core.annotation.Nullable;

/**
 * What Validate, Preview, Activate or Roll back answered.
 *
 * @param problems plain problems (bad form input)
 * @param verdict  the checks' verdict with file:line:column problems
 */
public record RuleCheck(String action, boolean ok, List<String> problems, @Nullable ImpactPreview preview,
                     @Nullable CandidateVerdict verdict, @Nullable String message) {

    static RuleCheck verdict(String action, CandidateVerdict verdict) {
        return new RuleCheck(action, verdict.valid(), List.of(), null, verdict,
                verdict.valid() ? "Every check passed: " + verdict.rules().size() + " rules." : null);
    }
}
