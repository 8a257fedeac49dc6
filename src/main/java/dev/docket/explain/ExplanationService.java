package dev.docket.explain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.docket.contract.ContractService;
import dev.docket.contract.ContractView;
import dev.docket.contract.FlaggedEdit;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.calendar.BusinessCalendar;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.fairness.FlaggedEdits;
import dev.docket.feed.ChangeFeed;
import dev.docket.ranking.Forecast;
import dev.docket.forecast.ForecastService;
import dev.docket.ranking.NotInQueueException;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingService;
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
    private final Wording words;
    private final BusinessCalendar calendar;

    ExplanationService(RankingService rankings, ContractService contracts, CounterfactualService counterfactuals,
                       ForecastService forecasts, FlaggedEdits flaggedEdits, ReadinessPolicy readiness, ChangeFeed feed,
                       Wording words, BusinessCalendar calendar) {
        this.words = words;
        this.calendar = calendar;
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
        Explanation.Neighbour ahead = index > 0 ? neighbour(ranking, index - 1, index) : null;
        Explanation.Neighbour behind = index + 1 < ranking.size() ? neighbour(ranking, index + 1, index) : null;
        Forecast forecast = forecasts.forEntry(ranking, entry);
        String summary = summary(ranking, index) + " " + ForecastService.sentence(forecast);
        return new Explanation(contractId, entry.contract().title(), entry.rank(), ranking.size(), entry.lane(), entry.score(),
                entry.contributions(), entry.blockers(), gates, ahead, behind,
                summary, ranking.ruleVersion(), ranking.computedAt(),
                withCounterfactuals ? counterfactuals.explore(ranking, index, forecast) : null, forecast, edits, feed.stale());
    }

    private static Explanation.Neighbour neighbour(Ranking ranking, int other, int self) {
        RankedEntry o = ranking.entry(other);
        ContractFact first = ranking.slotFact(Math.min(other, self));
        ContractFact second = ranking.slotFact(Math.max(other, self));
        return new Explanation.Neighbour(o.rank(), o.contract().id(), o.contract().title(), o.lane(),
                o.score(), round(Math.abs(o.score() - ranking.entry(self).score())), tieBreak(first, second).orElse(null));
    }

    /**
     * What put {@code first} ahead of {@code second} when lane, pin and points are all equal: the queue's own tie-break
     * ({@link dev.docket.rules.QueueOrder}), the earlier {@code readySince}, then the lower id (the deal entered first).
     */
    static Optional<String> tieBreak(ContractFact first, ContractFact second) {
        if (first.getLane() != second.getLane() || first.isPinned() != second.isPinned()
                || first.getScore() != second.getScore()) {
            return Optional.empty();
        }
        return Optional.of(Objects.equals(first.getReadySince(), second.getReadySince()) ? TIE_BY_ID : TIE_BY_READY_SINCE);
    }

    static final String TIE_BY_READY_SINCE = "readySince";
    static final String TIE_BY_ID = "id";

    /** What a sales rep reads first: the place, what earned it, and what separates it from the deal ahead. */
    private String summary(Ranking ranking, int index) {
        RankedEntry entry = ranking.entry(index);
        String title = entry.contract().title();
        int total = ranking.size();
        String place;
        if (entry.lane() == Lane.NOT_READY) {
            place = words.say("summary.notReady", title, entry.rank(), total, words.and(entry.blockers()));
        } else {
            place = entry.contributions().stream().max(Comparator.comparingDouble(Contribution::points))
                    .filter(c -> c.points() > 0)
                    .map(c -> words.say("summary.ready.top", title, entry.rank(), total, words.points(entry.score()),
                            words.points(c.points()), c.rule(), c.reason()))
                    .orElseGet(() -> words.say("summary.ready", title, entry.rank(), total, words.points(entry.score())));
        }
        if (index == 0) {
            return place + " " + words.say("summary.first");
        }
        RankedEntry ahead = ranking.entry(index - 1);
        if (ahead.lane() != entry.lane()) {
            return place;
        }
        ContractFact first = ranking.slotFact(index - 1);
        ContractFact self = ranking.slotFact(index);
        Optional<String> tie = tieBreak(first, self);
        if (tie.isEmpty()) {
            return first.isPinned() && !self.isPinned()
                    ? place + " " + words.say("summary.pinned", ahead.rank(), ahead.contract().title())
                    : place + " " + words.say("summary.behind", words.points(round(ahead.score() - entry.score())),
                    ahead.rank(), ahead.contract().title());
        }
        if (tie.get().equals(TIE_BY_READY_SINCE)) {
            String since = words.date(calendar.dateOf(first.getReadySince()));
            return place + " " + words.say(self.getReadySince() == null ? "summary.tie.readySince.only" : "summary.tie.readySince",
                    ahead.rank(), ahead.contract().title(), since);
        }
        return place + " " + words.say("summary.tie.entered", ahead.rank(), ahead.contract().title());
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
