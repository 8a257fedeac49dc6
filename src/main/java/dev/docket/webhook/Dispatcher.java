package dev.docket.webhook;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.docket.feed.InstanceId;
import dev.docket.system.Once;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code docket.webhooks.poll-interval}, on every instance: record the outcomes of the attempts answered since
 * the last poll, fan new change events out into deliveries (one instance at a time, under a ShedLock lock), then claim
 * due deliveries with a lease, by one conditional UPDATE whose condition only one instance can meet per row, and send
 * them without waiting. Outcomes are written back in a batch by the next poll: delivered, failed with the next attempt
 * after a backoff, or dead after {@code max-attempts}. All of this runs on the one webhooks thread, so webhooks hold at
 * most one pooled connection at a time and never while a receiver answers. A crash mid-send (or before the outcome is
 * recorded) leaves a lease that expires, and another instance sends again with the same idempotency key (at least
 * once); a clean shutdown waits for its attempts and records them, so nothing is sent twice across a restart.
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
    /** Deliveries this instance holds the lease of and is sending, or has sent and not recorded yet. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Attempts answered (or failed) and not yet recorded; the next poll writes them. */
    private final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
    /** Attempts sent and not answered yet. */
    private final AtomicInteger sending = new AtomicInteger();
    private final TransactionOperations<Connection> transactions;
    private volatile boolean stopping;
    private volatile String lastFailure;
    private volatile boolean subscriptionsChanged = true;
    private long subscriptionsReadAt;

    Dispatcher(FanOut fanOut, DeliveryRepository deliveries, SubscriptionRepository subscriptions, RankMoveRecorder rankMoves,
               Sender sender, Once once, WebhookProperties properties, InstanceId instance,
               @Named("webhooks") ExecutorService executor, TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
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

    /** One poll: record, fan out, then claim and send what is due; package-private for tests that must not wait a tick. */
    void tick() {
        record();
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
        if (free <= 0 || stopping) {
            return;
        }
        Instant now = wall.instant().truncatedTo(ChronoUnit.MICROS);
        Instant until = now.plus(properties.lease());
        List<Claimed> claimed = transactions.executeWrite(status -> {
            // Rows this instance is still sending stay out, even if their lease ran out while a slow database held the outcome.
            List<Long> due = deliveries.due(now, free + inFlight.size()).stream().filter(id -> !inFlight.contains(id))
                    .limit(free).toList();
            if (due.isEmpty() || deliveries.claim(due, owner, now, until) == 0) {
                return List.<Claimed>of();
            }
            List<Claimed> taken = new ArrayList<>();
            // Read per claim, not cached: a changed URL or secret applies from the next claim on.
            Map<Long, Subscription> byId = new HashMap<>();
            for (Delivery delivery : deliveries.findByIdInAndLeaseOwnerAndLeaseUntil(due, owner, until)) {
                Subscription subscription = byId.computeIfAbsent(delivery.subscriptionId(),
                        s -> subscriptions.findById(s).orElse(null));
                if (subscription != null) { // else deleted meanwhile, and its deliveries with it
                    taken.add(new Claimed(subscription, delivery));
                }
            }
            return taken;
        });
        // Sent after the claim's transaction: no connection is held while a receiver answers.
        for (Claimed c : claimed) {
            inFlight.add(c.delivery().id());
            sending.incrementAndGet();
            sender.send(c.subscription(), c.delivery()).whenComplete((outcome, failure) -> {
                answered.add(new Answered(c.delivery(), outcome, wall.instant().truncatedTo(ChronoUnit.MICROS)));
                sending.decrementAndGet();
            });
        }
    }

    private record Claimed(Subscription subscription, Delivery delivery) {
    }

    private record Answered(Delivery delivery, Sender.Outcome outcome, Instant at) {
    }

    /**
     * Writes the outcomes answered since the last poll in one transaction: the successes with one UPDATE per status
     * code (stamped with the latest answer's time among them, at most a poll after each), failures one by one, as each
     * has its own error and backoff. If the database refuses, they stay queued and in flight, so they are recorded
     * later rather than sent again (unless the lease runs out and another instance takes them: at least once).
     */
    private void record() {
        List<Answered> batch = new ArrayList<>();
        for (Answered a; (a = answered.poll()) != null; ) {
            batch.add(a);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            transactions.executeWrite(status -> {
                Map<Integer, List<Answered>> delivered = new TreeMap<>();
                for (Answered a : batch) {
                    if (a.outcome().delivered()) {
                        delivered.computeIfAbsent(a.outcome().statusCode(), code -> new ArrayList<>()).add(a);
                    } else {
                        failed(a);
                    }
                }
                delivered.forEach((code, group) -> deliveries.delivered(group.stream().map(a -> a.delivery().id()).toList(),
                        owner, code, group.stream().map(Answered::at).max(Instant::compareTo).orElseThrow()));
                return null;
            });
            batch.forEach(a -> inFlight.remove(a.delivery().id()));
        } catch (RuntimeException e) {
            answered.addAll(batch);
            throw e;
        }
    }

    private void failed(Answered answer) {
        Delivery delivery = answer.delivery();
        Sender.Outcome outcome = answer.outcome();
        Instant at = answer.at();
        int attempts = delivery.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            deliveries.finish(delivery.id(), owner, Delivery.Status.DEAD, at, outcome.statusCode(), outcome.errorText(), null, null);
            LOG.warn("Webhook delivery {} (event {}) is dead after {} attempts: {}", delivery.id(), delivery.eventId(),
                    attempts, outcome.errorText());
        } else {
            Instant next = at.plus(Backoff.after(attempts, properties.initialBackoff(), properties.maxBackoff()));
            deliveries.finish(delivery.id(), owner, Delivery.Status.FAILED, at, outcome.statusCode(), outcome.errorText(),
                    next, null);
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
        LOG.debug("Webhook delivery stopping; {} attempts under way", sending.get());
        long deadline = System.nanoTime() + properties.connectTimeout().plus(properties.requestTimeout()).plusSeconds(1).toNanos();
        while (sending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            record();
        } catch (RuntimeException e) {
            LOG.warn("Could not record the last webhook attempts at shutdown; another instance sends them again: {}", e.toString());
        }
        if (!inFlight.isEmpty()) {
            List<Long> unfinished = List.copyOf(inFlight);
            LOG.warn("Webhook deliveries {} were still being sent or not recorded at shutdown; another instance sends them again", unfinished);
        }
    }

}
