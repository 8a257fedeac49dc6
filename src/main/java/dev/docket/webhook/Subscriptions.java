package dev.docket.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import dev.docket.audit.AuditLog;
import dev.docket.contract.InvalidFieldException;
import dev.docket.feed.ChangeEvents;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** The admin's subscription operations, each recorded in the audit log in the same transaction. */
@Singleton
class Subscriptions {

    private final SubscriptionRepository subscriptions;
    private final ChangeEvents feed;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<SubscriptionsChanged> events;

    Subscriptions(SubscriptionRepository subscriptions, ChangeEvents feed, AuditLog audit, Clock clock,
                  ApplicationEventPublisher<SubscriptionsChanged> events) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    WebhookView create(WebhookRequest body, String actor) {
        Instant now = now();
        String secret = Secrets.generate();
        // Hears what happens from now on: a new receiver is not sent the feed's whole past.
        Subscription saved = subscriptions.save(new Subscription(null, url(body.url()), Subscription.join(body.events()),
                minPlaces(body), description(body), body.active() == null || body.active(), secret, feed.head(), now, actor, now));
        audit.changed("webhook", saved.id(), "create", null, WebhookView.of(saved));
        events.publishEvent(new SubscriptionsChanged());
        return WebhookView.of(saved, secret);
    }

    List<WebhookView> list() {
        return subscriptions.listOrderById().stream().map(WebhookView::of).toList();
    }

    WebhookView get(long id) {
        return WebhookView.of(find(id));
    }

    @Transactional
    WebhookView replace(long id, WebhookRequest body) {
        Subscription before = find(id);
        Subscription after = subscriptions.update(before.with(url(body.url()), body.events(), minPlaces(body), description(body),
                body.active() == null || body.active(), now()));
        audit.changed("webhook", id, "update", WebhookView.of(before), WebhookView.of(after));
        events.publishEvent(new SubscriptionsChanged());
        return WebhookView.of(after);
    }

    @Transactional
    WebhookView rotateSecret(long id) {
        Subscription before = find(id);
        String secret = Secrets.generate();
        Subscription after = subscriptions.update(before.withSecret(secret, now()));
        // The secret itself never goes into the audit log; that it changed does.
        audit.changed("webhook", id, "rotate-secret", WebhookView.of(before), WebhookView.of(after));
        return WebhookView.of(after, secret);
    }

    @Transactional
    void delete(long id) {
        Subscription before = find(id);
        subscriptions.delete(before);
        audit.changed("webhook", id, "delete", WebhookView.of(before), null);
        events.publishEvent(new SubscriptionsChanged());
    }

    /** Published in the transaction of a change to the subscriptions; heard after it commits. */
    record SubscriptionsChanged() {
    }

    Subscription find(long id) {
        return subscriptions.findById(id).orElseThrow(() -> new WebhookNotFoundException("webhook", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static int minPlaces(WebhookRequest body) {
        return body.minPlaces() == null ? 1 : body.minPlaces();
    }

    private static String description(WebhookRequest body) {
        return body.description() == null ? null : body.description().strip();
    }

    /** An absolute http(s) URL with a host, no credentials in it (they would show in the log), and no fragment. */
    static String url(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidFieldException("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidFieldException("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidFieldException("url", "must not carry credentials; receivers check the signature instead");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidFieldException("url", "must not have a fragment (#...)");
        }
        return uri.toString();
    }
}
