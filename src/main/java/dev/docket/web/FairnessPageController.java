package dev.docket.web;

import java.time.LocalDate;
import java.util.List;

import dev.docket.fairness.FairnessReport;
import dev.docket.fairness.FairnessService;
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

/** The fairness report as tables and a chart of overrides per week, with value edits per owner. */
@Secured(Roles.VIEWER)
@Controller("/fairness")
@ExecuteOn(TaskExecutors.BLOCKING)
class FairnessPageController {

    private final Actors actors;
    private final FairnessService reports;
    private final BusinessCalendar calendar;
    private final JsonMapper json;

    FairnessPageController(FairnessService reports, BusinessCalendar calendar, JsonMapper json, Actors actors) {
        this.reports = reports;
        this.calendar = calendar;
        this.json = json;
        this.actors = actors;
    }

    @View("fairness")
    @Get(produces = MediaType.TEXT_HTML)
    Object fairness(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to)
            throws java.io.IOException {
        LocalDate end = to != null ? to : calendar.today();
        LocalDate start = from != null ? from : end.minusWeeks(12).plusDays(1);
        FairnessReport report = reports.report(start, end);
        List<Long> weeks = report.weeks().stream().map(w -> w.weekStart().atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond()).toList();
        List<Integer> totals = report.weeks().stream().map(FairnessReport.Week::total).toList();
        List<Integer> pins = report.weeks().stream().map(FairnessReport.Week::pins).toList();
        return Page.model(new Page("Fairness", "fairness", actors.of(request)),
                new FairnessView(report, json.writeValueAsString(List.of(weeks, totals, pins))));
    }

}
