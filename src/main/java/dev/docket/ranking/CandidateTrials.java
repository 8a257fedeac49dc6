package dev.docket.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.rules.BacklogTrial;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.ScoringFailure;
import jakarta.inject.Singleton;

/**
 * Ranks the open backlog with a candidate rule set before it goes live, and serves that ranking once it is live,
 * with the edits committed while it was computed replayed onto it.
 */
@Singleton
class CandidateTrials {

    private final ServedRanking served;
    private final IncrementalEdits edits;
    private final StoredScoring stored;
    private final BacklogScorer scorer;
    private final BusinessCalendar calendar;
    private final Clock clock;

    CandidateTrials(ServedRanking served, IncrementalEdits edits, StoredScoring stored, BacklogScorer scorer,
                    BusinessCalendar calendar, Clock clock) {
        this.served = served;
        this.edits = edits;
        this.stored = stored;
        this.scorer = scorer;
        this.calendar = calendar;
        this.clock = clock;
    }

    BacklogTrial.Trial rank(CompiledRuleSet candidate) {
        long version = served.backlogVersion();
        long editsBefore = edits.sequence();
        LocalDate today = calendar.today();
        BacklogScorer.Backlog backlog = scorer.loadOpenBacklog();
        BacklogScorer.Scored scored = scorer.score(backlog.contracts(), backlog.gatesById(), candidate, today);
        Ranking ranking = new Ranking(scored.slots(), candidate, clock.instant(), today, version);
        return new BacklogTrial.Trial() {
            @Override
            public List<ScoringFailure> failures() {
                return scored.failures();
            }

            @Override
            public int contracts() {
                return ranking.size();
            }

            @Override
            public void serve() {
                publish(ranking, editsBefore);
            }
        };
    }

    private void publish(Ranking ranking, long editsBefore) {
        synchronized (served) {
            Ranking next = ranking;
            for (long id : edits.editedAfter(editsBefore)) {
                next = stored.withEdit(next, id);
            }
            served.publish(next);
        }
    }
}
