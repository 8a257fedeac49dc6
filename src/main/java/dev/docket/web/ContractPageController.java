package dev.docket.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.docket.approval.ApprovalService;
import dev.docket.comment.Comment;
import dev.docket.comment.CommentRepository;
import dev.docket.comment.CommentRequest;
import dev.docket.comment.CommentView;
import dev.docket.contract.ContractService;
import dev.docket.contract.ContractView;
import dev.docket.contract.Paper;
import dev.docket.history.ContractHistory;
import dev.docket.history.HistoryPoint;
import dev.docket.override.OverrideService;
import dev.docket.override.OverrideView;
import dev.docket.explain.Explanation;
import dev.docket.explain.ExplanationService;
import dev.docket.ranking.NotInQueueException;
import dev.docket.explain.WhatIfService;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.access.Roles;
import dev.docket.audit.AuditLog;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.validation.validator.Validator;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/** "Why here, and what moves me up": one contract's explanation, what-if, history, approvals and comments. */
@Secured(Roles.VIEWER)
@Controller("/contracts/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ContractPageController {

    private final Actors actors;
    private final AuditLog audit;
    private final ContractService contracts;
    private final ExplanationService explanations;
    private final WhatIfService whatIfs;
    private final ContractHistory history;
    private final ApprovalService approvals;
    private final CommentRepository comments;
    private final OverrideService overrides;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final RankingService rankings;
    private final PerRanking<Long, List<String>> moves;

    ContractPageController(ContractService contracts, ExplanationService explanations, WhatIfService whatIfs,
                           ContractHistory history, ApprovalService approvals, CommentRepository comments,
                           OverrideService overrides, Validator validator, JsonMapper json, Clock clock,
                           Actors actors, AuditLog audit, RankingService rankings) {
        this.rankings = rankings;
        this.moves = new PerRanking<>(4096);
        this.contracts = contracts;
        this.explanations = explanations;
        this.whatIfs = whatIfs;
        this.history = history;
        this.approvals = approvals;
        this.comments = comments;
        this.overrides = overrides;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.actors = actors;
        this.audit = audit;
    }

    @View("contract")
    @Get(produces = MediaType.TEXT_HTML)
    Object page(HttpRequest<?> request, @PathVariable long id) {
        ContractView contract = contracts.get(id);
        Explanation explanation = null;
        try {
            explanation = explanations.explain(id, false);
        } catch (NotInQueueException closed) {
            // Signed, approved or withdrawn: the page still shows its record, history and thread.
        }
        Instant now = clock.instant();
        OverrideView inForce = overrides.forContract(id).stream()
                .filter(o -> o.state() == OverrideView.State.ACTIVE).findFirst().orElse(null);
        Bar bar = explanation == null ? null : Bar.of(explanation.contributions(), Bar.length(explanation.contributions()));
        ContractPageView view = new ContractPageView(contract, explanation, bar, approvals.forContract(id), thread(id),
                inForce, LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
        return Page.model(new Page(contract.title(), "queue", actors.of(request)), view);
    }

    /**
     * Rank over time, loaded by the page after it is shown: replaying history reads the recorded snapshots, which
     * at 100,000 contracts takes seconds (ContractHistory), far longer than the rest of the page.
     */
    @Get(uri = "/history", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> history(@PathVariable long id) {
        ContractView contract = contracts.get(id);
        List<HistoryPoint> points = history.of(id, contract.createdAt(), clock.instant());
        return new ModelAndView<>("contract-history", Map.of("history", points, "historyJson", chartJson(points)));
    }

    /**
     * "What moves it up", loaded by the page after it is shown: the counterfactuals run the live rules on dozens of
     * changed copies of the contract. They depend only on the ranking, so they are kept for it.
     */
    @Get(uri = "/moves", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> moves(@PathVariable long id) {
        List<String> actions;
        try {
            actions = moves.of(rankings.current(), id, () -> ContractPageView.actions(explanations.explain(id)));
        } catch (NotInQueueException closed) {
            actions = List.of();
        }
        return new ModelAndView<>("contract-moves", Map.of("actions", actions));
    }

    /** The what-if: the live rules score a changed copy; nothing is saved, so a GET that anyone may repeat. */
    @Get(uri = "/what-if", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> whatIf(@PathVariable long id, @QueryValue @Nullable LocalDate targetCloseDate,
                                             @QueryValue @Nullable Paper paper,
                                             @QueryValue @Nullable @PositiveOrZero @DecimalMax("100000000000000") BigDecimal expansion) {
        return new ModelAndView<>("what-if", Map.of("o", whatIfs.whatIf(id, targetCloseDate, paper, expansion)));
    }

    /** The page's comment form: the same write as POST /api/contracts/{id}/comments, by the signed-in person. */
    @Post(uri = "/comments", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Transactional
    HttpResponse<?> comment(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        // Locked like every other write on the contract, so writes to one contract queue in one order.
        contracts.lock(id);
        Actor actor = actors.of(request);
        CommentRequest body = new CommentRequest(form.getOrDefault("text", ""));
        Set<ConstraintViolation<CommentRequest>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<String> problems = violations.stream()
                    .map(v -> fieldName(v.getPropertyPath().toString()) + ": " + v.getMessage())
                    .sorted().collect(Collectors.toList());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("comments", Map.of("id", id, "comments", thread(id), "problems", problems,
                            "actor", actor)));
        }
        Comment saved = comments.save(new Comment(null, id, actor.name(), body.text().strip(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        audit.changed("comment", saved.id(), "add", null, CommentView.of(saved));
        return HttpResponse.ok(new ModelAndView<>("comments", Map.of("id", id, "comments", thread(id),
                "problems", List.of(), "actor", actor)));
    }

    private List<CommentView> thread(long id) {
        return comments.findByContractIdOrderById(id).stream().map(CommentView::of).toList();
    }

    private static String fieldName(String path) {
        return path.endsWith("text") ? "comment" : path;
    }

    /** uPlot's columns: seconds since the epoch and the rank (null while out of the queue). */
    private String chartJson(List<HistoryPoint> points) {
        List<Long> at = points.stream().map(p -> p.at().getEpochSecond()).toList();
        // A list, not an Integer[]: the serializer unboxes array elements, and a rank is null while out of the queue.
        List<Integer> rank = points.stream().map(HistoryPoint::rank).collect(Collectors.toList());
        try {
            return json.writeValueAsString(List.of(at, rank));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
