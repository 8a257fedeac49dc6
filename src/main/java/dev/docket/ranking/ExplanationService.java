package dev.docket.ranking;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.docket.contract.ContractService;
import dev.docket.contract.ContractView;
import dev.docket.contract.FlaggedEdit;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.fairness.FlaggedEdits;
import dev.docket.feed.ChangeFeed;
import dev.docket.forecast.Forecast;
import dev.docket.forecast.ForecastService;
import dev.docket.system.DatabaseErrors;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers "why is my deal #14?" from the ranking snapshot; the reasons come from the rules themselves. */
@Singleton
public class ExplanationService {

    private static final Logger LOG = LoggerFactory.getLogger(ExplanationService.class);

    private final RankingService rankings;
    private final ContractService contracts;
    private final CounterfactualService counterfactuals;
    private final ForecastService forecasts;
    private final FlaggedEdits flaggedEdits;
    private final ChangeFeed feed;
    private final ReadinessPolicy readiness;

    ExplanationService(RankingService rankings, ContractService contracts, CounterfactualService counterfactuals,
                       ForecastService forecasts, FlaggedEdits flaggedEdits, ReadinessPolicy readiness, ChangeFeed feed) {
        this.readiness = readiness;
        this.rankings = rankings;
        this.contracts = contracts;
        this.counterfactuals = counterfactuals;
        this.forecasts = forecasts;
        this.flaggedEdits = flaggedEdits;
        this.feed = feed;
    }

    public Explanation explain(long contractId) {
        return explain(contractId, true);
    }

    /**
     * The explanation, with the counterfactuals only if asked for: they run the rules on dozens of changed copies,
     * so the contract page shows everything else first and loads them after.
     */
    public Explanation explain(long contractId, boolean withCounterfactuals) {
        Ranking ranking = rankings.current();
        ContractView contract;
        List<FlaggedEdit> edits;
        try {
            contract = contracts.get(contractId);
            edits = flaggedEdits.of(contractId);
        } catch (RuntimeException e) {
            if (DatabaseErrors.classify(e) != DatabaseErrors.Kind.UNAVAILABLE || ranking.indexOf(contractId).isEmpty()) {
                throw e;
            }
            // The database is down: explain from the ranking in memory, which knows which required gates are
            // open but not who set them when, nor the flagged edits.
            LOG.warn("Database unavailable; explaining contract {} from the ranking in memory: {}", contractId, e.toString());
            return explain(ranking, ranking.indexOf(contractId).get(), List.of(), List.of(), withCounterfactuals);
        }
        int index = ranking.indexOf(contractId).orElseThrow(() -> new NotInQueueException(contractId, contract.status()));
        return explain(ranking, index, contract.gates(), edits, withCounterfactuals);
    }

    private Explanation explain(Ranking ranking, int index, List<ContractView.GateView> gates, List<FlaggedEdit> edits,
                                boolean withCounterfactuals) {
        RankedEntry entry = ranking.entry(index);
        long contractId = entry.contract().id();
        if (gates.isEmpty()) {
            gates = readiness.requiredFor(entry.contract().contractType()).stream().sorted()
                    .map(g -> new ContractView.GateView(g, true, !entry.blockingGates().contains(g), null, null)).toList();
        }
        Explanation.Neighbour ahead = index > 0 ? neighbour(ranking.entry(index - 1), entry) : null;
        Explanation.Neighbour behind = index + 1 < ranking.size() ? neighbour(ranking.entry(index + 1), entry) : null;
        Forecast forecast = forecasts.forEntry(ranking, entry);
        String summary = summary(entry, ranking.size(), ahead) + " " + ForecastService.sentence(forecast);
        return new Explanation(contractId, entry.contract().title(), entry.rank(), ranking.size(), entry.lane(), entry.score(),
                entry.contributions(), entry.blockers(), gates, ahead, behind,
                summary, ranking.ruleVersion(), ranking.computedAt(),
                withCounterfactuals ? counterfactuals.explore(ranking, index) : null, forecast, edits, feed.stale());
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
