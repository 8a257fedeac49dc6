package dev.docket.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        String chart = chart(report.weeks(), FairnessReport.Week::weekStart, FairnessReport.Week::total, FairnessReport.Week::pins);
        return Page.model(new Page("Fairness", "fairness", actors.of(request)), new FairnessView(report, chart));
    }

    @View("flow")
    @Get(uri = "/flow", produces = MediaType.TEXT_HTML)
    Object flow(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to)
            throws IOException {
        FlowReport report = flows.report(from, to);
        String chart = chart(report.throughput(), FlowReport.Week::weekStart, FlowReport.Week::closed);
        return Page.model(new Page("Flow", "flow", actors.of(request)), new FlowView(report, chart));
    }

    /**
     * A weekly chart as uPlot reads it, one list per axis: first the x axis, each week's Monday as seconds since the
     * epoch, then one list per series.
     */
    @SafeVarargs
    private <W> String chart(List<W> weeks, Function<W, LocalDate> weekStart, Function<W, ?>... series) throws IOException {
        List<List<?>> columns = new ArrayList<>();
        columns.add(weeks.stream().map(w -> weekStart.apply(w).atStartOfDay(ZoneOffset.UTC).toEpochSecond()).toList());
        for (Function<W, ?> s : series) {
            columns.add(weeks.stream().map(s).toList());
        }
        return json.writeValueAsString(columns);
    }
}
