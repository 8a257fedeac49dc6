package dev.docket.preview;

import dev.docket.rules.api.CandidateFiles;
import dev.docket.rules.api.CandidateRequest;
import dev.docket.rules.api.RejectedCandidate;
import dev.docket.rules.check.CandidateChecker;
import dev.docket.rules.check.CheckResult;
import dev.docket.audit.AuditLog;
import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import dev.docket.rules.ActiveRuleSet;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

@Controller("/api/rules/preview")
@Secured(Roles.RULES_AUTHOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class RulePreviewController {

    private final ImpactPreviewService previews;
    private final ActiveRuleSet rules;

    private final AuditLog audit;
    private final CandidateChecker checker;

    RulePreviewController(ImpactPreviewService previews, ActiveRuleSet rules, AuditLog audit, CandidateChecker checker) {
        this.checker = checker;
        this.audit = audit;
        this.previews = previews;
        this.rules = rules;
    }

    /**
     * What the candidate would do to today's queue. A candidate that does not compile or fails the guard or
     * probe gets 422 with the problems; failing scenario tests are listed in the preview, since seeing the
     * impact is how one decides whether the scenario or the rule is wrong.
     */
    @Post
    HttpResponse<?> preview(HttpRequest<?> request, @Body @Valid CandidateRequest body) {
        CheckResult result = checker.check(CandidateFiles.assemble(rules.candidateBase(), body), false);
        audit.acted("rules", "candidate", "preview", java.util.Map.of("ok", result.ok(), "problems", result.problems().size()));
        if (!result.ok()) {
            return RejectedCandidate.response(request, result);
        }
        return HttpResponse.ok(previews.preview(result.ruleSet(), CandidateChecker.scenarios(result.ruleSet())));
    }
}
