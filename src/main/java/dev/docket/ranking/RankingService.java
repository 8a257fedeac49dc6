package dev.docket.ranking;

import java.util.Collection;
import java.util.List;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.contract.ContractChanged;
import dev.docket.feed.BacklogFollower;
import dev.docket.rules.BacklogTrial;
import dev.docket.rules.RuleSetActivated;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.ScoringFailure;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

/**
 * Keeps the ranking of the open backlog in memory; reads never run the rules.
 * <ul>
 * <li>A committed edit re-scores only that contract and moves its slot, so its new rank shows at once
 * ({@link IncrementalEdits}).</li>
 * <li>The whole backlog is re-ranked only when it must be: at start-up, on a new rule set, on a new
 * business day, after {@link #invalidate()}, and on every edit while the policy has a rule that compares
 * contracts ({@link dev.docket.rules.check.RuleForms}). That runs in the background; readers keep the previous ranking until
 * the new one is complete, and edits made meanwhile are replayed onto it ({@link BacklogRebuild}).</li>
 * <li>A candidate rule set ranks the backlog before it goes live, and its ranking is served first ({@link CandidateTrials}).</li>
 * </ul>
 * The database stays the source of truth; this is a cache rebuilt from it.
 */
@Singleton
public class RankingService implements BacklogTrial, BacklogFollower {

    private final ServedRanking served;
    private final BacklogRebuild rebuilds;
    private final IncrementalEdits edits;
    private final CandidateTrials trials;
    private final BusinessCalendar calendar;

    RankingService(ServedRanking served, BacklogRebuild rebuilds, IncrementalEdits edits, CandidateTrials trials,
                   BusinessCalendar calendar) {
        this.served = served;
        this.rebuilds = rebuilds;
        this.edits = edits;
        this.trials = trials;
        this.calendar = calendar;
    }

    /** The current ranking. If it is out of date a rebuild starts, and this one is served until it is done. */
    public Ranking current() {
        Ranking ranking = served.get();
        if (served.isFresh(ranking)) {
            return ranking;
        }
        if (ranking == null) {
            return fresh();
        }
        rebuilds.start();
        return ranking;
    }

    /** A ranking that reflects everything committed so far; waits for a rebuild if one is needed. */
    public Ranking fresh() {
        Ranking ranking = served.get();
        while (!served.isFresh(ranking)) {
            ranking = rebuilds.start().join();
        }
        return ranking;
    }

    /** The ranking being served, as it is: null before the first one is computed; never starts or waits for a rebuild. */
    Ranking published() {
        return served.get();
    }

    /** The ranking being served if it is up to date, else null; takes no lock, so an event-loop thread may ask. */
    public Ranking publishedIfFresh() {
        Ranking ranking = served.get();
        return served.isFresh(ranking) ? ranking : null;
    }

    /** Marks the ranking out of date, for writes that bypass the contract service such as bulk loads. */
    public void invalidate() {
        served.invalidate();
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        rebuilds.start();
    }

    @EventListener
    void onRuleSetActivated(RuleSetActivated event) {
        // An activation through ActiveRuleSet serves the candidate's own ranking first; only a version adopted
        // from elsewhere (another instance) still needs one.
        if (!served.isFresh(served.get())) {
            rebuilds.start();
        }
    }

    /** Age and urgency count days, so a new business day means new scores for everyone. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void onClockTick() {
        Ranking ranking = served.get();
        if (ranking != null && !ranking.day().equals(calendar.today())) {
            rebuilds.start();
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onContractChanged(ContractChanged event) {
        edits.apply(event.contractId(), false);
    }

    /**
     * Takes in a change another instance committed (read from the change feed) by the same incremental path as this
     * instance's own edits: the contract is re-read as stored now and re-scored.
     */
    public void applyChange(long contractId) {
        edits.apply(contractId, true);
    }

    /**
     * Takes in changes other instances committed to several contracts at once, as {@link #applyChange} does for
     * one, with one query per kind of record for all of them: a busy feed then costs a few queries per poll
     * instead of a few per event.
     */
    @Override
    public void applyChanges(Collection<Long> contractIds) {
        edits.applyFromFeed(contractIds);
    }

    /** Re-reads the whole backlog in the background: another instance bulk-loaded, or this one fell too far behind. */
    @Override
    public void reload() {
        invalidate();
        rebuilds.start();
    }

    @Override
    public List<ScoringFailure> parked() {
        Ranking ranking = served.get();
        return ranking == null ? List.of() : ranking.parked();
    }

    @Override
    public Trial rank(CompiledRuleSet candidate) {
        return trials.rank(candidate);
    }
}
