package dev.docket.forecast;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.docket.calendar.LegalCalendar;
import dev.docket.contract.ContractStatus;
import dev.docket.facts.Lane;
import dev.docket.ranking.Forecast;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * "When will legal pick it up?" for ranked contracts. The review schedule behind the answers is computed per
 * {@link Ranking} instance, lazily on the first read and only as far down the queue as the read needs; after an
 * edit it is derived from the previous ranking's, keeping the days ahead of the edit (see PrefixSchedule). The
 * capacity report's totals still take one O(n) pass per ranking it is read for.
 */
@Singleton
public class ForecastService {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private final CapacityPolicy policy;
    private final LegalCalendar calendar;
    private volatile Cached cached;
    private volatile PrefixSchedule schedule;

    ForecastService(CapacityPolicy policy, LegalCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    /** The entries of one page of {@code ranking}, each with its forecast (null outside the ready lane). */
    public List<RankedEntry> forEntries(Ranking ranking, List<RankedEntry> entries) {
        if (entries.stream().noneMatch(e -> e.lane() == Lane.READY)) {
            return entries;
        }
        PrefixSchedule days = schedule(ranking);
        List<RankedEntry> result = new ArrayList<>(entries.size());
        for (RankedEntry entry : entries) {
            result.add(entry.withForecast(forecast(ranking, days, entry)));
        }
        return result;
    }

    /** The forecast for one entry of {@code ranking}, or null when it is not in the ready lane. */
    public @Nullable Forecast forEntry(Ranking ranking, RankedEntry entry) {
        return entry.lane() == Lane.READY ? forecast(ranking, schedule(ranking), entry) : null;
    }

    /**
     * The review schedule for {@code ranking}, derived from the last one built when an edit made this ranking from
     * that one's: a forecast read after an edit then simulates only from the edit's position on (see PrefixSchedule).
     */
    PrefixSchedule schedule(Ranking ranking) {
        PrefixSchedule s = schedule;
        if (s != null && s.ranking() == ranking) {
            return s;
        }
        synchronized (this) {
            s = schedule;
            if (s == null || s.ranking() != ranking) {
                s = s == null || !s.ranking().day().equals(ranking.day()) ? PrefixSchedule.of(ranking, policy) : s.derive(ranking);
                schedule = s;
            }
            return s;
        }
    }

    /** The sentence the explanation adds: the forecast, or why there is none. */
    public static String sentence(@Nullable Forecast forecast) {
        if (forecast != null) {
            return Character.toUpperCase(forecast.summary().charAt(0)) + forecast.summary().substring(1) + ".";
        }
        return "It has no pickup forecast: legal forecasts only the ready lane, and it joins that lane once nothing blocks it.";
    }

    /** The plan for {@code ranking}: the cached one if it was built for this very instance. */
    QueuePlan plan(Ranking ranking) {
        Cached c = cached;
        if (c != null && c.ranking == ranking) {
            return c.plan;
        }
        synchronized (this) {
            c = cached;
            if (c == null || c.ranking != ranking) {
                c = new Cached(ranking, QueuePlan.build(ranking.size(), ranking.readyCount(), ranking::contractAt,
                        policy, calendar, ranking.day()));
                cached = c;
            }
            return c.plan;
        }
    }

    private @Nullable Forecast forecast(Ranking ranking, PrefixSchedule schedule, RankedEntry entry) {
        int index = entry.rank() - 1;
        if (entry.lane() != Lane.READY || index >= ranking.readyCount()) {
            return null;
        }
        LocalDate today = ranking.day();
        LocalDate firstDay = calendar.onOrAfter(today);
        boolean reviewing = entry.contract().status() == ContractStatus.IN_REVIEW;
        // An IN_REVIEW contract has started already; the schedule only says when its remaining work ends.
        LocalDate start = reviewing ? firstDay : calendar.plusWorkingDays(firstDay, schedule.startDay(index));
        LocalDate finish = calendar.plusWorkingDays(firstDay, schedule.finishDay(index));
        int untilStart = calendar.workingDaysBetween(today, start);
        int untilFinish = calendar.workingDaysBetween(today, finish);
        double hours = policy.effortHours(entry.contract().contractType(), entry.contract().paper());
        return new Forecast(start, finish, untilStart, untilFinish, hours, reviewing,
                summary(reviewing, start, finish, untilStart));
    }

    static String summary(boolean reviewing, LocalDate start, LocalDate finish, int untilStart) {
        String end = "finish by " + DAY.format(finish);
        if (reviewing) {
            return "in review now and expected to " + end;
        }
        String when = untilStart == 0 ? "today"
                : untilStart == 1 ? "in about 1 business day"
                : "in about " + untilStart + " business days";
        return "review expected to start " + when + " (" + DAY.format(start) + ") and " + end;
    }

    /** Held as one reference, so a reader never pairs a ranking with another ranking's plan. */
    private record Cached(Ranking ranking, QueuePlan plan) {
    }
}
