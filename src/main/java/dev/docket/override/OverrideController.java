package dev.docket.override;

import java.net.URI;
import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class OverrideController {

    private final OverrideService overrides;

    OverrideController(OverrideService overrides) {
        this.overrides = overrides;
    }

    @Post("/contracts/{id}/overrides")
    HttpResponse<OverrideView> create(@PathVariable long id, @Body @Valid OverrideRequest body) {
        OverrideView created = overrides.create(id, body);
        return HttpResponse.created(created, URI.create("/api/contracts/" + id + "/overrides"));
    }

    /** Every override the contract ever had, active or not: the ledger is the point. */
    @Get("/contracts/{id}/overrides")
    List<OverrideView> list(@PathVariable long id) {
        return overrides.forContract(id);
    }

    @Post("/overrides/{overrideId}/revoke")
    OverrideView revoke(@PathVariable long overrideId, @Body @Valid RevokeRequest body) {
        return overrides.revoke(overrideId, body);
    }
}
