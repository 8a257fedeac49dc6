package dev.docket.explain;

import dev.docket.feed.ChangeFeed;
import io.micronaut.http.HttpResponse;
import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Controller("/api/contracts/{id}/explanation")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
class ExplanationController {

    private final ExplanationService explanations;

    ExplanationController(ExplanationService explanations) {
        this.explanations = explanations;
    }

    @Get
    HttpResponse<Explanation> explain(@PathVariable long id) {
        Explanation explanation = explanations.explain(id);
        return explanation.stale() ? HttpResponse.ok(explanation).header(ChangeFeed.STALE_HEADER, "true")
                : HttpResponse.ok(explanation);
    }
}
