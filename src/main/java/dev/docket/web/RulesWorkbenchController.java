package dev.docket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.docket.preview.ImpactPreview;
import dev.docket.preview.ImpactPreviewService;
import dev.docket.rules.api.CandidateFiles;
import dev.docket.rules.api.CandidateRequest;
import dev.docket.rules.api.CandidateVerdict;
import dev.docket.rules.check.CandidateChecker;
import dev.docket.rules.check.CheckResult;
import dev.docket.rules.check.PlainPolicy;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.RuleActivationLostException;
import dev.docket.audit.AuditLog;
import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import dev.docket.rules.UnknownRuleVersionException;
import dev.docket.rules.version.RuleVersion;
import dev.docket.rules.version.RuleVersionStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.validator.Validator;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import jakarta.validation.ConstraintViolation;

/**
 * The rules workbench: the live version's files, the version history with diffs, and an editor whose Validate,
 * Preview, Activate and Roll back take the rules API's paths: the same roles, the same checks over
 * {@link ActiveRuleSet#candidateBase()}, compare-and-set activation and the same audit entries.
 */
@Controller("/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class RulesWorkbenchController {

    private final ActiveRuleSet rules;
    private final RuleVersionStore store;
    private final ImpactPreviewService previews;
    private final AuditLog audit;
    private final Actors actors;
    private final Validator validator;
    private final CandidateChecker checker;

    RulesWorkbenchController(ActiveRuleSet rules, RuleVersionStore store, ImpactPreviewService previews, AuditLog audit,
                             Actors actors, Validator validator, CandidateChecker checker) {
        this.checker = checker;
        this.rules = rules;
        this.store = store;
        this.previews = previews;
        this.audit = audit;
        this.actors = actors;
        this.validator = validator;
    }

    @View("rules")
    @Get(produces = MediaType.TEXT_HTML)
    @Secured(Roles.VIEWER)
    Object workbench(HttpRequest<?> request, @QueryValue @Nullable String file) {
        ActiveRuleSet.Active active = rules.active();
        List<RuleSource> sources = active.ruleSet().sources();
        RuleSource editing = sources.stream().filter(s -> s.path().equals(file)).findFirst()
                .orElse(sources.stream().filter(s -> s.kind() == RuleSource.Kind.DRL).findFirst().orElse(sources.get(0)));
        List<RuleFile> files = sources.stream().map(RuleFile::of).toList();
        WorkbenchView view = new WorkbenchView(active.version(), files, store.list().stream().sorted(java.util.Comparator.comparing(RuleVersion::id).reversed()).toList(), editing.path(),
                RuleFile.of(editing).text(), rules.lastAttempt());
        return Page.model(new Page("Rules", "rules", actors.of(request)), view);
    }

    @Get(uri = "/diff", produces = MediaType.TEXT_HTML)
    @Secured(Roles.VIEWER)
    ModelAndView<Map<String, Object>> diff(@QueryValue long from, @QueryValue long to) {
        for (long n : new long[] {from, to}) {
            store.find(n).orElseThrow(() -> new UnknownRuleVersionException(n));
        }
        return new ModelAndView<>("rules-diff", Map.of("d", RuleDiff.between(from, store.sourcesOf(from), to, store.sourcesOf(to))));
    }

    /** As POST /api/rules/validate: every check activation makes, the real backlog included; activates nothing. */
    @Post(uri = "/validate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Roles.RULES_AUTHOR)
    HttpResponse<?> validate(@Body Map<String, String> form) {
        return withCandidate(form, sources -> {
            CheckResult result = rules.check(sources);
            audit.acted("rules", "candidate", "validate", outcome(result));
            return result(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY,
                    RuleCheck.verdict("Validate", CandidateVerdict.of(result)));
        });
    }

    /** As POST /api/rules/preview: what the candidate would do to today's queue. */
    @Post(uri = "/preview", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Roles.RULES_AUTHOR)
    HttpResponse<?> preview(@Body Map<String, String> form) {
        return withCandidate(form, sources -> {
            CheckResult result = checker.check(sources, false);
            audit.acted("rules", "candidate", "preview", Map.of("ok", result.ok(), "problems", result.problems().size()));
            if (!result.ok()) {
                return result(HttpStatus.UNPROCESSABLE_ENTITY, RuleCheck.verdict("Preview", CandidateVerdict.of(result)));
            }
            ImpactPreview preview = previews.preview(result.ruleSet(), CandidateChecker.scenarios(result.ruleSet()));
            return result(HttpStatus.OK, new RuleCheck("Preview", true, List.of(), preview, null,
                    PlainPolicy.of(result.ruleSet().sources()).stream().mapToInt(s -> s.rules().size()).sum() + " rules"));
        });
    }

    /**
     * As POST /api/rules/activate, compare-and-set against the version the page was showing ({@code basedOn}), so an
     * activation made meanwhile anywhere is never silently overwritten by an editor opened before it.
     */
    @Post(uri = "/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Roles.RULES_ADMIN)
    HttpResponse<?> activate(@Body Map<String, String> form, Authentication caller) {
        long basedOn;
        try {
            basedOn = Long.parseLong(form.getOrDefault("basedOn", "").strip());
        } catch (NumberFormatException e) {
            return result(HttpStatus.UNPROCESSABLE_ENTITY, new RuleCheck("Activate", false,
                    List.of("basedOn: must be the number of the version the editor was opened on"), null, null, null));
        }
        return withCandidate(form, sources -> {
            CheckResult result;
            try {
                result = rules.activate(sources, RuleVersion.Source.API, caller.getName(), basedOn);
            } catch (RuleActivationLostException e) {
                audit.acted("rules", "candidate", "activate", Map.of("ok", false, "lost", true,
                        "liveVersion", rules.active().version().id()));
                return result(HttpStatus.CONFLICT, new RuleCheck("Activate", false, List.of(e.getMessage()), null, null, null));
            }
            audit.acted("rules", result.ok() ? String.valueOf(rules.active().version().id()) : "candidate", "activate",
                    outcome(result));
            return activation(result, "Activate");
        });
    }

    /** As POST /api/rules/versions/{number}/activate. */
    @Post(uri = "/versions/{number}/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Roles.RULES_ADMIN)
    HttpResponse<?> rollback(@PathVariable long number, Authentication caller) {
        CheckResult result = rules.rollback(number, caller.getName());
        audit.acted("rules", number, "rollback", outcome(result));
        return activation(result, "Roll back to version " + number);
    }

    /** What the audit log keeps of a check, as the API records it. */
    private Map<String, Object> outcome(CheckResult result) {
        return Map.of("ok", result.ok(), "problems", result.problems().size(), "liveVersion", rules.active().version().id());
    }

    private HttpResponse<?> activation(CheckResult result, String action) {
        if (!result.ok()) {
            return result(HttpStatus.UNPROCESSABLE_ENTITY, RuleCheck.verdict(action, CandidateVerdict.of(result)));
        }
        RuleVersion live = rules.active().version();
        return result(HttpStatus.OK, new RuleCheck(action, true, List.of(), null, null,
                "Version " + live.id() + " (" + live.hash() + ") is live. Reload the page to see its files and history."));
    }

    /** Checks the form against the API's own CandidateRequest constraints before anything compiles. */
    private HttpResponse<?> withCandidate(Map<String, String> form,
                                          java.util.function.Function<List<RuleSource>, HttpResponse<?>> then) {
        String path = form.getOrDefault("path", "").strip();
        String content = form.getOrDefault("content", "");
        CandidateRequest candidate = new CandidateRequest(List.of(new CandidateRequest.CandidateFile(path, content, "text")),
                null, null);
        Set<ConstraintViolation<CandidateRequest>> violations = validator.validate(candidate);
        if (!violations.isEmpty()) {
            List<String> problems = new ArrayList<>();
            violations.forEach(v -> problems.add(v.getPropertyPath().toString().replaceFirst("^files\\[0\\]\\.", "")
                    + ": " + v.getMessage()));
            return result(HttpStatus.UNPROCESSABLE_ENTITY, new RuleCheck("Check", false, problems.stream().sorted().toList(),
                    null, null, null));
        }
        return then.apply(CandidateFiles.assemble(rules.candidateBase(), candidate));
    }

    private static HttpResponse<?> result(HttpStatus status, RuleCheck result) {
        return HttpResponse.status(status).body(new ModelAndView<>("rules-result", Map.of("r", result)));
    }


}
