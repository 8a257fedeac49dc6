package dev.docket.web;

import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.facts.Lane;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.access.Roles;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The queue page, and its rows alone for htmx to swap in when filters change or the ranking moves on. */
@Secured(Roles.VIEWER)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class QueueController {

    private final Actors actors;
    private final QueuePages pages;
    private final MyDeals myDeals;

    QueueController(QueuePages pages, Actors actors, MyDeals myDeals) {
        this.pages = pages;
        this.actors = actors;
        this.myDeals = myDeals;
    }

    @View("queue")
    @Get(produces = MediaType.TEXT_HTML)
    Object queue(HttpRequest<?> request, @QueryValue @Nullable @Size(max = 120) String owner,
                 @QueryValue @Nullable @Size(max = 120) String team, @QueryValue @Nullable Lane lane,
                 @QueryValue @Nullable ContractType type, @QueryValue @Nullable ContractStatus status,
                 @QueryValue @Nullable @Size(max = 200) String q,
                 @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                 @QueryValue(defaultValue = "25") @Min(1) @Max(200) int size,
                 @QueryValue(defaultValue = "false") boolean mine) {
        Actor actor = actors.of(request);
        String notice = "";
        if (mine) {
            MyDeals.Mine my = myDeals.of(actor);
            owner = my.owner() != null ? my.owner() : owner;
            notice = my.notice();
        }
        QueueView view = pages.page(new QueueQuery(owner, team, lane, type, status, q, page, size));
        return Map.of("page", new Page("Queue", "queue", actor), "m", view, "notice", notice);
    }

    @View("queue-rows")
    @Get(uri = "/queue/rows", produces = MediaType.TEXT_HTML)
    Object rows(HttpRequest<?> request, @QueryValue @Nullable @Size(max = 120) String owner,
                @QueryValue @Nullable @Size(max = 120) String team, @QueryValue @Nullable Lane lane,
                @QueryValue @Nullable ContractType type, @QueryValue @Nullable ContractStatus status,
                @QueryValue @Nullable @Size(max = 200) String q,
                @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                @QueryValue(defaultValue = "25") @Min(1) @Max(200) int size) {
        QueueView view = pages.page(new QueueQuery(owner, team, lane, type, status, q, page, size));
        return Page.model(new Page("Queue", "queue", actors.of(request)), view);
    }
}
