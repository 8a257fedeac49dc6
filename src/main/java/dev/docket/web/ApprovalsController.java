package dev.docket.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.docket.approval.ApprovalAlreadyDecidedException;
import dev.docket.approval.ApprovalNotFoundException;
import dev.docket.approval.ApprovalService;
import dev.docket.approval.Decision;
import dev.docket.approval.DecisionRequest;
import dev.docket.approval.InboxItem;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
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
import dev.docket.identity.NotAllowedException;
import io.micronaut.security.authentication.Authentication;
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
import jakarta.validation.constraints.Size;

/**
 * The approvals inbox: a decision maker's pending requests, oldest first, each with where its contract stands, and
 * Approve/Reject with a comment, offered to approvers and decided as the signed-in person.
 */
@Controller("/approvals")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApprovalsController {

    private final Actors actors;
    private final ApprovalService approvals;
    private final RankingService rankings;
    private final Validator validator;

    ApprovalsController(ApprovalService approvals, RankingService rankings, Validator validator, Actors actors) {
        this.approvals = approvals;
        this.rankings = rankings;
        this.validator = validator;
        this.actors = actors;
    }

    @View("approvals")
    @Get(produces = MediaType.TEXT_HTML)
    @Secured(Roles.VIEWER)
    Object inbox(HttpRequest<?> request, @QueryValue @Nullable @Size(max = 120) String decisionMaker) {
        String who = decisionMaker != null && !decisionMaker.isBlank() ? decisionMaker.strip() : null;
        return Page.model(new Page("Approvals", "approvals", actors.of(request)), view(who, null, List.of()));
    }

    /** The same decision as POST /api/approvals/{id}/decision: approver, listed for the decision maker, not the asker. */
    @Post(uri = "/{approvalId}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(Roles.APPROVER)
    HttpResponse<?> decide(HttpRequest<?> request, @PathVariable long approvalId, @Body Map<String, String> form,
                           Authentication caller) {
        Actor actor = actors.of(request);
        String decisionMaker = form.getOrDefault("decisionMaker", "");
        Decision decision;
        try {
            decision = Decision.valueOf(form.getOrDefault("decision", ""));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, actor, decisionMaker, "decision: must be APPROVED or REJECTED");
        }
        String comment = form.getOrDefault("comment", "").strip();
        DecisionRequest body = new DecisionRequest(decision, comment.isEmpty() ? null : comment);
        Set<ConstraintViolation<DecisionRequest>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, actor, decisionMaker, violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toArray(String[]::new));
        }
        try {
            approvals.decide(approvalId, body, dev.docket.identity.Actor.of(caller));
        } catch (ApprovalNotFoundException e) {
            return problem(HttpStatus.NOT_FOUND, actor, decisionMaker, e.getMessage());
        } catch (ApprovalAlreadyDecidedException e) {
            return problem(HttpStatus.CONFLICT, actor, decisionMaker, e.getMessage());
        } catch (NotAllowedException e) {
            return problem(HttpStatus.FORBIDDEN, actor, decisionMaker, e.getMessage());
        }
        return HttpResponse.ok(new ModelAndView<>("approvals-list", Map.of("m", view(decisionMaker, "Decision recorded: "
                + decision.name().toLowerCase(java.util.Locale.ROOT) + ".", List.of()), "page", page(actor))));
    }

    private HttpResponse<?> problem(HttpStatus status, Actor actor, String decisionMaker, String... problems) {
        return HttpResponse.status(status).body(new ModelAndView<>("approvals-list",
                Map.of("m", view(decisionMaker, null, List.of(problems)), "page", page(actor))));
    }

    private static Page page(Actor actor) {
        return new Page("Approvals", "approvals", actor);
    }

    private InboxView view(@Nullable String decisionMaker, @Nullable String notice, List<String> problems) {
        List<InboxView.Item> items = List.of();
        if (decisionMaker != null && !decisionMaker.isBlank()) {
            Ranking ranking = rankings.current();
            items = approvals.inbox(decisionMaker).stream().map(i -> new InboxView.Item(i, entry(ranking, i))).toList();
        }
        return new InboxView(approvals.pendingDecisionMakers(), decisionMaker == null ? "" : decisionMaker, items,
                notice, problems);
    }

    private static @Nullable RankedEntry entry(Ranking ranking, InboxItem item) {
        return ranking.indexOf(item.contractId()).map(ranking::entry).orElse(null);
    }

}
