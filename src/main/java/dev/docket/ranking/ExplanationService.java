package dev.docket.ranking;

import java.util.Comparator;
import java.util.Locale;

import dev.docket.contract.ContractService;
import dev.docket.contract.ContractView;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.fairness.FlaggedEdits;
import dev.docket.feed.ChangeFeed;
import dev.docket.forecast.Forecast;
import dev.docket.forecast.ForecastService;
import jakarta.inject.Singleton;

/** Answers "why is my deal #14?" from the ranking snapshot; the reasons come from the rules themselves. */
@Singleton
public class ExplanationService {

    private final RankingService rankings;
    private final ContractService contracts;
    private final CounterfactualService counterfactuals;
    private final ForecastService forecasts;
    private final FlaggedEdits flaggedEdits;
    private final ChangeFeed feed;

    ExplanationService(RankingService rankings, ContractService contracts, CounterfactualService counterfactuals,
                       ForecastService forecasts, FlaggedEdits flaggedEdits, ChangeFeed feed) {
        this.rankings = rankings;
        this.contracts = contracts;
        this.counterfactuals = counterfactuals;
        this.forecasts = forecasts;
        this.flaggedEdits = flaggedEdits;
        this.feed = feed;
    }

    public Explanation explain(long contractId) {
        ContractView contract = contracts.get(contractId);
        Ranking ranking = rankings.current();
        int index = ranking.indexOf(contractId).orElseThrow(() -> new NotInQueueException(contractId, contract.status()));
        RankedEntry entry = ranking.entry(index);
        Explanation.Neighbour ahead = index > 0 ? neighbour(ranking.entry(index - 1), entry) : null;
        Explanation.Neighbour behind = index + 1 < ranking.size() ? neighbour(ranking.entry(index + 1), entry) : null;
        Forecast forecast = forecasts.forEntry(ranking, entry);
        String summary = summary(entry, ranking.size(), ahead) + " " + ForecastService.sentence(forecast);
        return new Explanation(contractId, contract.title(), entry.rank(), ranking.size(), entry.lane(), entry.score(),
                entry.contributions(), entry.blockers(), contract.gates(), ahead, behind,
                summary, ranking.ruleVersion(), ranking.computedAt(),
                counterfactuals.explore(ranking, index), forecast, flaggedEdits.of(contractId), feed.stale());
    }

    private static Explanation.Neighbour neighbour(RankedEntry other, RankedEntry self) {
        return new Explanation.Neighbour(other.rank(), other.contract().id(), other.contract().title(), other.lane(),
                other.score(), round(Math.abs(other.score() - self.score())));
    }

    /** One sentence a sales rep can read without knowing the rules. */
    static String summary(RankedEntry entry, int total, Explanation.Neighbour ahead) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "\"%s\" is #%d of %d in the review queue",
                entry.contract().title(), entry.rank(), total));
        if (entry.lane() == Lane.NOT_READY) {
            s.append(" and waits in the not-ready lane, below every ready deal, because ")
                    .append(String.join(" and ", entry.blockers()))
                    .append(entry.blockingGates().isEmpty() ? "" : "; passing " + String.join(", ", entry.blockingGates())
                            + " moves it into the ready lane");
            return s.append('.').toString();
        }
        s.append(String.format(Locale.ROOT, " with %s points", fmt(entry.score())));
        entry.contributions().stream().max(Comparator.comparingDouble(Contribution::points))
                .filter(c -> c.points() > 0)
                .ifPresent(c -> s.append(String.format(Locale.ROOT, ", most from %s (%s)", c.rule(), c.reason())));
        if (ahead != null) {
            s.append(String.format(Locale.ROOT, "; it is %s points behind #%d \"%s\"", fmt(ahead.gap()),
                    ahead.position(), ahead.title()));
        } else {
            s.append("; it is next in line");
        }
        return s.append('.').toString();
    }

    private static String fmt(double points) {
        return String.format(Locale.ROOT, "%.1f", points);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
