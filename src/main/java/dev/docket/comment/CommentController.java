package dev.docket.comment;

import dev.docket.audit.AuditLog;
import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.docket.contract.ContractNotFoundException;
import dev.docket.contract.ContractRepository;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;

/** A contract's comment thread, oldest first. Comments do not move a contract, so they do not touch the ranking. */
@Controller("/api/contracts/{id}/comments")
@ExecuteOn(TaskExecutors.BLOCKING)
class CommentController {

    private final CommentRepository comments;
    private final ContractRepository contracts;
    private final Clock clock;
    private final AuditLog audit;

    CommentController(CommentRepository comments, ContractRepository contracts, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.comments = comments;
        this.contracts = contracts;
        this.clock = clock;
    }

    @Post
    @Secured(Roles.VIEWER)
    @Transactional
    HttpResponse<CommentView> add(@PathVariable long id, @Body @Valid CommentRequest body, Authentication caller) {
        // Locked like every other write on the contract, so writes to one contract queue in one order.
        contracts.lockById(id).orElseThrow(() -> new ContractNotFoundException(id));
        Comment saved = comments.save(new Comment(null, id, caller.getName(), body.text().strip(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        CommentView view = CommentView.of(saved);
        audit.changed("comment", saved.id(), "add", null, view);
        return HttpResponse.created(view, URI.create("/api/contracts/" + id + "/comments"));
    }

    @Get
    @Secured(Roles.VIEWER)
    @Transactional(readOnly = true)
    List<CommentView> thread(@PathVariable long id) {
        requireContract(id);
        return comments.findByContractIdOrderById(id).stream().map(CommentView::of).toList();
    }

    private void requireContract(long id) {
        if (!contracts.existsById(id)) {
            throw new ContractNotFoundException(id);
        }
    }
}
