package dev.docket.ranking;

import java.util.concurrent.atomic.AtomicLong;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.rules.ActiveRuleSet;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

/**
 * The ranking being served and whether it is up to date; reads take no lock. Its monitor is the ranking lock: what is
 * served changes only while holding it, and so does the bookkeeping of edits ({@link IncrementalEdits}) and rebuilds
 * ({@link BacklogRebuild}) that decides what to serve next.
 */
@Singleton
class ServedRanking {

    private final ActiveRuleSet rules;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher<Object> events;
    private final AtomicLong backlogVersion = new AtomicLong();
    private volatile Ranking current;

    ServedRanking(ActiveRuleSet rules, BusinessCalendar calendar, ApplicationEventPublisher<Object> events) {
        this.rules = rules;
        this.calendar = calendar;
        this.events = events;
    }

    /** Null before the first ranking is computed. */
    Ranking get() {
        return current;
    }

    /** Whether the ranking reflects every committed change, today's date and the active rules. */
    boolean isFresh(Ranking ranking) {
        return ranking != null
                && ranking.backlogVersion() == backlogVersion.get()
                && ranking.day().equals(calendar.today())
                && ranking.ruleVersion().equals(rules.get().version());
    }

    /** Marks what is served out of date. */
    void invalidate() {
        backlogVersion.incrementAndGet();
    }

    long backlogVersion() {
        return backlogVersion.get();
    }

    /** Serves a ranking with an edit taken in; the edit announced its own move. Holding the lock. */
    void replace(Ranking next) {
        current = next;
    }

    /** Serves a ranking of the whole backlog and announces it to the rank history. Holding the lock. */
    void publish(Ranking next) {
        Ranking previous = current;
        current = next;
        events.publishEvent(new RankingEvents.Rebuilt(next, previous));
    }
}
