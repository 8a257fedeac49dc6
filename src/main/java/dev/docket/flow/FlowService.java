package dev.docket.flow;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** The flow report: the database groups the recorded status transitions ({@link FlowQueries}); this names and rounds. */
@Singleton
public class FlowService {

    static final int MAX_DAYS = 731;
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    private final FlowQueries queries;
    private final FlowProperties properties;
    private final Clock clock;

    FlowService(FlowQueries queries, FlowProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    public FlowReport report(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidFieldException("to", "the period " + from + " to " + to + " is longer than " + MAX_DAYS
                    + " days; ask for two years or less at a time");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();
        // Deals that became ready in the period may be reviewed and closed after it, so follow them up to now.
        Instant until = now.isAfter(end) ? now.plusSeconds(1) : end;
        Map<String, List<FlowReport.Group>> byDimension = new TreeMap<>();
        FlowReport.Group overall = group("all", 0, 0, 0, 0, 0, null, null, null, null);
        for (FlowQueries.GroupRow r : queries.groups(start, end, until, now, properties.serviceLevel().toMillis())) {
            FlowReport.Group g = group(r.name(), r.deals(), r.reviewed(), r.closed(), r.withdrawn(), r.overServiceLevel(),
                    r.waitP50(), r.waitP90(), r.cycleP50(), r.cycleP90());
            if (r.dimension().equals("all")) {
                overall = g;
            } else {
                byDimension.computeIfAbsent(r.dimension(), d -> new ArrayList<>()).add(g);
            }
        }
        return new FlowReport(from, to, properties.serviceLevel(), overall, sorted(byDimension, "type"),
                sorted(byDimension, "team"), sorted(byDimension, "version"), weeks(from, to, start, end));
    }

    private List<FlowReport.Week> weeks(LocalDate from, LocalDate to, Instant start, Instant end) {
        LocalDate first = monday(from);
        Map<LocalDate, Integer> weeks = new TreeMap<>();
        for (LocalDate w = first; !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.put(w, 0);
        }
        for (long[] week : queries.closuresPerWeek(first.atStartOfDay(ZoneOffset.UTC).toInstant(), start, end)) {
            weeks.merge(first.plusWeeks(week[0]), (int) week[1], Integer::sum);
        }
        return weeks.entrySet().stream().map(e -> new FlowReport.Week(e.getKey(), e.getValue())).toList();
    }

    private static List<FlowReport.Group> sorted(Map<String, List<FlowReport.Group>> byDimension, String dimension) {
        return byDimension.getOrDefault(dimension, List.of()).stream()
                .sorted(Comparator.comparing(FlowReport.Group::name)).toList();
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static FlowReport.Group group(String name, int deals, int reviewed, int closed, int withdrawn, int over,
                                          @Nullable Long waitP50, @Nullable Long waitP90, @Nullable Long cycleP50,
                                          @Nullable Long cycleP90) {
        return new FlowReport.Group(name, deals, reviewed, closed, withdrawn, hours(waitP50), hours(waitP90),
                hours(cycleP50), hours(cycleP90), deals == 0 ? 0 : round((double) over / deals),
                closed + withdrawn == 0 ? null : round((double) closed / (closed + withdrawn)));
    }

    /** Whole minutes in hours, as the report has always counted them (Duration.toMinutes() / 60). */
    private static @Nullable Double hours(@Nullable Long micros) {
        return micros == null ? null : round(micros / MICROS_PER_MINUTE / 60.0);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
