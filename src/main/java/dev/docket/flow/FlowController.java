package dev.docket.flow;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import dev.docket.access.Roles;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** GET /api/reports/flow as JSON, and the same groups as CSV at /api/reports/flow.csv; default period: the last 52 weeks. */
@Secured(Roles.VIEWER)
@Controller("/api/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
class FlowController {

    private final FlowService flows;

    FlowController(FlowService flows) {
        this.flows = flows;
    }

    @Get(uri = "/flow", produces = MediaType.APPLICATION_JSON)
    FlowReport flow(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to) {
        return flows.report(from, to);
    }

    @Get(uri = "/flow.csv", produces = "text/csv")
    HttpResponse<String> csv(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to) {
        FlowReport r = flows.report(from, to);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("dimension", "group", "deals", "reviewed", "closed", "withdrawn", "median_wait_hours",
                    "p90_wait_hours", "median_cycle_hours", "p90_cycle_hours", "over_service_level_share", "close_rate");
            print(csv, "all", List.of(r.overall()));
            print(csv, "contract_type", r.byType());
            print(csv, "team", r.byTeam());
            print(csv, "rule_version", r.byRuleVersion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString()).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"docket-flow-" + r.from() + "-" + r.to() + ".csv\"");
    }

    private static void print(CSVPrinter csv, String dimension, List<FlowReport.Group> groups) throws IOException {
        for (FlowReport.Group g : groups) {
            csv.printRecord(dimension, g.name(), g.deals(), g.reviewed(), g.closed(), g.withdrawn(), g.medianWaitHours(),
                    g.p90WaitHours(), g.medianCycleHours(), g.p90CycleHours(), g.overServiceLevel(), g.closeRate());
        }
    }
}
