package dev.docket.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import dev.docket.support.DatabaseTest;
import dev.docket.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flow report over transitions written straight to the table, against numbers worked out by hand for a small
 * history with the awkward cases, and against a reference worked out independently of it (see {@link Reference}) on a
 * random history: read whole, and read as it grows.
 */
@MicronautTest(transactional = false)
class FlowReportIT extends DatabaseTest {

    @Inject
    StatusTransitionRepository transitions;

    @Inject
    FlowService flows;

    @Inject
    TestClock clock;

    private long nextId = 1;

    @BeforeEach
    void noTransitions() {
        transitions.deleteAll();
        clock.set(TestClock.START); // Monday 2026-11-02 09:00 UTC
    }

    @Test
    void aSmallHistoryGivesTheHandComputedReport() {
        long c1 = add("MSA", "Central", "v1", "READY 2026-10-01T00:00:00Z", "IN_REVIEW 2026-10-02T12:00:00Z",
                "APPROVED 2026-10-05T00:00:00Z", "SIGNED 2026-10-06T00:00:00Z");
        // Withdrawn after a second READY: the deal starts at the first one, and a withdrawn deal waits no more.
        add("NDA", "West", "v1", "READY 2026-10-03T00:00:00Z", "READY 2026-10-04T00:00:00Z", "WITHDRAWN 2026-10-10T00:00:00Z");
        // Ready before the period too: the deal starts at its first READY inside it; still waiting at "now".
        add("MSA", "West", null, "READY 2026-09-25T00:00:00Z", "READY 2026-10-07T00:00:00Z");
        // A review before READY does not count; one at READY's own instant, recorded after it, does (0 h).
        add("MSA", "Central", "v2", "IN_REVIEW 2026-10-10T00:00:00Z", "READY 2026-10-11T00:00:00Z",
                "IN_REVIEW 2026-10-11T00:00:00Z", "SIGNED 2026-10-11T01:30:00Z");
        // Five days and a millisecond is over the 5-day service level; exactly five days is not.
        add("NDA", "Central", "v2", "READY 2026-10-20T00:00:00Z", "IN_REVIEW 2026-10-25T00:00:00.001Z");
        add("DPA", "Central", "v2", "READY 2026-10-21T00:00:00Z", "IN_REVIEW 2026-10-26T00:00:00Z");
        // Ready on the period's last day, reviewed after it: counted, with its 2 h wait.
        add("NDA", "West", "v1", "READY 2026-10-31T23:00:00Z", "IN_REVIEW 2026-11-01T01:00:00Z");
        // Ready after the period: not a deal of it; its approval is after the period too.
        add("MSA", "Central", "v1", "READY 2026-11-01T00:00:00Z", "APPROVED 2026-11-01T02:00:00Z");
        // Waits whole minutes: 72 h 59 min 59.999 s counts as 72 h 59 min = 72.98 h.
        add("MSA", "Central", "v1", "READY 2026-10-02T00:00:00Z", "NOT_READY 2026-10-03T00:00:00Z",
                "READY 2026-10-04T00:00:00Z", "IN_REVIEW 2026-10-05T00:59:59.999Z");
        // Closed without a READY in the period: a closure in its week, not a deal.
        add("ORDER_FORM", "East", "v1", "APPROVED 2026-10-15T00:00:00Z");

        FlowReport r = flows.report(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));

        assertThat(r.overall()).isEqualTo(new FlowReport.Group("all", 8, 6, 2, 1, 36.0, 120.0, 1.5, 96.0, 0.25, 0.67));
        assertThat(r.byType()).containsExactly(
                new FlowReport.Group("DPA", 1, 1, 0, 0, 120.0, 120.0, null, null, 0.0, null),
                new FlowReport.Group("MSA", 4, 3, 2, 0, 36.0, 72.98, 1.5, 96.0, 0.25, 1.0),
                new FlowReport.Group("NDA", 3, 2, 0, 1, 2.0, 120.0, null, null, 0.33, 0.0));
        assertThat(r.byTeam()).containsExactly(
                new FlowReport.Group("Central", 5, 5, 2, 0, 72.98, 120.0, 1.5, 96.0, 0.2, 1.0),
                new FlowReport.Group("West", 3, 1, 0, 1, 2.0, 2.0, null, null, 0.33, 0.0));
        assertThat(r.byRuleVersion()).containsExactly(
                new FlowReport.Group("(before versions were recorded)", 1, 0, 0, 0, null, null, null, null, 1.0, null),
                new FlowReport.Group("v1", 4, 3, 1, 1, 36.0, 72.98, 96.0, 96.0, 0.0, 0.5),
                new FlowReport.Group("v2", 3, 3, 1, 0, 120.0, 120.0, 1.5, 1.5, 0.33, 1.0));
        assertThat(r.throughput()).extracting(w -> w.weekStart() + "=" + w.closed())
                .containsExactly("2026-09-28=0", "2026-10-05=3", "2026-10-12=1", "2026-10-19=0", "2026-10-26=0");
        assertThat(c1).isPositive();
    }

    @Test
    void anEmptyPeriodHasAnEmptyOverallGroupAndZeroWeeks() {
        FlowReport r = flows.report(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07"));
        assertThat(r.overall()).isEqualTo(new FlowReport.Group("all", 0, 0, 0, 0, null, null, null, null, 0.0, null));
        assertThat(r.byType()).isEmpty();
        assertThat(r.throughput()).extracting(FlowReport.Week::closed).containsOnly(0);
    }

    @Test
    void aRandomHistoryGivesWhatTheReferenceWorksOut() {
        transitions.saveAll(randomHistory());
        clock.set(Instant.parse("2026-11-20T10:30:00Z"));
        assertMatchesReference();
    }

    @Test
    void rowsAddedAfterAReportShowInTheNextAsIfReadFromScratch() {
        List<StatusTransition> rows = randomHistory();
        Collections.shuffle(rows, new Random(15)); // interleaved, not contract by contract, as a live system records them
        clock.set(Instant.parse("2026-11-20T10:30:00Z"));
        // The first report reads the table whole (as at start-up, after the backfill); later ones read only what
        // was added since, some of it continuing contracts already read.
        transitions.saveAll(rows.subList(0, rows.size() / 2));
        assertMatchesReference();
        transitions.saveAll(rows.subList(rows.size() / 2, rows.size() - 10));
        assertMatchesReference();
        for (StatusTransition row : rows.subList(rows.size() - 10, rows.size())) {
            transitions.save(row);
            FlowReport report = flows.report(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-11-20"));
            assertThat(report).isEqualTo(Reference.report(transitions.findAll(), LocalDate.parse("2026-07-01"),
                    LocalDate.parse("2026-11-20"), clock.instant(), Duration.ofDays(5)));
        }
        assertMatchesReference();
    }

    @Test
    void deletedRowsLeaveTheReportAsTheTableIsNow() {
        transitions.saveAll(randomHistory());
        clock.set(Instant.parse("2026-11-20T10:30:00Z"));
        assertMatchesReference();
        transitions.deleteAll();
        add("MSA", "Central", "v1", "READY 2026-10-01T00:00:00Z", "IN_REVIEW 2026-10-02T00:00:00Z");
        FlowReport r = flows.report(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
        assertThat(r.overall()).isEqualTo(new FlowReport.Group("all", 1, 1, 0, 0, 24.0, 24.0, null, null, 0.0, null));
    }

    private void assertMatchesReference() {
        for (String[] period : new String[][] {{"2026-08-01", "2026-10-31"}, {"2026-09-03", "2026-09-17"}, {"2026-07-01", "2026-11-20"}}) {
            LocalDate from = LocalDate.parse(period[0]);
            LocalDate to = LocalDate.parse(period[1]);
            FlowReport expected = Reference.report(transitions.findAll(), from, to, clock.instant(), Duration.ofDays(5));
            assertThat(flows.report(from, to)).as("%s to %s", from, to).isEqualTo(expected);
            assertThat(expected.overall().deals()).isPositive();
        }
    }

    private static List<StatusTransition> randomHistory() {
        Random random = new Random(14);
        String[] types = {"MSA", "NDA", "DPA", "ORDER_FORM"};
        String[] teams = {"Central", "East", "West"};
        String[] versions = {null, "v1", "v2", "v3"};
        Instant base = Instant.parse("2026-08-01T00:00:00Z");
        List<StatusTransition> rows = new ArrayList<>();
        for (long c = 1; c <= 400; c++) {
            Instant t = base.plus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            int steps = 1 + random.nextInt(5);
            String type = types[random.nextInt(types.length)];
            String team = teams[random.nextInt(teams.length)];
            for (int s = 0; s < steps; s++) {
                String state = switch (random.nextInt(8)) {
                    case 0, 1, 2 -> "READY";
                    case 3 -> "NOT_READY";
                    case 4, 5 -> "IN_REVIEW";
                    case 6 -> random.nextBoolean() ? "APPROVED" : "SIGNED";
                    default -> "WITHDRAWN";
                };
                rows.add(new StatusTransition(null, c, state, t, versions[random.nextInt(versions.length)], type, team, false));
                if (!state.equals("READY") && !state.equals("NOT_READY") && !state.equals("IN_REVIEW")) {
                    break; // as the lifecycle allows: nothing follows a withdrawal, an approval or a signature here
                }
                // Whole minutes, often none: ties on the same instant are ordered by id.
                t = t.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 0 : random.nextInt(12 * 24 * 60)));
            }
        }
        return rows;
    }

    private long add(String type, String team, String version, String... moves) {
        long contract = nextId++;
        for (String move : moves) {
            String[] parts = move.split(" ");
            transitions.save(new StatusTransition(null, contract, parts[0], Instant.parse(parts[1]), version, type, team, false));
        }
        return contract;
    }

    /**
     * The report worked out a second way, from what each number means rather than as FlowService's single pass
     * computes it: each contract's rows in the period are gathered and put in order, its deal is read off by looking
     * for the first row of each kind after the READY that starts it, a week's throughput is a count of closing rows
     * inside that week's seven days, a percentile is the smallest value that at least p% of the sample does not
     * exceed, and a deal is over the service level when its wait ended (or still runs at "now") a millisecond or more
     * after ready plus the level.
     */
    private static final class Reference {

        static final Set<String> CLOSING = Set.of("APPROVED", "SIGNED");

        /** One deal: the READY row that started it and when its wait and its cycle ended, if they did. */
        record Deal(StatusTransition ready, Instant reviewed, Instant closed, boolean withdrawn) {

            /** The end of the wait for review: the review, else the close, else still waiting at now (none if withdrawn). */
            Instant waitEnd(Instant now) {
                return reviewed != null ? reviewed : closed != null ? closed : withdrawn ? null : now;
            }
        }

        static FlowReport report(Iterable<StatusTransition> all, LocalDate from, LocalDate to, Instant now, Duration level) {
            Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            // Deals that became ready in the period may be reviewed and closed after it, up to now.
            Instant horizon = now.isAfter(end) ? now.plusSeconds(1) : end;
            List<StatusTransition> rows = StreamSupport.stream(all.spliterator(), false)
                    .filter(t -> !t.movedAt().isBefore(start) && t.movedAt().isBefore(horizon))
                    .sorted(Comparator.comparing(StatusTransition::movedAt).thenComparing(StatusTransition::id))
                    .toList();
            List<Deal> deals = rows.stream()
                    .collect(Collectors.groupingBy(StatusTransition::contractId, LinkedHashMap::new, Collectors.toList()))
                    .values().stream()
                    .map(history -> deal(history, end))
                    .flatMap(Optional::stream)
                    .toList();

            List<FlowReport.Week> weeks = new ArrayList<>();
            LocalDate monday = from.minusDays(from.getDayOfWeek().getValue() - 1L);
            for (LocalDate w = monday; !w.isAfter(to); w = w.plusDays(7)) {
                Instant weekStart = w.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant weekEnd = weekStart.plus(Duration.ofDays(7));
                weeks.add(new FlowReport.Week(w, (int) rows.stream()
                        .filter(t -> CLOSING.contains(t.state()) && t.movedAt().isBefore(end))
                        .filter(t -> !t.movedAt().isBefore(weekStart) && t.movedAt().isBefore(weekEnd))
                        .count()));
            }
            return new FlowReport(from, to, level, group("all", deals, now, level),
                    groups(deals, d -> d.ready().contractType(), now, level),
                    groups(deals, d -> d.ready().team(), now, level),
                    groups(deals, d -> d.ready().ruleVersion() == null ? "(before versions were recorded)" : d.ready().ruleVersion(), now, level),
                    weeks);
        }

        /** The deal of one contract's rows (in order): none unless a READY before the period's end starts it. */
        static Optional<Deal> deal(List<StatusTransition> history, Instant end) {
            int ready = firstIndex(history, 0, t -> t.state().equals("READY") && t.movedAt().isBefore(end));
            if (ready < 0) {
                return Optional.empty();
            }
            int review = firstIndex(history, ready + 1, t -> t.state().equals("IN_REVIEW"));
            int close = firstIndex(history, ready + 1, t -> CLOSING.contains(t.state()));
            int withdrawal = firstIndex(history, ready + 1, t -> t.state().equals("WITHDRAWN"));
            // Whichever of a close and a withdrawal comes first ends the deal; the other no longer counts.
            boolean closedFirst = close >= 0 && (withdrawal < 0 || close < withdrawal);
            return Optional.of(new Deal(history.get(ready), review < 0 ? null : history.get(review).movedAt(),
                    closedFirst ? history.get(close).movedAt() : null, !closedFirst && withdrawal >= 0));
        }

        static int firstIndex(List<StatusTransition> history, int from, Predicate<StatusTransition> test) {
            for (int i = from; i < history.size(); i++) {
                if (test.test(history.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        static List<FlowReport.Group> groups(List<Deal> deals, Function<Deal, String> key, Instant now, Duration level) {
            return deals.stream()
                    .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
                    .entrySet().stream()
                    .map(e -> group(e.getKey(), e.getValue(), now, level))
                    .toList();
        }

        static FlowReport.Group group(String name, List<Deal> deals, Instant now, Duration level) {
            List<Double> waits = deals.stream().filter(d -> d.reviewed() != null)
                    .map(d -> hours(d.ready().movedAt(), d.reviewed())).toList();
            List<Double> cycles = deals.stream().filter(d -> d.closed() != null)
                    .map(d -> hours(d.ready().movedAt(), d.closed())).toList();
            long withdrawn = deals.stream().filter(Deal::withdrawn).count();
            long over = deals.stream().filter(d -> {
                Instant waitEnd = d.waitEnd(now);
                return waitEnd != null && !waitEnd.isBefore(d.ready().movedAt().plus(level).plusMillis(1));
            }).count();
            long ended = cycles.size() + withdrawn;
            return new FlowReport.Group(name, deals.size(), waits.size(), cycles.size(), (int) withdrawn,
                    percentile(waits, 50), percentile(waits, 90), percentile(cycles, 50), percentile(cycles, 90),
                    deals.isEmpty() ? 0 : twoDecimals((double) over / deals.size()),
                    ended == 0 ? null : twoDecimals((double) cycles.size() / ended));
        }

        /** Whole minutes, as hours. */
        static double hours(Instant from, Instant to) {
            return ChronoUnit.MINUTES.between(from, to) / 60.0;
        }

        /** The smallest value that at least p% of the sample is at or below; null for an empty sample. */
        static Double percentile(List<Double> sample, int p) {
            return sample.stream()
                    .filter(v -> 100 * sample.stream().filter(x -> x <= v).count() >= (long) p * sample.size())
                    .min(Double::compare)
                    .map(Reference::twoDecimals)
                    .orElse(null);
        }

        static double twoDecimals(double v) {
            return Math.round(v * 100.0) / 100.0;
        }
    }
}
