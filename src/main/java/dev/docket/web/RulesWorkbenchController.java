package dev.docket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.docket.ranking.ImpactPreview;
import dev.docket.ranking.ImpactPreviewService;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.CandidateChecker;
import dev.docket.rules.CandidateFiles;
import dev.docket.rules.CandidateRequest;
import dev.docket.rules.CandidateVerdict;
import dev.docket.rules.CheckResult;
import dev.docket.rules.PlainPolicy;
import dev.docket.rules.RuleSource;
import dev.docket.rules.RulesAdmin;
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
 * Preview, Activate and Roll back run the same checks as the rules API. Activation and rollback pass the same
 * rules-admin check as the API (RulesAdmin), which is where identity's roles take over once it lands.
 */
@Controller("/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class RulesWorkbenchController {

    private final ActiveRuleSet rules;
    private final RuleVersionStore store;
    private final ImpactPreviewService previews;
    private final RulesAdmin admin;
    private final Validator validator;

    RulesWorkbenchController(ActiveRuleSet rules, RuleVersionStore store, ImpactPreviewService previews, RulesAdmin admin,
                             Validator validator) {
        this.rules = rules;
        this.store = store;
        this.previews = previews;
        this.admin = admin;
        this.validator = validator;
    }

    @View("rules")
    @Get(produces = MediaType.TEXT_HTML)
    Object workbench(HttpRequest<?> request, @QueryValue @Nullable String file) {
        ActiveRuleSet.Active active = rules.active();
        List<RuleSource> sources = active.ruleSet().sources();
        RuleSource editing = sources.stream().filter(s -> s.path().equals(file)).findFirst()
                .orElse(sources.stream().filter(s -> s.kind() == RuleSource.Kind.DRL).findFirst().orElse(sources.get(0)));
        List<RuleFile> files = sources.stream().map(RuleFile::of).toList();
        WorkbenchView view = new WorkbenchView(active.version(), files, store.list().stream().sorted(java.util.Comparator.comparing(RuleVersion::id).reversed()).toList(), editing.path(),
                RuleFile.of(editing).text(), rules.lastAttempt());
        return Page.model(new Page("Rules", "rules", Actor.of(request)), view);
    }

    @Get(uri = "/diff", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> diff(@QueryValue long from, @QueryValue long to) {
        for (long n : new long[] {from, to}) {
            store.find(n).orElseThrow(() -> new UnknownRuleVersionException(n));
        }
        return new ModelAndView<>("rules-diff", Map.of("d", RuleDiff.between(from, store.sourcesOf(from), to, store.sourcesOf(to))));
    }

    @Post(uri = "/validate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> validate(HttpRequest<?> request, @Body Map<String, String> form) {
        return withCandidate(form, null, sources -> {
            // Every check activation makes, the real backlog included, as POST /api/rules/validate does.
            CheckResult result = rules.check(sources);
            return result(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY,
                    RuleCheck.verdict("Validate", CandidateVerdict.of(result)));
        });
    }

    @Post(uri = "/preview", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> preview(HttpRequest<?> request, @Body Map<String, String> form) {
        return withCandidate(form, null, sources -> {
            CheckResult result = CandidateChecker.check(sources, false);
            if (!result.ok()) {
                return result(HttpStatus.UNPROCESSABLE_ENTITY, RuleCheck.verdict("Preview", CandidateVerdict.of(result)));
            }
            ImpactPreview preview = previews.preview(result.ruleSet(), CandidateChecker.scenarios(result.ruleSet()));
            return result(HttpStatus.OK, new RuleCheck("Preview", true, List.of(), preview, null,
                    PlainPolicy.of(result.ruleSet().sources()).stream().mapToInt(s -> s.rules().size()).sum() + " rules"));
        });
    }

    @Post(uri = "/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> activate(HttpRequest<?> request, @Body Map<String, String> form) {
        Actor actor = Actor.of(request);
        admin.requireAdmin(request);
        return withCandidate(form, actor, sources -> {
            CheckResult result = rules.activate(sources, RuleVersion.Source.API, by(actor, form));
            return activation(result, "Activate");
        });
    }

    @Post(uri = "/versions/{number}/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> rollback(HttpRequest<?> request, @PathVariable long number, @Body Map<String, String> form) {
        Actor actor = Actor.of(request);
        admin.requireAdmin(request);
        return activation(rules.rollback(number, by(actor, form)), "Roll back to version " + number);
    }

    private HttpResponse<?> activation(CheckResult result, String action) {
        if (!result.ok()) {
            return result(HttpStatus.UNPROCESSABLE_ENTITY, RuleCheck.verdict(action, CandidateVerdict.of(result)));
        }
        RuleVersion live = rules.active().version();
        return result(HttpStatus.OK, new RuleCheck(action, true, List.of(), null, null,
                "Version " + live.id() + " (" + live.hash() + ") is live. Reload the page to see its files and history."));
    }

    private static @Nullable String by(Actor actor, Map<String, String> form) {
        String name = actor.signedIn() ? actor.name() : form.getOrDefault("actor", "").strip();
        return name.isEmpty() ? null : name;
    }

    /** Checks the form against the API's own CandidateRequest constraints before anything compiles. */
    private HttpResponse<?> withCandidate(Map<String, String> form, @Nullable Actor actor,
                                          java.util.function.Function<List<RuleSource>, HttpResponse<?>> then) {
        String path = form.getOrDefault("path", "").strip();
        String content = form.getOrDefault("content", "");
        CandidateRequest candidate = new CandidateRequest(List.of(new CandidateRequest.CandidateFile(path, content, "text")),
                null, null, actor == null ? null : by(actor, form));
        Set<ConstraintViolation<CandidateRequest>> violations = validator.validate(candidate);
        if (!violations.isEmpty()) {
            List<String> problems = new ArrayList<>();
            violations.forEach(v -> problems.add(v.getPropertyPath().toString().replaceFirst("^files\\[0\\]\\.", "")
                    + ": " + v.getMessage()));
            return result(HttpStatus.UNPROCESSABLE_ENTITY, new RuleCheck("Check", false, problems.stream().sorted().toList(),
                    null, null, null));
        }
        // Laid over the live policy and the folder's scenarios, as the rules API does.
        return then.apply(CandidateFiles.assemble(rules.candidateBase(), candidate));
    }

    private static HttpResponse<?> result(HttpStatus status, RuleCheck result) {
        return HttpResponse.status(status).body(new ModelAndView<>("rules-result", Map.of("r", result)));
    }


}
