package dev.docket.fairness;

import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Controller("/api/reports/fairness")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
class FairnessController {

    private final FairnessService reports;

    FairnessController(FairnessService reports) {
        this.reports = reports;
    }

    /** {@code from} and {@code to} are inclusive days in legal's time zone; without them, the twelve weeks up to today. */
    @Get
    FairnessReport fairness(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to) {
        return reports.report(from, to);
    }
}
