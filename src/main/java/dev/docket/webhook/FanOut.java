package dev.docket.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.docket.feed.ChangeEvent;
import dev.docket.feed.ChangeEvents;
import dev.docket.system.Setting;
import dev.docket.system.SettingRepository;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Turns change events into delivery rows, one per matching subscription, in the transaction that moves the shared
 * position in the feed (docket_setting {@value #POSITION}); one instance at a time does this (Dispatcher holds a
 * ShedLock lock around it). Ids become visible at commit, not in id order, so the position stops before an id that is
 * missing until it shows or {@code gap-timeout} passes; events after it are fanned out meanwhile, and the unique key
 * (subscription, event) with the check below makes reading them again harmless.
 */
@Singleton
class FanOut {

    static final String POSITION = "webhooks.feed-position";
    /** A jump larger than this is not a set of open transactions (ids reserved and dropped), as in the ranking's feed. */
    private static final long GAP_WINDOW = 1_000;

    private final ChangeEvents feed;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final SettingRepository settings;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final Clock wall = Clock.systemUTC();
    /** Ids waited for, with when (nanoTime) this instance first missed each. */
    private final TreeMap<Long, Long> missing = new TreeMap<>();

    FanOut(ChangeEvents feed, SubscriptionRepository subscriptions, DeliveryRepository deliveries, SettingRepository settings,
           JsonMapper json, WebhookProperties properties) {
        this.feed = feed;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.settings = settings;
        this.json = json;
        this.properties = properties;
    }

    /** Fans out what was committed since the position; returns how many deliveries it queued. */
    @Transactional
    synchronized int step() {
        List<Subscription> active = subscriptions.findByActiveTrue();
        long position = position(active);
        if (active.isEmpty()) {
            // Nobody listens; a subscription made later starts at the head it sees then.
            savePosition(Math.max(position, feed.head()));
            missing.clear();
            return 0;
        }
        List<ChangeEvent> events = feed.after(position, properties.batchSize());
        long now = System.nanoTime();
        long settled = position;
        boolean blocked = false;
        List<Delivery> queued = new ArrayList<>();
        Instant at = wall.instant().truncatedTo(ChronoUnit.MICROS);
        for (ChangeEvent event : events) {
            if (!blocked) {
                if (event.id() > settled + 1 && waiting(settled + 1, event.id() - 1, now)) {
                    blocked = true;
                } else {
                    settled = event.id();
                }
            }
            WebhookEventType type = WebhookEventType.of(event.type());
            if (type == null) {
                continue;
            }
            Map<String, Object> data = data(event);
            String body = null;
            for (Subscription s : active) {
                if (event.id() > s.fromEventId() && s.types().contains(type) && farEnough(type, data, s)) {
                    body = body != null ? body : body(event, data);
                    queued.add(Delivery.pending(s.id(), event.id(), type.name(), body, at));
                }
            }
        }
        missing.headMap(settled, true).clear();
        List<Delivery> fresh = withoutKnown(queued);
        if (!fresh.isEmpty()) {
            deliveries.saveAll(fresh);
        }
        if (settled != position) {
            savePosition(settled);
        }
        return fresh.size();
    }

    /** Whether any id in [from, to] may still commit: missing for less than gap-timeout. */
    private boolean waiting(long from, long to, long now) {
        long timeout = properties.gapTimeout().toNanos();
        boolean waiting = false;
        for (long id = Math.max(from, to - GAP_WINDOW + 1); id <= to; id++) {
            long since = missing.computeIfAbsent(id, x -> now);
            waiting |= now - since < timeout;
        }
        return waiting;
    }

    private List<Delivery> withoutKnown(List<Delivery> queued) {
        if (queued.isEmpty()) {
            return queued;
        }
        Set<Long> eventIds = new HashSet<>();
        queued.forEach(d -> eventIds.add(d.eventId()));
        Set<String> known = new HashSet<>();
        deliveries.findByEventIdIn(eventIds).forEach(d -> known.add(d.subscriptionId() + ":" + d.eventId()));
        return queued.stream().filter(d -> !known.contains(d.subscriptionId() + ":" + d.eventId())).toList();
    }

    private static boolean farEnough(WebhookEventType type, Map<String, Object> data, Subscription s) {
        if (type != WebhookEventType.RANK_MOVED) {
            return true;
        }
        return data.get("places") instanceof Number places && Math.abs(places.intValue()) >= s.minPlaces();
    }

    private long position(List<Subscription> active) {
        return settings.findById(POSITION).map(s -> Long.parseLong(s.content()))
                .orElseGet(() -> active.stream().mapToLong(Subscription::fromEventId).min().orElse(feed.head()));
    }

    private void savePosition(long position) {
        Setting setting = new Setting(POSITION, Long.toString(position), wall.instant().truncatedTo(ChronoUnit.MICROS));
        if (settings.existsById(POSITION)) {
            settings.update(setting);
        } else {
            settings.save(setting);
        }
    }

    private Map<String, Object> data(ChangeEvent event) {
        try {
            return json.readValue(event.payload(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Change event " + event.id() + " has a payload that is not JSON", e);
        }
    }

    private String body(ChangeEvent event, Map<String, Object> data) {
        try {
            return json.writeValueAsString(new DeliveryBody(event.id(), event.type().name(), event.occurredAt(),
                    event.contractId(), event.entity().name(), event.entityId(), data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
