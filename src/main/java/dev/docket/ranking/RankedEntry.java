package dev.docket.ranking;

import java.util.List;

import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One place in the queue: the contract, its total, its lane, and the contributions that make up the total. */
@Serdeable
public record RankedEntry(int rank, ContractSummary contract, double score, Lane lane,
                          List<Contribution> contributions, List<String> blockingGates, List<String> blockers,
                          @Nullable Forecast forecast) {

    /** This entry with its pickup forecast, which is computed per ranking apart from the rules. */
    public RankedEntry withForecast(@Nullable Forecast newForecast) {
        return new RankedEntry(rank, contract, score, lane, contributions, blockingGates, blockers, newForecast);
    }

    public static RankedEntry of(int rank, ContractSummary contract, dev.docket.facts.ContractFact fact) {
        boolean blocked = fact.getLane() == Lane.NOT_READY;
        // Biggest contribution first: that is the one a rep asks about.
        List<Contribution> contributions = fact.getContributions().stream()
                .sorted(java.util.Comparator.comparingDouble(Contribution::points).reversed())
                .toList();
        return new RankedEntry(rank, contract, Math.round(fact.getScore() * 100.0) / 100.0,
                fact.getLane(), contributions,
                blocked ? fact.getMissingGates().stream().sorted().toList() : List.of(),
                fact.getBlockers(), null);
    }
}
