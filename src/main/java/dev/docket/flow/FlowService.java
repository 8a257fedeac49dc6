package dev.docket.flow;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Computes the flow report from the recorded status transitions: one pass over each contract's moves, held in memory
 * by {@link FlowHistory} and brought up to date from the table before each report.
 */
@Singleton
public class FlowService {

    static final int MAX_DAYS = 731;
    /** The period a report covers when it is not asked for: the last 52 weeks. */
    static final int DEFAULT_WEEKS = 52;

    private final FlowHistory history;
    private final FlowProperties properties;
    private final BusinessCalendar calendar;
    private final Clock clock;

    FlowService(FlowHistory history, FlowProperties properties, BusinessCalendar calendar, Clock clock) {
        this.history = history;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * {@code from} and {@code to} are inclusive days; without {@code to} the period ends today, without {@code from}
     * it is the {@value #DEFAULT_WEEKS} weeks up to its end. The API, its CSV and the page all ask here.
     */
    public FlowReport report(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate end = to != null ? to : calendar.today();
        return reportOn(from != null ? from : end.minusWeeks(DEFAULT_WEEKS).plusDays(1), end);
    }

    private FlowReport reportOn(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidFieldException("to", "the period " + from + " to " + to + " is longer than " + MAX_DAYS
                    + " days; ask for two years or less at a time");
        }
        Instant endInstant = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long start = micros(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        long end = micros(endInstant);
        Instant nowInstant = clock.instant();
        long now = micros(nowInstant);
        // Deals that became ready in the period may be reviewed and closed after it, so read up to now (rounded up:
        // a move in now's microsecond but before its nanoseconds is already past).
        long until = nowInstant.isAfter(endInstant) ? micros(nowInstant.plusSeconds(1).plusNanos(999)) : end;
        LocalDate firstMonday = monday(from);
        int[] weeks = new int[(int) (ChronoUnit.WEEKS.between(firstMonday, monday(to)) + 1)];
        List<Deal> all = new ArrayList<>();
        for (FlowHistory.Move[] moves : history.contracts()) {
            Deal deal = null;
            for (FlowHistory.Move t : moves) {
                if (t.at() < start) {
                    continue;
                }
                if (t.at() >= until) {
                    break;
                }
                boolean closes = t.state().equals("APPROVED") || t.state().equals("SIGNED");
                if (closes && t.at() < end) {
                    weeks[(int) ChronoUnit.WEEKS.between(firstMonday, monday(day(t.at())))]++;
                }
                if (deal == null) {
                    if (t.state().equals(StatusTransition.READY) && t.at() < end) {
                        deal = new Deal(t);
                    }
                    continue;
                }
                deal.see(t, closes);
            }
            if (deal != null) {
                all.add(deal);
            }
        }
        long sla = properties.serviceLevel().toMillis();
        List<FlowReport.Week> throughput = new ArrayList<>(weeks.length);
        for (int w = 0; w < weeks.length; w++) {
            throughput.add(new FlowReport.Week(firstMonday.plusWeeks(w), weeks[w]));
        }
        return new FlowReport(from, to, properties.serviceLevel(), group("all", all, now, sla),
                groups(all, d -> d.ready.contractType(), now, sla), groups(all, d -> d.ready.team(), now, sla),
                groups(all, d -> d.ready.ruleVersion() == null ? "(before versions were recorded)" : d.ready.ruleVersion(), now, sla),
                throughput);
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Epoch microseconds, rounded down: the precision of moved_at. */
    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    private static LocalDate day(long micros) {
        return LocalDate.ofEpochDay(Math.floorDiv(micros, 86_400_000_000L));
    }

    private static List<FlowReport.Group> groups(List<Deal> deals, Function<Deal, String> key, long now, long sla) {
        Map<String, List<Deal>> by = new TreeMap<>();
        for (Deal d : deals) {
            by.computeIfAbsent(key.apply(d), k -> new ArrayList<>()).add(d);
        }
        return by.entrySet().stream().map(e -> group(e.getKey(), e.getValue(), now, sla)).toList();
    }

    private static FlowReport.Group group(String name, List<Deal> deals, long now, long sla) {
        double[] waits = deals.stream().filter(d -> d.inReview != NONE).mapToDouble(d -> hours(d.ready.at(), d.inReview)).toArray();
        double[] cycles = deals.stream().filter(d -> d.closed != NONE).mapToDouble(d -> hours(d.ready.at(), d.closed)).toArray();
        int closed = cycles.length;
        int withdrawn = (int) deals.stream().filter(d -> d.withdrawn).count();
        long over = deals.stream().filter(d -> {
            long until = d.inReview != NONE ? d.inReview : d.closed != NONE ? d.closed : d.withdrawn ? NONE : now;
            return until != NONE && Math.floorDiv(until - d.ready.at(), 1000L) > sla;
        }).count();
        return new FlowReport.Group(name, deals.size(), waits.length, closed, withdrawn, percentile(waits, 50),
                percentile(waits, 90), percentile(cycles, 50), percentile(cycles, 90),
                deals.isEmpty() ? 0 : round((double) over / deals.size()),
                closed + withdrawn == 0 ? null : round((double) closed / (closed + withdrawn)));
    }

    /** Whole minutes, as hours. */
    private static double hours(long from, long to) {
        return Math.floorDiv(to - from, 60_000_000L) / 60.0;
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

    private static final long NONE = Long.MIN_VALUE;

    /** One deal's way from ready to review and to its end. */
    private static final class Deal {
        final FlowHistory.Move ready;
        long inReview = NONE;
        long closed = NONE;
        boolean withdrawn;

        Deal(FlowHistory.Move ready) {
            this.ready = ready;
        }

        void see(FlowHistory.Move t, boolean closes) {
            if (t.state().equals("IN_REVIEW") && inReview == NONE) {
                inReview = t.at();
            } else if (closes && closed == NONE && !withdrawn) {
                closed = t.at();
            } else if (t.state().equals("WITHDRAWN") && closed == NONE) {
                withdrawn = true;
            }
        }
    }
}
