package dev.docket.webhook;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import dev.docket.facts.Lane;
import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import dev.docket.ranking.RankingEvents;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds to the change feed what an edit did to the queue: RANK_MOVED and LANE_CHANGED, the facts only a ranking knows.
 * The instance that made the edit writes them, right after re-ranking the contract, in a transaction of their own
 * (the ranking moves after the edit's commit); instances that take the edit from the feed do not, so each is written
 * once. Written only while an active subscription wants them, and RANK_MOVED only for moves some subscription's
 * minPlaces lets through. The listener runs under the ranking's lock, so the insert is handed to the webhooks thread.
 */
@Singleton
class RankMoveRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RankMoveRecorder.class);

    private final ChangeLog changes;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService executor;
    private volatile Wanted wanted = Wanted.NOTHING;

    RankMoveRecorder(ChangeLog changes, TransactionOperations<Connection> transactions,
                     @Named("webhooks") ExecutorService executor) {
        this.changes = changes;
        this.transactions = transactions;
        this.executor = executor;
    }

    /** Which derived events the active subscriptions want; the dispatcher refreshes it as it reads them. */
    void wanted(List<Subscription> active) {
        int minPlaces = Integer.MAX_VALUE;
        boolean lanes = false;
        for (Subscription s : active) {
            if (s.types().contains(WebhookEventType.RANK_MOVED)) {
                minPlaces = Math.min(minPlaces, s.minPlaces());
            }
            lanes |= s.types().contains(WebhookEventType.LANE_CHANGED);
        }
        wanted = new Wanted(minPlaces, lanes);
    }

    @EventListener
    void onMove(RankingEvents.ContractMoved moved) {
        if (moved.fromFeed() || moved.oldIndex() == null || moved.newIndex() == null) {
            return;
        }
        Wanted now = wanted;
        int places = moved.oldIndex() - moved.newIndex();
        boolean rank = places != 0 && Math.abs(places) >= now.minPlaces();
        Lane from = moved.before().getLane();
        Lane to = moved.after().getLane();
        boolean lane = now.lanes() && from != to;
        if (!rank && !lane) {
            return;
        }
        long contractId = moved.contractId();
        int oldRank = moved.oldIndex() + 1;
        int newRank = moved.newIndex() + 1;
        Detached.execute(executor, () -> {
            try {
                transactions.executeWrite(status -> {
                    if (rank) {
                        changes.contract(ChangeType.RANK_MOVED, contractId, contractId,
                                Map.of("from", oldRank, "to", newRank, "places", places, "lane", to.name()));
                    }
                    if (lane) {
                        changes.contract(ChangeType.LANE_CHANGED, contractId, contractId,
                                Map.of("from", from.name(), "to", to.name(), "rank", newRank));
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not record that contract {} moved from #{} to #{}; webhooks miss this move: {}",
                        contractId, oldRank, newRank, e.toString());
            }
        });
    }

    /** {@code minPlaces} is MAX_VALUE when no one wants RANK_MOVED. */
    private record Wanted(int minPlaces, boolean lanes) {
        static final Wanted NOTHING = new Wanted(Integer.MAX_VALUE, false);
    }
}
