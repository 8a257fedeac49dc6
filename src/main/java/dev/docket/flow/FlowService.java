package dev.docket.flow;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Computes the flow report from the recorded status transitions in one pass over the period's rows, read as plain
 * columns ({@link FlowQueries}): mapping 170,000 rows (a year at 100,000 contracts) to entities took most of the time.
 */
@Singleton
public class FlowService {

    static final int MAX_DAYS = 731;

    private final FlowQueries transitions;
    private final FlowProperties properties;
    private final Clock clock;

    FlowService(FlowQueries transitions, FlowProperties properties, Clock clock) {
        this.transitions = transitions;
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
        // Deals that became ready in the period may be reviewed and closed after it, so read up to now.
        List<FlowQueries.Row> rows = transitions.between(
                start, now.isAfter(end) ? now.plusSeconds(1) : end);
        Map<Long, Deal> deals = new LinkedHashMap<>();
        Map<LocalDate, Integer> weeks = new TreeMap<>();
        for (LocalDate w = monday(from); !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.put(w, 0);
        }
        for (FlowQueries.Row t : rows) {
            boolean closes = t.state().equals("APPROVED") || t.state().equals("SIGNED");
            if (closes && t.movedAt().isBefore(end)) {
                weeks.merge(monday(t.movedAt().atZone(ZoneOffset.UTC).toLocalDate()), 1, Integer::sum);
            }
            Deal deal = deals.get(t.contractId());
            if (deal == null) {
                if (t.state().equals(StatusTransition.READY) && t.movedAt().isBefore(end)) {
                    deals.put(t.contractId(), new Deal(t));
                }
                continue;
            }
            deal.see(t, closes);
        }
        long sla = properties.serviceLevel().toMillis();
        List<Deal> all = new ArrayList<>(deals.values());
        return new FlowReport(from, to, properties.serviceLevel(), group("all", all, now, sla),
                groups(all, d -> d.ready.contractType(), now, sla), groups(all, d -> d.ready.team(), now, sla),
                groups(all, d -> d.ready.ruleVersion() == null ? "(before versions were recorded)" : d.ready.ruleVersion(), now, sla),
                weeks.entrySet().stream().map(e -> new FlowReport.Week(e.getKey(), e.getValue())).toList());
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static List<FlowReport.Group> groups(List<Deal> deals, Function<Deal, String> key, Instant now, long sla) {
        Map<String, List<Deal>> by = new TreeMap<>();
        for (Deal d : deals) {
            by.computeIfAbsent(key.apply(d), k -> new ArrayList<>()).add(d);
        }
        return by.entrySet().stream().map(e -> group(e.getKey(), e.getValue(), now, sla)).toList();
    }

    private static FlowReport.Group group(String name, List<Deal> deals, Instant now, long sla) {
        double[] waits = deals.stream().filter(d -> d.inReview != null).mapToDouble(d -> hours(d.ready.movedAt(), d.inReview)).toArray();
        double[] cycles = deals.stream().filter(d -> d.closed != null).mapToDouble(d -> hours(d.ready.movedAt(), d.closed)).toArray();
        int closed = cycles.length;
        int withdrawn = (int) deals.stream().filter(d -> d.withdrawn).count();
        long over = deals.stream().filter(d -> {
            Instant until = d.inReview != null ? d.inReview : d.closed != null ? d.closed : d.withdrawn ? null : now;
            return until != null && Duration.between(d.ready.movedAt(), until).toMillis() > sla;
        }).count();
        return new FlowReport.Group(name, deals.size(), waits.length, closed, withdrawn, percentile(waits, 50),
                percentile(waits, 90), percentile(cycles, 50), percentile(cycles, 90),
                deals.isEmpty() ? 0 : round((double) over / deals.size()),
                closed + withdrawn == 0 ? null : round((double) closed / (closed + withdrawn)));
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes() / 60.0;
    }

    /** Nearest-rank percentile; null for an empty sample. */
    private static @Nullable Double percentile(double[] values, int p) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, rank - 1)]);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** One deal's way from ready to review and to its end. */
    private static final class Deal {
        final FlowQueries.Row ready;
        Instant inReview;
        Instant closed;
        boolean withdrawn;

        Deal(FlowQueries.Row ready) {
            this.ready = ready;
        }

        void see(FlowQueries.Row t, boolean closes) {
            if (t.state().equals("IN_REVIEW") && inReview == null) {
                inReview = t.movedAt();
            } else if (closes && closed == null && !withdrawn) {
                closed = t.movedAt();
            } else if (t.state().equals("WITHDRAWN") && closed == null) {
                withdrawn = true;
            }
        }
    }
}
