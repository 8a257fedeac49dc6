package dev.docket.preview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.facts.Contribution;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.BacklogScorer;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.CompiledRuleSet;
import dev.docket.rules.RuleProblem;
import dev.docket.rules.RuleScoringException;
import jakarta.inject.Singleton;

/** Ranks the live backlog with the active and a candidate rule set side by side and compares the two. */
@Singleton
public class ImpactPreviewService {

    private static final int LARGEST_MOVES = 5;
    private static final double EPSILON = 0.005;

    private final BacklogScorer scorer;
    private final ActiveRuleSet rules;
    private final BusinessCalendar calendar;

    ImpactPreviewService(BacklogScorer scorer, ActiveRuleSet rules, BusinessCalendar calendar) {
        this.scorer = scorer;
        this.rules = rules;
        this.calendar = calendar;
    }

    public ImpactPreview preview(CompiledRuleSet candidate, List<RuleProblem> scenarioFailures) {
        CompiledRuleSet active = rules.get();
        LocalDate today = calendar.today();
        BacklogScorer.Backlog backlog = scorer.loadOpenBacklog();
        BacklogScorer.Scored activeScores = scorer.score(backlog.contracts(), backlog.gatesById(), active, today, true);
        List<Ranking.Slot> before = activeScores.slots();
        BacklogScorer.Scored candidateScores = scorer.score(backlog.contracts(), backlog.gatesById(), candidate, today, true);
        if (!candidateScores.failures().isEmpty()) {
            // The candidate would be refused on activation for the same reason; say so instead of previewing a half ranking.
            throw new RuleScoringException(candidateScores.failures());
        }
        List<Ranking.Slot> after = candidateScores.slots();
        Map<Long, Integer> oldRank = ranks(before);
        Map<Long, Integer> newRank = ranks(after);
        Map<Long, Ranking.Slot> oldById = before.stream()
                .collect(Collectors.toMap(s -> s.contract().id(), Function.identity()));

        List<ImpactPreview.Change> changes = new ArrayList<>();
        for (Ranking.Slot now : after) {
            long id = now.contract().id();
            Ranking.Slot was = oldById.get(id);
            double delta = now.fact().getScore() - was.fact().getScore();
            boolean moved = !oldRank.get(id).equals(newRank.get(id));
            if (moved || was.fact().getLane() != now.fact().getLane() || Math.abs(delta) > EPSILON) {
                changes.add(new ImpactPreview.Change(id, now.contract().title(), oldRank.get(id), newRank.get(id),
                        was.fact().getLane(), now.fact().getLane(), round(was.fact().getScore()), round(now.fact().getScore()),
                        round(delta), contributionChanges(was.fact().getContributions(), now.fact().getContributions())));
            }
        }
        changes.sort(Comparator.comparingInt((ImpactPreview.Change c) -> -Math.abs(c.oldRank() - c.newRank()))
                .thenComparingInt(ImpactPreview.Change::newRank));
        return new ImpactPreview(active.version(), candidate.version(), after.size(),
                summary(changes, before, after, oldRank, newRank), changes, scenarioFailures,
                ruleMatches(active, activeScores.matches(), candidate, candidateScores.matches()));
    }

    private static ImpactPreview.Summary summary(List<ImpactPreview.Change> changes, List<Ranking.Slot> before,
                                                 List<Ranking.Slot> after, Map<Long, Integer> oldRank,
                                                 Map<Long, Integer> newRank) {
        List<ImpactPreview.Move> moves = changes.stream().filter(c -> c.oldRank() != c.newRank())
                .map(c -> new ImpactPreview.Move(c.contractId(), c.title(), c.oldRank(), c.newRank())).toList();
        return new ImpactPreview.Summary(moves.size(),
                (int) changes.stream().filter(c -> c.oldLane() != c.newLane()).count(),
                (int) changes.stream().filter(c -> Math.abs(c.scoreDelta()) > EPSILON).count(),
                entered(before, after, 10), entered(after, before, 10), entered(before, after, 25), entered(after, before, 25),
                moves.stream().filter(m -> m.newRank() < m.oldRank())
                        .sorted(Comparator.comparingInt(m -> m.newRank() - m.oldRank())).limit(LARGEST_MOVES).toList(),
                moves.stream().filter(m -> m.newRank() > m.oldRank())
                        .sorted(Comparator.comparingInt(m -> m.oldRank() - m.newRank())).limit(LARGEST_MOVES).toList(),
                spearman(oldRank, newRank));
    }

    /** Every rule of either set, in the candidate's order then the live set's, with its matches before and after. */
    private static List<ImpactPreview.RuleMatches> ruleMatches(CompiledRuleSet active, Map<String, Integer> before,
                                                               CompiledRuleSet candidate, Map<String, Integer> after) {
        Set<String> names = new LinkedHashSet<>(candidate.ruleNames());
        names.addAll(active.ruleNames());
        return names.stream().map(rule -> new ImpactPreview.RuleMatches(rule, before.getOrDefault(rule, 0),
                after.getOrDefault(rule, 0))).toList();
    }

    /** Contracts in the top {@code n} of {@code to} that were not in the top {@code n} of {@code from}. */
    private static List<Long> entered(List<Ranking.Slot> from, List<Ranking.Slot> to, int n) {
        Set<Long> was = from.stream().limit(n).map(s -> s.contract().id()).collect(Collectors.toSet());
        return to.stream().limit(n).map(s -> s.contract().id()).filter(id -> !was.contains(id)).toList();
    }

    /** Spearman's rho for two rankings of the same contracts without ties: 1 - 6 sum(d^2) / (n (n^2 - 1)). */
    static double spearman(Map<Long, Integer> oldRank, Map<Long, Integer> newRank) {
        long n = oldRank.size();
        if (n < 2) {
            return 1.0;
        }
        double sumSquares = 0;
        for (Map.Entry<Long, Integer> e : oldRank.entrySet()) {
            double d = e.getValue() - newRank.get(e.getKey());
            sumSquares += d * d;
        }
        return Math.round((1.0 - 6.0 * sumSquares / (n * (n * n - 1.0))) * 10_000.0) / 10_000.0;
    }

    private static List<ImpactPreview.ContributionChange> contributionChanges(List<Contribution> before, List<Contribution> after) {
        Map<String, Contribution> old = byRule(before);
        Map<String, Contribution> now = byRule(after);
        Set<String> rulesSeen = new LinkedHashSet<>(old.keySet());
        rulesSeen.addAll(now.keySet());
        List<ImpactPreview.ContributionChange> changed = new ArrayList<>();
        for (String rule : rulesSeen) {
            Contribution b = old.get(rule);
            Contribution a = now.get(rule);
            if (b == null || a == null || Math.abs(b.points() - a.points()) > EPSILON || !Objects.equals(b.reason(), a.reason())) {
                changed.add(ImpactPreview.ContributionChange.of(rule, b, a));
            }
        }
        return changed;
    }

    private static Map<String, Contribution> byRule(List<Contribution> contributions) {
        Map<String, Contribution> map = new HashMap<>();
        contributions.forEach(c -> map.merge(c.rule(), c, (x, y) -> new Contribution(x.rule(), x.points() + y.points(), x.reason() + "; " + y.reason())));
        return map;
    }

    private static Map<Long, Integer> ranks(List<Ranking.Slot> ordered) {
        Map<Long, Integer> ranks = new HashMap<>(ordered.size() * 2);
        for (int i = 0; i < ordered.size(); i++) {
            ranks.put(ordered.get(i).contract().id(), i + 1);
        }
        return ranks;
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
