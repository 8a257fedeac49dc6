package dev.docket.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, fully ordered ranking of the open backlog, computed with one rule set at one moment.
 * Readers share it until something it depends on changes.
 */
public final class Ranking {

    private final List<RankedEntry> entries;
    private final Map<Long, Integer> indexById;
    private final String ruleVersion;
    private final Instant computedAt;
    private final LocalDate day;
    private final long backlogVersion;

    Ranking(List<RankedEntry> entries, String ruleVersion, Instant computedAt, LocalDate day, long backlogVersion) {
        this.entries = List.copyOf(entries);
        this.ruleVersion = ruleVersion;
        this.computedAt = computedAt;
        this.day = day;
        this.backlogVersion = backlogVersion;
        this.indexById = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            indexById.put(entries.get(i).contract().id(), i);
        }
    }

    public List<RankedEntry> entries() { return entries; }
    public String ruleVersion() { return ruleVersion; }
    public Instant computedAt() { return computedAt; }
    LocalDate day() { return day; }
    long backlogVersion() { return backlogVersion; }

    public int size() {
        return entries.size();
    }

    /** Zero-based position of a contract, if it is in the open backlog. */
    public Optional<Integer> indexOf(long contractId) {
        return Optional.ofNullable(indexById.get(contractId));
    }
}
