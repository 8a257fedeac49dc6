package dev.docket.web;

import java.util.List;

import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.facts.Lane;
import dev.docket.ranking.RankedEntry;

/**
 * One page of the queue as the queue page draws it.
 *
 * @param matching how many contracts match the filters across the whole queue
 * @param etag     the ranking API's ETag for the poll that tells the page when to refresh
 */
public record QueueView(QueueQuery query, List<Row> rows, int matching, int total, int ready, String ruleVersion,
                        String computedAt, String etag) {

    public record Row(RankedEntry entry, Bar bar) {

        /** What holds the contract back besides its open gates (a pending approval), which the gate chips already show. */
        public List<String> otherBlockers() {
            return entry.blockers().stream()
                    .filter(b -> entry.blockingGates().stream().noneMatch(g -> b.contains("'" + g + "'")))
                    .toList();
        }
    }

    public int pages() {
        return Math.max(1, (matching + query.size() - 1) / query.size());
    }

    public boolean hasPrevious() {
        return query.page() > 0;
    }

    public boolean hasNext() {
        return query.page() + 1 < pages();
    }

    public List<Lane> lanes() {
        return List.of(Lane.values());
    }

    public List<ContractType> types() {
        return List.of(ContractType.values());
    }

    public List<ContractStatus> statuses() {
        return List.copyOf(ContractStatus.OPEN);
    }
}
