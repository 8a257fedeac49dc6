package dev.docket.override;

import dev.docket.identity.Actor;
import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
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

    /** Asks for an override; legal on any deal, a viewer on their own. It counts only once an approver approves it. */
    @Post("/contracts/{id}/overrides")
    @Secured(Roles.VIEWER)
    HttpResponse<OverrideView> request(@PathVariable long id, @Body @Valid OverrideRequest body, Authentication caller) {
        OverrideView created = overrides.request(id, body, Actor.of(caller));
        return HttpResponse.created(created, URI.create("/api/contracts/" + id + "/overrides"));
    }

    /** Every override the contract ever had, asked, refused, active or ended: the ledger is the point. */
    @Get("/contracts/{id}/overrides")
    @Secured(Roles.VIEWER)
    List<OverrideView> list(@PathVariable long id) {
        return overrides.forContract(id);
    }

    @Post("/overrides/{overrideId}/approve")
    @Secured(Roles.APPROVER)
    OverrideView approve(@PathVariable long overrideId, Authentication caller) {
        return overrides.approve(overrideId, Actor.of(caller));
    }

    @Post("/overrides/{overrideId}/refuse")
    @Secured(Roles.APPROVER)
    OverrideView refuse(@PathVariable long overrideId, @Body @Valid RevokeRequest body, Authentication caller) {
        return overrides.refuse(overrideId, body, Actor.of(caller));
    }

    @Post("/overrides/{overrideId}/revoke")
    @Secured(Roles.APPROVER)
    OverrideView revoke(@PathVariable long overrideId, @Body @Valid RevokeRequest body, Authentication caller) {
        return overrides.revoke(overrideId, body, Actor.of(caller));
    }
}
