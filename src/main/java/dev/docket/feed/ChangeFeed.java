package dev.docket.feed;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change feed: every {@code docket.feed.poll-interval} it reads the events committed since the last
 * read and applies the other instances' changes to this instance's ranking by the same incremental path as its own
 * edits (this instance's own events were applied right after their commit).
 * <p>
 * Ids are taken at insert but become visible at commit, so a later id can show before an earlier one. An id that
 * is skipped over is remembered and looked for again until it shows or {@code gap-timeout} passes (a rolled-back
 * transaction leaves its id unused for good). Applying an event re-reads the contract as stored, so an event
 * applied late or twice still leaves the ranking equal to the database.
 * <p>
 * An instance that finds itself more than {@code max-catch-up} events behind (after an outage, say) re-reads the
 * whole backlog instead. Created eagerly, so the feed position is read before the first ranking reads the backlog.
 */
@Context
public class ChangeFeed {

    /** Set on rankings and explanations served while {@link #stale()}. */
    public static final String STALE_HEADER = "Docket-Stale";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /** After a full reload, ids this close below the head that are not visible yet may be transactions still open. */
    private static final long RELOAD_GAP_WINDOW = 1_000;
    /** Contracts re-read per query when applying a poll's events; keeps IN lists short. */
    private static final int APPLY_CHUNK = 500;

    private final ChangeEventRepository events;
    private final BacklogFollower rankings;
    private final RulesFollower rules;
    private final InstanceId instance;
    private final FeedProperties properties;
    private final ScheduledFuture<?> polling;
    /** Missing ids above which events were seen, with the time (nanoTime) each was first missed. */
    private final TreeMap<Long, Long> missing = new TreeMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong reloads = new AtomicLong();
    private volatile long position;
    private volatile long behind;
    private volatile long caughtUpNanos = System.nanoTime();
    private volatile String lastFailure;
    private boolean reloadAfterPoll;
    /** The contracts the events read in one poll changed: re-read together, once each, after the poll. */
    private final Set<Long> changedContracts = new LinkedHashSet<>();

    ChangeFeed(ChangeEventRepository events, BacklogFollower rankings, RulesFollower rules, InstanceId instance,
               FeedProperties properties, @Named("change-feed") ExecutorService executor) {
        this.events = events;
        this.rankings = rankings;
        this.rules = rules;
        this.instance = instance;
        this.properties = properties;
        this.position = startFrom(events.head());
        if (!(executor instanceof ScheduledExecutorService scheduler)) {
            throw new IllegalStateException("micronaut.executors.change-feed must be of type scheduled");
        }
        long interval = properties.pollInterval().toNanos();
        this.polling = scheduler.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.NANOSECONDS);
        LOG.info("Following the change feed from event {} as instance {}", position, instance);
    }

    /** This instance's place in the feed: every event up to here is applied, or waited for as a gap. */
    public long position() {
        return position;
    }

    /** How long since the feed was last read up to its head; grows while the database cannot be read. */
    public Duration lag() {
        return Duration.ofNanos(System.nanoTime() - caughtUpNanos);
    }

    /** Whether this instance's ranking may be missing changes made elsewhere for longer than docket.feed.stale-after. */
    public boolean stale() {
        return lag().compareTo(properties.staleAfter()) > 0;
    }

    public String instanceId() {
        return instance.value();
    }

    Status status() {
        return new Status(instance.value(), position, behind, lag().toMillis(), stale(), missing(), applied.get(),
                reloads.get(), lastFailure);
    }

    record Status(String instance, long position, long behind, long lagMillis, boolean stale, int gaps, long applied,
                  long reloads, String lastFailure) {
    }

    private synchronized int missing() {
        return missing.size();
    }

    private void pollSafely() {
        try {
            poll();
            lastFailure = null;
        } catch (RuntimeException e) {
            if (lastFailure == null) {
                LOG.warn("Cannot read the change feed; serving the ranking as it is until it can: {}", e.toString());
            }
            lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Reads and applies everything committed since the last read; public for tests that must not wait a tick. */
    public synchronized void poll() {
        long started = System.nanoTime();
        long head = events.head();
        if (head - position > properties.maxCatchUp()) {
            LOG.info("{} events behind the change feed (more than docket.feed.max-catch-up {}); re-reading the backlog",
                    head - position, properties.maxCatchUp());
            position = startFrom(head);
            reloads.incrementAndGet();
            rankings.reload();
            behind = 0;
            caughtUpNanos = started;
            return;
        }
        boolean reachedHead = true;
        List<ChangeEvent> fresh = events.after(position, properties.batchSize());
        for (ChangeEvent event : fresh) {
            long id = event.id();
            // A jump larger than the window is not a set of open transactions (ids were reserved and dropped).
            for (long skipped = Math.max(position + 1, id - RELOAD_GAP_WINDOW); skipped < id; skipped++) {
                missing.put(skipped, started);
            }
            apply(event);
            position = id;
        }
        if (fresh.size() >= properties.batchSize()) {
            reachedHead = false;
        }
        if (!missing.isEmpty()) {
            for (ChangeEvent late : events.findByIdInOrderById(List.copyOf(missing.keySet()))) {
                missing.remove(late.id());
                apply(late);
            }
            long timeout = properties.gapTimeout().toNanos();
            missing.values().removeIf(since -> started - since > timeout);
        }
        if (reloadAfterPoll) {
            reloadAfterPoll = false;
            rankings.reload();
        }
        List<Long> changed = List.copyOf(changedContracts);
        changedContracts.clear();
        for (int from = 0; from < changed.size(); from += APPLY_CHUNK) {
            rankings.applyChanges(changed.subList(from, Math.min(changed.size(), from + APPLY_CHUNK)));
        }
        behind = Math.max(0, head - position);
        if (reachedHead) {
            caughtUpNanos = started;
        }
    }

    private void apply(ChangeEvent event) {
        if (event.instanceId().equals(instance.value()) || event.type().scope() == ChangeType.Scope.DERIVED) {
            return;
        }
        applied.incrementAndGet();
        switch (event.type().scope()) {
            case CONTRACT -> changedContracts.add(event.contractId());
            case RULES -> rules.syncWithDatabase();
            // A bulk load writes an event per batch; one re-read after the poll takes them all in.
            case BACKLOG -> reloadAfterPoll = true;
            case DERIVED -> { }
        }
    }

    /**
     * Starts following at {@code head}: what is committed up to there is in the ranking read next. Ids below it that
     * are not visible yet may belong to transactions still open, so they are waited for like any gap.
     */
    private synchronized long startFrom(long head) {
        missing.clear();
        long from = Math.max(0, head - RELOAD_GAP_WINDOW);
        Set<Long> visible = new HashSet<>(events.idsBetween(from, head));
        long now = System.nanoTime();
        for (long id = from + 1; id <= head; id++) {
            if (!visible.contains(id)) {
                missing.put(id, now);
            }
        }
        return head;
    }

    @PreDestroy
    void stop() {
        polling.cancel(false);
    }

    /** For tests: the gaps waited for, by id. */
    synchronized Map<Long, Long> gaps() {
        return Map.copyOf(missing);
    }
}
