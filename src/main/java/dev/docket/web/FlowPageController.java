package dev.docket.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.docket.flow.FlowReport;
import dev.docket.flow.FlowService;
import dev.docket.calendar.BusinessCalendar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.access.Roles;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;

/** Flow analytics: the flow report as tables, closures per week as a chart, and a CSV link. */
@Secured(Roles.VIEWER)
@Controller("/flow")
@ExecuteOn(TaskExecutors.BLOCKING)
class FlowPageController {

    private final Actors actors;
    private final FlowService flows;
    private final BusinessCalendar calendar;
    private final JsonMapper json;

    FlowPageController(FlowService flows, BusinessCalendar calendar, JsonMapper json, Actors actors) {
        this.flows = flows;
        this.calendar = calendar;
        this.json = json;
        this.actors = actors;
    }

    @View("flow")
    @Get(produces = MediaType.TEXT_HTML)
    Object flow(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to)
            throws java.io.IOException {
        LocalDate end = to != null ? to : calendar.today();
        LocalDate start = from != null ? from : end.minusWeeks(52).plusDays(1);
        FlowReport report = flows.report(start, end);
        List<Long> weeks = report.throughput().stream().map(w -> w.weekStart().atStartOfDay(ZoneOffset.UTC).toEpochSecond()).toList();
        List<Integer> closed = report.throughput().stream().map(FlowReport.Week::closed).toList();
        return Page.model(new Page("Flow", "flow", actors.of(request)),
                new FlowView(report, json.writeValueAsString(List.of(weeks, closed))));
    }

}
