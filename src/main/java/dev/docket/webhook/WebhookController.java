package dev.docket.webhook;

import java.net.URI;
import java.util.List;

import dev.docket.access.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;

/**
 * Admins manage webhook subscriptions and read and replay their deliveries. Admin only: a subscription's URL and its
 * delivery log show where Docket's events go and what they carry.
 */
@Controller("/api/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class WebhookController {

    private final Subscriptions subscriptions;
    private final DeliveryLog deliveries;

    WebhookController(Subscriptions subscriptions, DeliveryLog deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @Post
    HttpResponse<WebhookView> create(@Body @Valid WebhookRequest body, Principal principal) {
        WebhookView created = subscriptions.create(body, principal.getName());
        return HttpResponse.created(created, URI.create("/api/webhooks/" + created.id()));
    }

    @Get
    List<WebhookView> list() {
        return subscriptions.list();
    }

    @Get("/{id}")
    WebhookView get(@PathVariable long id) {
        return subscriptions.get(id);
    }

    @Put("/{id}")
    WebhookView replace(@PathVariable long id, @Body @Valid WebhookRequest body) {
        return subscriptions.replace(id, body);
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@PathVariable long id) {
        subscriptions.delete(id);
        return HttpResponse.noContent();
    }

    @Post("/{id}/rotate-secret")
    WebhookView rotateSecret(@PathVariable long id) {
        return subscriptions.rotateSecret(id);
    }

    @Get("/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable long id, @QueryValue(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return deliveries.page(id, page, size);
    }

    @Post("/{id}/deliveries/{deliveryId}/replay")
    DeliveryView replay(@PathVariable long id, @PathVariable long deliveryId) {
        return deliveries.replay(id, deliveryId);
    }
}
