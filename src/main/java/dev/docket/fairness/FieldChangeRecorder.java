package dev.docket.fairness;

import java.sql.Connection;

import dev.docket.contract.ContractValueEdited;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

/**
 * Records each edit of a points-earning field with the rank before and after it. The edit's event arrives
 * inside the writing transaction, before the ranking has seen the edit, so the current rank is "before";
 * "after" is read once the transaction has committed and the ranking has taken the edit in.
 */
@Singleton
class FieldChangeRecorder {

    private final FieldChangeRepository changes;
    private final RankingService rankings;
    private final TransactionOperations<Connection> transactions;

    FieldChangeRecorder(FieldChangeRepository changes, RankingService rankings, TransactionOperations<Connection> transactions) {
        this.changes = changes;
        this.rankings = rankings;
        this.transactions = transactions;
    }

    @EventListener
    void onValueEdited(ContractValueEdited e) {
        FieldChange saved = changes.save(new FieldChange(null, e.contractId(), e.field(), e.oldValue(), e.newValue(),
                e.changedBy(), e.changedAt(), rankOf(e.contractId(), rankings.current()), null));
        var status = transactions.findTransactionStatus();
        if (status.isPresent()) {
            status.get().registerSynchronization(new AfterRanking(saved.id(), e.contractId()));
        } else {
            recordRankAfter(saved.id(), e.contractId());
        }
    }

    private void recordRankAfter(long changeId, long contractId) {
        // fresh(): when the policy compares contracts, the edit triggers a full re-rank, and "after" must wait for it.
        Integer after = rankOf(contractId, rankings.fresh());
        transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                status -> changes.updateRankAfter(changeId, after));
    }

    private static @Nullable Integer rankOf(long contractId, Ranking ranking) {
        return ranking.indexOf(contractId).map(i -> i + 1).orElse(null);
    }

    /**
     * Runs after the ranking's own after-commit listener, which registers with the default order 0:
     * synchronizations run in order, and this one asks to run last.
     */
    private final class AfterRanking implements TransactionSynchronization {

        private final long changeId;
        private final long contractId;

        AfterRanking(long changeId, long contractId) {
            this.changeId = changeId;
            this.contractId = contractId;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void afterCompletion(Status status) {
            if (status == Status.COMMITTED) {
                recordRankAfter(changeId, contractId);
            }
        }
    }
}
