package dev.docket.approval;

import dev.docket.identity.Actor;
import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApprovalController {

    private final ApprovalService approvals;

    ApprovalController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** Legal asks on any deal; a viewer only on a deal they own (checked in the service, which knows the owner). */
    @Post("/contracts/{id}/approvals")
    @Secured(Roles.VIEWER)
    HttpResponse<ApprovalView> request(@PathVariable long id, @Body @Valid ApprovalRequest body, Authentication caller) {
        ApprovalView created = approvals.request(id, body, Actor.of(caller));
        return HttpResponse.created(created, URI.create("/api/contracts/" + id + "/approvals"));
    }

    @Get("/contracts/{id}/approvals")
    @Secured(Roles.VIEWER)
    List<ApprovalView> list(@PathVariable long id) {
        return approvals.forContract(id);
    }

    @Post("/approvals/{approvalId}/decision")
    @Secured(Roles.APPROVER)
    ApprovalView decide(@PathVariable long approvalId, @Body @Valid DecisionRequest body, Authentication caller) {
        return approvals.decide(approvalId, body, Actor.of(caller));
    }

    @Get("/approvals/inbox")
    @Secured(Roles.VIEWER)
    List<InboxItem> inbox(@QueryValue @NotBlank String decisionMaker) {
        return approvals.inbox(decisionMaker);
    }
}
