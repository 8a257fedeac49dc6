package dev.docket.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.docket.fairness.FairnessReport;
import dev.docket.fairness.FairnessService;
import dev.docket.flow.FlowReport;
import dev.docket.flow.FlowService;
import dev.docket.access.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

/**
 * The report pages: fairness (tables, overrides per week as a chart, value edits per owner) and flow (tables,
 * closures per week as a chart, a CSV link). Both read a period that ends today unless asked otherwise.
 */
@Secured(Roles.VIEWER)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPagesController {

    private final Actors actors;
    private final FairnessService fairness;
    private final FlowService flows;
    private final JsonMapper json;

    ReportPagesController(FairnessService fairness, FlowService flows, JsonMapper json, Actors actors) {
        this.fairness = fairness;
        this.flows = flows;
        this.json = json;
        this.actors = actors;
    }

    @View("fairness")
    @Get(uri = "/fairness", produces = MediaType.TEXT_HTML)
    Object fairness(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to)
            throws IOException {
        FairnessReport report = fairness.report(from, to);
        List<FairnessReport.Week> weeks = report.weeks();
        String chart = json.writeValueAsString(List.of(epochSeconds(weeks.stream().map(FairnessReport.Week::weekStart).toList()),
                weeks.stream().map(FairnessReport.Week::total).toList(), weeks.stream().map(FairnessReport.Week::pins).toList()));
        return Page.model(new Page("Fairness", "fairness", actors.of(request)), new FairnessView(report, chart));
    }

    @View("flow")
    @Get(uri = "/flow", produces = MediaType.TEXT_HTML)
    Object flow(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to)
            throws IOException {
        FlowReport report = flows.report(from, to);
        List<FlowReport.Week> weeks = report.throughput();
        String chart = json.writeValueAsString(List.of(epochSeconds(weeks.stream().map(FlowReport.Week::weekStart).toList()),
                weeks.stream().map(FlowReport.Week::closed).toList()));
        return Page.model(new Page("Flow", "flow", actors.of(request)), new FlowView(report, chart));
    }

    /** uPlot's x axis: each week's Monday as seconds since the epoch. */
    private static List<Long> epochSeconds(List<LocalDate> days) {
        return days.stream().map(d -> d.atStartOfDay(ZoneOffset.UTC).toEpochSecond()).toList();
    }
}
