package dev.docket.forecast;

import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Controller("/api/capacity")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
class CapacityController {

    private final CapacityService capacity;

    CapacityController(CapacityService capacity) {
        this.capacity = capacity;
    }

    /** What legal can take on this week, the backlog in reviewer-days, and who has waited longest. */
    @Get
    CapacityReport capacity() {
        return capacity.report();
    }
}
