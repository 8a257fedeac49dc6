package dev.docket.explain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import dev.docket.contract.ContractService;
import dev.docket.contract.ContractView;
import dev.docket.contract.CurrencyConverter;
import dev.docket.contract.Paper;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractFactBuilder;
import dev.docket.facts.Lane;
import dev.docket.ranking.NotInQueueException;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * "What if I changed the close date, the paper or the expansion estimate?": the live ranking's own rules score a
 * changed copy of the contract, and its rank is where that copy would fall among everyone else. Nothing is stored.
 */
@Singleton
public class WhatIfService {

    private final RankingService rankings;
    private final ContractService contracts;
    private final CurrencyConverter currencies;
    private final Wording words;

    WhatIfService(RankingService rankings, ContractService contracts, CurrencyConverter currencies, Wording words) {
        this.words = words;
        this.rankings = rankings;
        this.contracts = contracts;
        this.currencies = currencies;
    }

    /**
     * @param expansionAmount the expansion estimate in the contract's own expansion currency; null keeps it
     */
    public Outcome whatIf(long contractId, @Nullable LocalDate targetCloseDate, @Nullable Paper paper,
                          @Nullable BigDecimal expansionAmount) {
        ContractView contract = contracts.get(contractId);
        Ranking ranking = rankings.current();
        int index = ranking.indexOf(contractId).orElseThrow(() -> new NotInQueueException(contractId, contract.status()));
        ContractFact self = ranking.slotFact(index);
        ContractFactBuilder copy = self.toBuilder();
        if (targetCloseDate != null) {
            LocalDate today = ranking.day();
            copy.targetCloseDate(targetCloseDate, (int) ChronoUnit.DAYS.between(today, targetCloseDate));
        }
        if (paper != null) {
            copy.paper(paper.name());
        }
        if (expansionAmount != null) {
            copy.expansionPotentialBase(currencies.toBase(expansionAmount, contract.expansionPotential().currency()));
        }
        ContractFact scored = CounterfactualService.score(ranking.ruleSet(), copy.build());
        int rank = ranking.rankIfChanged(scored);
        double scoreNow = CounterfactualService.round(self.getScore());
        double score = CounterfactualService.round(scored.getScore());
        String summary = words.say("whatIf.outcome", words.lane(scored.getLane()), words.points(score), words.points(scoreNow));
        return new Outcome(index + 1, rank, ranking.size(), self.getLane(), scored.getLane(), scoreNow, score,
                RankedEntry.of(0, null, scored).contributions(), summary);
    }

    /** Where the changed copy would stand, next to where the contract stands now; {@code summary} says it in words. */
    @Serdeable
    public record Outcome(int rankNow, int rank, int of, Lane laneNow, Lane lane, double scoreNow, double score,
                          java.util.List<dev.docket.facts.Contribution> contributions, String summary) {
    }
}
