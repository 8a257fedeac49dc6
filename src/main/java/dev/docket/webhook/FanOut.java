package dev.docket.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
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
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns change events into delivery rows, one per matching subscription, and moves the shared position in the feed
 * (docket_setting {@value #POSITION}) in the same transaction; one instance at a time does this (Dispatcher holds a
 * ShedLock lock around it). Ids become visible at commit, not in id order, so an id skipped over is remembered and
 * looked up by id on every step until it shows or {@code gap-timeout} passes, as the ranking's feed does: events after
 * a gap are fanned out at once and never wait for it. The shared position stays before the oldest id still waited for,
 * so an instance that takes over (or a restart) reads from there again; the unique key (subscription, event) with the
 * check below makes reading them again harmless.
 */
@Singleton
class FanOut {

    static final String POSITION = "webhooks.feed-position";
    /** A jump larger than this is not a set of open transactions (ids reserved and dropped), as in the ranking's feed. */
    private static final long GAP_WINDOW = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final ChangeEvents feed;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final SettingRepository settings;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final TransactionOperations<Connection> transactions;
    private final Clock wall = Clock.systemUTC();
    /**
     * What this instance read past the shared position: every id up to {@code readUpTo} is fanned out or in
     * {@code missing} (with when, nanoTime, it was first missed). Valid only while the shared position is the one this
     * instance saved last ({@code savedPosition}); otherwise another instance moved it and reading starts over there.
     */
    private long readUpTo = -1;
    private long savedPosition = -1;
    private final TreeMap<Long, Long> missing = new TreeMap<>();

    FanOut(ChangeEvents feed, SubscriptionRepository subscriptions, DeliveryRepository deliveries, SettingRepository settings,
           JsonMapper json, WebhookProperties properties, TransactionOperations<Connection> transactions) {
        this.feed = feed;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.settings = settings;
        this.json = json;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Fans out what was committed since the last step; returns how many deliveries it queued. */
    synchronized int step() {
        try {
            Step done = transactions.executeWrite(status -> fanOut());
            readUpTo = done.readUpTo();
            savedPosition = done.position();
            missing.clear();
            missing.putAll(done.missing());
            return done.queued();
        } catch (RuntimeException e) {
            // Nothing of this step was stored: start over from the shared position next time.
            savedPosition = -1;
            throw e;
        }
    }

    /** The state after a step, taken over by this instance only once its transaction has committed. */
    private record Step(long readUpTo, long position, Map<Long, Long> missing, int queued) {
    }

    private Step fanOut() {
        List<Subscription> active = subscriptions.findByActiveTrue();
        long position = position(active);
        if (active.isEmpty()) {
            // Nobody listens; a subscription made later starts at the head it sees then.
            long head = Math.max(position, feed.head());
            savePosition(head, position);
            return new Step(head, head, Map.of(), 0);
        }
        boolean continuing = position == savedPosition && readUpTo >= position;
        long read = continuing ? readUpTo : position;
        TreeMap<Long, Long> waiting = continuing ? new TreeMap<>(missing) : new TreeMap<>();
        long now = System.nanoTime();
        List<ChangeEvent> events = new ArrayList<>(feed.after(read, properties.batchSize()));
        for (ChangeEvent event : events) {
            for (long skipped = Math.max(read + 1, event.id() - GAP_WINDOW); skipped < event.id(); skipped++) {
                waiting.put(skipped, now);
            }
            read = event.id();
        }
        if (!waiting.isEmpty()) {
            for (ChangeEvent late : feed.byIds(List.copyOf(waiting.keySet()))) {
                waiting.remove(late.id());
                events.add(late);
            }
            long timeout = properties.gapTimeout().toNanos();
            waiting.entrySet().removeIf(gap -> {
                boolean given = now - gap.getValue() > timeout;
                if (given) {
                    LOG.debug("Change event {} did not show within {}; taken as rolled back", gap.getKey(), properties.gapTimeout());
                }
                return given;
            });
        }
        List<Delivery> queued = new ArrayList<>();
        Instant at = wall.instant().truncatedTo(ChronoUnit.MICROS);
        for (ChangeEvent event : events) {
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
        List<Delivery> fresh = withoutKnown(queued);
        if (!fresh.isEmpty()) {
            deliveries.saveAll(fresh);
        }
        long settled = waiting.isEmpty() ? read : Math.min(read, waiting.firstKey() - 1);
        savePosition(settled, position);
        return new Step(read, settled, waiting, fresh.size());
    }

    /** For tests: the ids waited for. */
    synchronized Set<Long> gaps() {
        return Set.copyOf(missing.keySet());
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

    private void savePosition(long position, long stored) {
        if (position == stored && settings.existsById(POSITION)) {
            return;
        }
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
