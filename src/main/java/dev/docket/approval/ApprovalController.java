package dev.docket.approval;

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

    @Post("/contracts/{id}/approvals")
    HttpResponse<ApprovalView> request(@PathVariable long id, @Body @Valid ApprovalRequest body) {
        ApprovalView created = approvals.request(id, body);
        return HttpResponse.created(created, URI.create("/api/contracts/" + id + "/approvals"));
    }

    @Get("/contracts/{id}/approvals")
    List<ApprovalView> list(@PathVariable long id) {
        return approvals.forContract(id);
    }

    @Post("/approvals/{approvalId}/decision")
    ApprovalView decide(@PathVariable long approvalId, @Body @Valid DecisionRequest body) {
        return approvals.decide(approvalId, body);
    }

    @Get("/approvals/inbox")
    List<InboxItem> inbox(@QueryValue @NotBlank String decisionMaker) {
        return approvals.inbox(decisionMaker);
    }
}
