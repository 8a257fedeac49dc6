package dev.docket.rules;

import java.util.Base64;
import java.util.List;

import dev.docket.rules.version.RuleVersion;
import dev.docket.rules.version.RuleVersionStore;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;

/** Legal ops' view of the policy: what is live, its history, and checking or activating a change. */
@Controller("/api/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class RulesController {

    private final ActiveRuleSet rules;
    private final RuleVersionStore store;
    private final RulesAdmin admin;
    private final BacklogTrial backlog;

    RulesController(ActiveRuleSet rules, RuleVersionStore store, RulesAdmin admin, BacklogTrial backlog) {
        this.rules = rules;
        this.backlog = backlog;
        this.store = store;
        this.admin = admin;
    }

    @Get("/status")
    RulesStatus status() {
        ActiveRuleSet.Active active = rules.active();
        RuleVersion v = active.version();
        RulesStatus.Attempt attempt = rules.lastAttempt();
        List<ScoringFailure> parked = backlog.parked();
        return new RulesStatus(new RulesStatus.ActiveVersion(v.id(), v.hash(), v.source(), v.activatedAt(), v.activatedBy(),
                active.ruleSet().sources().stream().map(RuleSource::path).toList(), active.ruleSet().ruleNames()),
                attempt, (attempt == null || attempt.activated()) && parked.isEmpty() && rules.drift() == null, parked, rules.drift());
    }

    @Get("/versions")
    List<VersionSummary> versions() {
        long active = rules.active().version().id();
        return store.list().stream().map(v -> new VersionSummary(v.id(), v.hash(), v.source(), v.activatedAt(),
                v.activatedBy(), v.id() == active, v.ruleNames().isEmpty() ? 0 : v.ruleNames().split("\n").length)).toList();
    }

    @Get("/versions/{number}")
    VersionDetail version(@PathVariable long number) {
        RuleVersion v = store.find(number).orElseThrow(() -> new UnknownRuleVersionException(number));
        List<FileContent> files = store.sourcesOf(number).stream().map(FileContent::of).toList();
        return new VersionDetail(v.id(), v.hash(), v.source(), v.activatedAt(), v.activatedBy(),
                v.id().equals(rules.active().version().id()), List.of(v.ruleNames().split("\n")), files);
    }

    /** Rollback: one call makes an earlier version live again. */
    @Post("/versions/{number}/activate")
    HttpResponse<?> rollback(HttpRequest<?> request, @PathVariable long number) {
        admin.requireAdmin(request);
        CheckResult result = rules.rollback(number, request.getHeaders().get("X-Docket-User"));
        return result.ok() ? HttpResponse.ok(status()) : RejectedCandidate.response(request, result);
    }

    /** Takes the folder's version while folder changes are held (see {@link FolderDrift}); rules-admin. */
    @Post("/folder/activate")
    HttpResponse<?> takeFolder(HttpRequest<?> request) {
        admin.requireAdmin(request);
        CheckResult result = rules.takeFolder(request.getHeaders().get("X-Docket-User"));
        return result.ok() ? HttpResponse.ok(status()) : RejectedCandidate.response(request, result);
    }

    /** Checks a candidate (guard, compile, probe, scenarios, then the real backlog) and activates nothing. */
    @Post("/validate")
    CandidateVerdict validate(@Body @Valid CandidateRequest body) {
        return CandidateVerdict.of(rules.check(candidate(body)));
    }

    @Post("/activate")
    HttpResponse<?> activate(HttpRequest<?> request, @Body @Valid CandidateRequest body) {
        admin.requireAdmin(request);
        // The files sent are laid over the version live now; activation is compare-and-set against it.
        ActiveRuleSet.Active live = rules.active();
        CheckResult result = rules.activate(candidate(body), RuleVersion.Source.API, body.activatedBy(), live.version().id());
        return result.ok() ? HttpResponse.ok(status()) : RejectedCandidate.response(request, result);
    }

    private List<RuleSource> candidate(CandidateRequest body) {
        return CandidateFiles.assemble(rules.candidateBase(), body);
    }

    @Serdeable
    record VersionSummary(long number, String hash, RuleVersion.Source source, java.time.Instant activatedAt,
                          @io.micronaut.core.annotation.Nullable String activatedBy, boolean active, int rules) {
    }

    @Serdeable
    record VersionDetail(long number, String hash, RuleVersion.Source source, java.time.Instant activatedAt,
                         @io.micronaut.core.annotation.Nullable String activatedBy, boolean active, List<String> rules,
                         List<FileContent> files) {
    }

    /** A stored file; binary decision tables come back in base64. */
    @Serdeable
    record FileContent(String path, String encoding, String content) {
        static FileContent of(RuleSource s) {
            return s.kind() == RuleSource.Kind.DECISION_TABLE_XLSX
                    ? new FileContent(s.path(), "base64", Base64.getEncoder().encodeToString(s.bytes()))
                    : new FileContent(s.path(), "text", s.text());
        }
    }
}
