package dev.docket.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.docket.feed.InstanceId;
import dev.docket.system.Once;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code docket.webhooks.poll-interval}, on every instance: fan new change events out into deliveries (one
 * instance at a time, under a ShedLock lock), then claim due deliveries with a lease, each row by a conditional
 * UPDATE that only one instance can win, and send them without waiting. Each attempt's outcome is written back: delivered,
 * failed with the next attempt after a backoff, or dead after {@code max-attempts}. A crash mid-send leaves a lease
 * that expires, and another instance sends again with the same idempotency key (at least once); a clean shutdown
 * waits for its attempts, so nothing is sent twice across a restart.
 */
@Context
class Dispatcher {

    static final String FAN_OUT_LOCK = "webhooks-fan-out";
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** A fan-out step takes well under a second; an instance that dies holding the lock holds it up for this long. */
    private static final Duration FAN_OUT_AT_MOST = Duration.ofSeconds(10);
    private static final Duration SUBSCRIPTIONS_REFRESH = Duration.ofSeconds(1);

    private final FanOut fanOut;
    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final RankMoveRecorder rankMoves;
    private final Sender sender;
    private final Once once;
    private final WebhookProperties properties;
    private final String owner;
    private final ScheduledExecutorService scheduler;
    private final ScheduledFuture<?> polling;
    private final Clock wall = Clock.systemUTC();
    /** Deliveries this instance holds the lease of and is sending now. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile String lastFailure;
    private volatile boolean subscriptionsChanged = true;
    private long subscriptionsReadAt;

    Dispatcher(FanOut fanOut, DeliveryRepository deliveries, SubscriptionRepository subscriptions, RankMoveRecorder rankMoves,
               Sender sender, Once once, WebhookProperties properties, InstanceId instance,
               @Named("webhooks") ExecutorService executor) {
        this.fanOut = fanOut;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.rankMoves = rankMoves;
        this.sender = sender;
        this.once = once;
        this.properties = properties;
        this.owner = instance.value();
        if (!(executor instanceof ScheduledExecutorService scheduled)) {
            throw new IllegalStateException("micronaut.executors.webhooks must be of type scheduled");
        }
        this.scheduler = scheduled;
        long interval = properties.pollInterval().toNanos();
        this.polling = scheduled.scheduleWithFixedDelay(this::tickSafely, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** A subscription was changed on this instance: the next poll re-reads them (others do within a second). */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onSubscriptionsChanged(Subscriptions.SubscriptionsChanged changed) {
        subscriptionsChanged = true;
        wake();
    }

    /** Looks for due deliveries now rather than at the next poll (after a replay, say). */
    void wake() {
        if (!stopping) {
            Detached.execute(scheduler, this::tickSafely);
        }
    }

    private void tickSafely() {
        if (stopping) {
            return;
        }
        try {
            tick();
            lastFailure = null;
        } catch (RuntimeException e) {
            if (lastFailure == null) {
                LOG.warn("Webhook delivery cannot reach the database; retrying every poll: {}", e.toString());
            }
            lastFailure = e.toString();
        }
    }

    /** One poll: fan out, then claim and send what is due; package-private for tests that must not wait a tick. */
    void tick() {
        long now = System.nanoTime();
        if (subscriptionsChanged || now - subscriptionsReadAt > SUBSCRIPTIONS_REFRESH.toNanos()) {
            subscriptionsChanged = false;
            rankMoves.wanted(subscriptions.findByActiveTrue());
            subscriptionsReadAt = now;
        }
        once.unlessRunningElsewhere(FAN_OUT_LOCK, FAN_OUT_AT_MOST, fanOut::step);
        claimAndSend();
    }

    private void claimAndSend() {
        int free = Math.min(properties.maxInFlight() - inFlight.size(), properties.batchSize());
        if (free <= 0) {
            return;
        }
        Instant now = wall.instant().truncatedTo(ChronoUnit.MICROS);
        Instant until = now.plus(properties.lease());
        // Rows this instance is still sending stay out, even if their lease ran out while a slow database held the outcome.
        List<Long> due = deliveries.due(now, free + inFlight.size()).stream().filter(id -> !inFlight.contains(id))
                .limit(free).toList();
        if (due.isEmpty() || stopping || deliveries.claim(due, owner, now, until) == 0) {
            return;
        }
        Map<Long, Subscription> byId = new HashMap<>();
        for (Delivery delivery : deliveries.findByIdInAndLeaseOwnerAndLeaseUntil(due, owner, until)) {
            Subscription subscription = byId.computeIfAbsent(delivery.subscriptionId(),
                    s -> subscriptions.findById(s).orElse(null));
            if (subscription == null) {
                continue; // deleted meanwhile, and its deliveries with it
            }
            inFlight.add(delivery.id());
            sender.send(subscription, delivery).whenComplete((outcome, failure) -> finish(delivery, outcome));
        }
    }

    private void finish(Delivery delivery, Sender.Outcome outcome) {
        try {
            Instant at = wall.instant().truncatedTo(ChronoUnit.MICROS);
            int attempts = delivery.attempts() + 1;
            if (outcome.delivered()) {
                deliveries.finish(delivery.id(), owner, Delivery.Status.DELIVERED, at, outcome.statusCode(), null, null, at);
            } else if (attempts >= properties.maxAttempts()) {
                deliveries.finish(delivery.id(), owner, Delivery.Status.DEAD, at, outcome.statusCode(), outcome.errorText(), null, null);
                LOG.warn("Webhook delivery {} (event {}) is dead after {} attempts: {}", delivery.id(), delivery.eventId(),
                        attempts, outcome.errorText());
            } else {
                Instant next = at.plus(Backoff.after(attempts, properties.initialBackoff(), properties.maxBackoff()));
                deliveries.finish(delivery.id(), owner, Delivery.Status.FAILED, at, outcome.statusCode(), outcome.errorText(),
                        next, null);
            }
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is sent again: at least once, with the same idempotency key.
            LOG.warn("Could not record the outcome of webhook delivery {}: {}", delivery.id(), e.toString());
        } finally {
            inFlight.remove(delivery.id());
        }
    }

    /**
     * Stops polling and lets the poll and the attempts under way finish and be recorded, so a restart sends none of
     * them again. On the context's shutdown event, while the database is still open (this bean is created early, so
     * it would be destroyed after the connection pool).
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    /** The HTTP server stops first on shutdown; stop with it, before the database goes. */
    @EventListener
    void onServerShutdown(ServerShutdownEvent event) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        polling.cancel(false);
        try {
            scheduler.submit(() -> { }).get(properties.lease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("The last webhook poll did not finish before shutdown: {}", e.toString());
        }
        LOG.debug("Webhook delivery stopping; {} attempts under way", inFlight.size());
        long deadline = System.nanoTime() + properties.connectTimeout().plus(properties.requestTimeout()).plusSeconds(1).toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!inFlight.isEmpty()) {
            List<Long> unfinished = List.copyOf(inFlight);
            LOG.warn("Webhook deliveries {} were still being sent at shutdown; another instance sends them again", unfinished);
        }
    }

}
