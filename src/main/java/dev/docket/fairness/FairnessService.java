package dev.docket.fairness;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.InvalidFieldException;
import dev.docket.override.ContractOverride;
import dev.docket.override.OverrideRepository;
import dev.docket.calendar.BusinessCalendar;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Builds the fairness report from the override ledger, the field-change audit and the current ranking. */
@Singleton
public class FairnessService {

    static final int TOP = 10;
    static final int MAX_DAYS = 366;
    /** The period a report covers when it is not asked for: the twelve weeks up to today. */
    static final int DEFAULT_WEEKS = 12;

    private final OverrideRepository overrides;
    private final FieldChangeRepository changes;
    private final ContractRepository contracts;
    private final RankingService rankings;
    private final BusinessCalendar calendar;
    private final Clock clock;

    FairnessService(OverrideRepository overrides, FieldChangeRepository changes, ContractRepository contracts,
                    RankingService rankings, BusinessCalendar calendar, Clock clock) {
        this.overrides = overrides;
        this.changes = changes;
        this.contracts = contracts;
        this.rankings = rankings;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * {@code from} and {@code to} are inclusive days in legal's time zone; without {@code to} the period ends today,
     * without {@code from} it is the {@value #DEFAULT_WEEKS} weeks up to its end. The API and the page both ask here.
     */
    @Transactional(readOnly = true)
    public FairnessReport report(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate end = to != null ? to : calendar.today();
        return reportOn(from != null ? from : end.minusWeeks(DEFAULT_WEEKS).plusDays(1), end);
    }

    private FairnessReport reportOn(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "from " + from + " is after to " + to + "; the period runs from 'from' to 'to'");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidFieldException("to", "the period " + from + " to " + to + " is longer than " + MAX_DAYS
                    + " days; ask for a year or less at a time");
        }
        Instant now = clock.instant();
        Instant start = calendar.startOf(from);
        Instant until = calendar.startOf(to.plusDays(1));
        // Askers are counted by every request they made, approvers (and everything else) by what was approved.
        List<ContractOverride> requested = overrides.findByCreatedAtGreaterThanEqualsAndCreatedAtLessThan(start, until);
        List<ContractOverride> created = requested.stream().filter(o -> o.approvedAt() != null).toList();
        List<ContractOverride> refused = requested.stream().filter(o -> o.refusedAt() != null).toList();
        List<ContractOverride> active = overrides.findByApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThan(now);
        List<FieldChange> edits = changes.findByChangedAtGreaterThanEqualsAndChangedAtLessThan(start, until);
        Map<Long, Contract> byId = contractsOf(Stream.of(created.stream().map(ContractOverride::contractId),
                active.stream().map(ContractOverride::contractId), edits.stream().map(FieldChange::contractId))
                .flatMap(Function.identity()).collect(Collectors.toSet()));
        Function<ContractOverride, String> owner = o -> byId.get(o.contractId()).owner();
        Function<ContractOverride, String> team = o -> byId.get(o.contractId()).team();
        return new FairnessReport(from, to, now, group("all", created, active),
                groups(requested, active, ContractOverride::askedBy), groups(created, active, ContractOverride::approvedBy),
                groups(refused, List.of(), ContractOverride::refusedBy),
                groups(created, active, owner), groups(created, active, team),
                top(active), weeks(from, to, created), ownerEdits(edits, byId));
    }

    private Map<Long, Contract> contractsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return contracts.findAll((root, cb) -> root.get("id").in(ids)).stream()
                .collect(Collectors.toMap(Contract::id, Function.identity()));
    }

    /** One row per name that asked, approved, owns or leads an override in the period or in force now; busiest first. */
    private static List<FairnessReport.Group> groups(List<ContractOverride> created, List<ContractOverride> active,
                                                     Function<ContractOverride, String> key) {
        Map<String, List<ContractOverride>> createdBy = created.stream().collect(Collectors.groupingBy(key));
        Map<String, List<ContractOverride>> activeBy = active.stream().collect(Collectors.groupingBy(key));
        Set<String> names = new HashSet<>(createdBy.keySet());
        names.addAll(activeBy.keySet());
        return names.stream()
                .map(n -> group(n, createdBy.getOrDefault(n, List.of()), activeBy.getOrDefault(n, List.of())))
                .sorted(Comparator.comparingInt(FairnessReport.Group::total).reversed()
                        .thenComparing(Comparator.comparingInt(FairnessReport.Group::active).reversed())
                        .thenComparing(FairnessReport.Group::name))
                .toList();
    }

    private static FairnessReport.Group group(String name, List<ContractOverride> created, List<ContractOverride> active) {
        return new FairnessReport.Group(name, active.size(), created.size(),
                (int) created.stream().filter(ContractOverride::pinToTop).count(), averageBoost(created));
    }

    private static Double averageBoost(List<ContractOverride> overrides) {
        var points = overrides.stream().filter(o -> !o.pinToTop()).mapToDouble(o -> o.points().doubleValue()).summaryStatistics();
        return points.getCount() == 0 ? null : Math.round(points.getAverage() * 100.0) / 100.0;
    }

    private FairnessReport.TopShare top(List<ContractOverride> active) {
        Set<Long> overridden = active.stream().map(ContractOverride::contractId).collect(Collectors.toSet());
        Ranking ranking = rankings.current();
        int size = Math.min(TOP, ranking.size());
        List<Long> held = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long id = ranking.entry(i).contract().id();
            if (overridden.contains(id)) {
                held.add(id);
            }
        }
        double share = size == 0 ? 0.0 : Math.round(held.size() * 10_000.0 / size) / 10_000.0;
        return new FairnessReport.TopShare(size, held.size(), share, held);
    }

    private List<FairnessReport.Week> weeks(LocalDate from, LocalDate to, List<ContractOverride> created) {
        Map<LocalDate, List<ContractOverride>> byWeek = created.stream()
                .collect(Collectors.groupingBy(o -> monday(calendar.dateOf(o.createdAt()))));
        List<FairnessReport.Week> weeks = new ArrayList<>();
        for (LocalDate week = monday(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            List<ContractOverride> in = byWeek.getOrDefault(week, List.of());
            weeks.add(new FairnessReport.Week(week, in.size(), (int) in.stream().filter(ContractOverride::pinToTop).count(),
                    averageBoost(in)));
        }
        return weeks;
    }

    private static List<FairnessReport.OwnerEdits> ownerEdits(List<FieldChange> edits, Map<Long, Contract> byId) {
        Map<String, List<FieldChange>> byOwner = edits.stream()
                .collect(Collectors.groupingBy(e -> byId.get(e.contractId()).owner(), LinkedHashMap::new, Collectors.toList()));
        return byOwner.entrySet().stream()
                .map(e -> new FairnessReport.OwnerEdits(e.getKey(), e.getValue().size(),
                        e.getValue().stream().mapToInt(c -> c.placesGained() == null ? 0 : c.placesGained()).sum()))
                .sorted(Comparator.comparingInt(FairnessReport.OwnerEdits::edits).reversed()
                        .thenComparing(FairnessReport.OwnerEdits::owner))
                .toList();
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
