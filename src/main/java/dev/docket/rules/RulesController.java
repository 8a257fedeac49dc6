package dev.docket.rules;

import dev.docket.audit.AuditLog;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import dev.docket.access.Roles;
import jakarta.validation.Valid;

/** Legal ops' view of the policy: what is live, its history, and checking or activating a change. */
@Controller("/api/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class RulesController {

    private final ActiveRuleSet rules;
    private final RuleVersionStore store;
    private final BacklogTrial backlog;
    private final AuditLog audit;

    RulesController(ActiveRuleSet rules, RuleVersionStore store, BacklogTrial backlog, AuditLog audit) {
        this.rules = rules;
        this.backlog = backlog;
        this.store = store;
        this.audit = audit;
    }

    @Get("/status")
    @Secured(Roles.VIEWER)
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
    @Secured(Roles.VIEWER)
    List<VersionSummary> versions() {
        long active = rules.active().version().id();
        return store.list().stream().map(v -> new VersionSummary(v.id(), v.hash(), v.source(), v.activatedAt(),
                v.activatedBy(), v.id() == active, v.ruleNames().isEmpty() ? 0 : v.ruleNames().split("\n").length)).toList();
    }

    @Get("/versions/{number}")
    @Secured(Roles.VIEWER)
    VersionDetail version(@PathVariable long number) {
        RuleVersion v = store.find(number).orElseThrow(() -> new UnknownRuleVersionException(number));
        List<FileContent> files = store.sourcesOf(number).stream().map(FileContent::of).toList();
        return new VersionDetail(v.id(), v.hash(), v.source(), v.activatedAt(), v.activatedBy(),
                v.id().equals(rules.active().version().id()), List.of(v.ruleNames().split("\n")), files);
    }

    /** Rollback: one call makes an earlier version live again. */
    @Post("/versions/{number}/activate")
    @Secured(Roles.RULES_ADMIN)
    HttpResponse<?> rollback(HttpRequest<?> request, @PathVariable long number, Authentication authentication) {
        CheckResult result = rules.rollback(number, authentication.getName());
        audit.acted("rules", number, "rollback", outcome(result));
        return result.ok() ? HttpResponse.ok(status()) : RejectedCandidate.response(request, result);
    }

    /** Takes the folder's version while folder changes are held (see {@link FolderDrift}); rules-admin. */
    @Post("/folder/activate")
    @Secured(Roles.RULES_ADMIN)
    HttpResponse<?> takeFolder(HttpRequest<?> request, Authentication authentication) {
        CheckResult result = rules.takeFolder(authentication.getName());
        audit.acted("rules", "folder", "take-folder", outcome(result));
        return result.ok() ? HttpResponse.ok(status()) : RejectedCandidate.response(request, result);
    }

    /** Checks a candidate (guard, compile, probe, scenarios, then the real backlog) and activates nothing. */
    @Post("/validate")
    @Secured(Roles.RULES_AUTHOR)
    CandidateVerdict validate(@Body @Valid CandidateRequest body) {
        CheckResult result = rules.check(candidate(body));
        audit.acted("rules", "candidate", "validate", outcome(result));
        return CandidateVerdict.of(result);
    }

    @Post("/activate")
    @Secured(Roles.RULES_ADMIN)
    HttpResponse<?> activate(HttpRequest<?> request, @Body @Valid CandidateRequest body, Authentication authentication) {
        // The files sent are laid over the version live now; activation is compare-and-set against it.
        ActiveRuleSet.Active live = rules.active();
        CheckResult result = rules.activate(candidate(body), RuleVersion.Source.API, authentication.getName(), live.version().id());
        audit.acted("rules", result.ok() ? String.valueOf(rules.active().version().id()) : "candidate", "activate", outcome(result));
        return result.ok() ? HttpResponse.ok(status()) : RejectedCandidate.response(request, result);
    }

    /** What the audit log keeps of a check: whether it passed, how many problems, and the live version after it. */
    private java.util.Map<String, Object> outcome(CheckResult result) {
        return java.util.Map.of("ok", result.ok(), "problems", result.problems().size(), "liveVersion", rules.active().version().id());
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
