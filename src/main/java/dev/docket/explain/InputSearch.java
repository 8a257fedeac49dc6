package dev.docket.explain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.facts.ContractFact;
import dev.docket.ranking.Forecast;
import dev.docket.ranking.Ranking;
import io.micronaut.core.annotation.Nullable;

/**
 * Finds, for each input a rep can influence (target close date, paper, expansion estimate), the smallest
 * change that moves the contract up at least one place, by scoring candidate values with the real rules.
 */
final class InputSearch {

    private static final int DATE_RANGE_DAYS = 90;

    private final Ranking ranking;
    private final CompiledRuleSet rules;
    private final ContractFact self;
    private final int rank;
    private final Wording words;
    private final @Nullable Forecast forecast;

    InputSearch(Ranking ranking, CompiledRuleSet rules, ContractFact self, Wording words, @Nullable Forecast forecast) {
        this.ranking = ranking;
        this.rules = rules;
        this.self = self;
        this.rank = ranking.rankIfChanged(self);
        this.words = words;
        this.forecast = forecast;
    }

    List<Counterfactuals.InputChange> changes() {
        List<Counterfactuals.InputChange> changes = new ArrayList<>();
        targetCloseDate().ifPresent(changes::add);
        paper().ifPresent(changes::add);
        expansion().ifPresent(changes::add);
        return changes;
    }

    /**
     * Dates ordered by distance from the current one, so the first that helps is the smallest change. Only today and
     * later: a rep cannot promise a close date that has passed.
     */
    private java.util.Optional<Counterfactuals.InputChange> targetCloseDate() {
        LocalDate today = ranking.day();
        Integer current = self.getDaysToTargetClose();
        List<Integer> offsets = new ArrayList<>();
        for (int distance = 1; distance <= DATE_RANGE_DAYS * 2; distance++) {
            for (int sign : new int[] {-1, 1}) {
                int d = (current == null ? DATE_RANGE_DAYS : current) + sign * distance;
                if (d >= 0 && d <= DATE_RANGE_DAYS && !offsets.contains(d)) {
                    offsets.add(d);
                }
            }
        }
        return first(offsets, d -> self.toBuilder().targetCloseDate(today.plusDays(d), d).build(),
                d -> new Change("targetCloseDate", String.valueOf(self.getTargetCloseDate()), today.plusDays(d).toString(),
                        words.date(self.getTargetCloseDate()), words.date(today.plusDays(d)), self.getTargetCloseDate() == null,
                        forecast != null && today.plusDays(d).isBefore(forecast.expectedFinish())));
    }

    private java.util.Optional<Counterfactuals.InputChange> paper() {
        String other = "CUSTOMER".equals(self.getPaper()) ? "OURS" : "CUSTOMER";
        return first(List.of(other), p -> self.toBuilder().paper(p).build(), p -> new Change("paper", self.getPaper(), p,
                words.paper(self.getPaper()), words.paper(p), false, false));
    }

    /** A geometric grid up to 100x the estimate (or 10 million from zero), then a finer grid between the last miss and first hit. */
    private java.util.Optional<Counterfactuals.InputChange> expansion() {
        double current = self.getExpansionPotentialBase();
        double low = Math.max(current, 1_000);
        double high = Math.max(current * 100, 10_000_000);
        List<Double> coarse = grid(low, high, 40);
        java.util.Optional<Counterfactuals.InputChange> hit = first(coarse, this::withExpansion, this::expansionChange);
        if (hit.isEmpty()) {
            return hit;
        }
        double found = Double.parseDouble(hit.get().to().replace(",", ""));
        int at = coarse.indexOf(found);
        double floor = at > 0 ? coarse.get(at - 1) : current;
        java.util.Optional<Counterfactuals.InputChange> finer = first(grid(floor, found, 20), this::withExpansion, this::expansionChange);
        return finer.isPresent() ? finer : hit;
    }

    private ContractFact withExpansion(double value) {
        return self.toBuilder().expansionPotentialBase(value).build();
    }

    private Change expansionChange(double value) {
        return new Change("expansionPotential", String.format(Locale.ROOT, "%.0f", self.getExpansionPotentialBase()),
                String.format(Locale.ROOT, "%.0f", value), words.baseMoney(self.getExpansionPotentialBase()),
                words.baseMoney(value), self.getExpansionPotentialBase() == 0, false);
    }

    private static List<Double> grid(double from, double to, int steps) {
        List<Double> values = new ArrayList<>(steps);
        double ratio = Math.pow(to / from, 1.0 / steps);
        for (int i = 1; i <= steps; i++) {
            values.add((double) Math.round(Math.ceil(from * Math.pow(ratio, i) / 100.0) * 100.0));
        }
        return values;
    }

    /** Scores every candidate in one session and returns the first, in the given order, that ranks higher. */
    private <T> java.util.Optional<Counterfactuals.InputChange> first(List<T> candidates, Function<T, ContractFact> variant,
                                                                       Function<T, Change> describe) {
        List<ContractFact> facts = candidates.stream().map(variant).toList();
        rules.score(facts);
        for (int i = 0; i < facts.size(); i++) {
            int newRank = ranking.rankIfChanged(facts.get(i));
            if (newRank < rank) {
                Change change = describe.apply(candidates.get(i));
                double gained = CounterfactualService.round(facts.get(i).getScore() - self.getScore());
                String key = "input." + change.input() + (change.fromNothing() ? ".none" : "")
                        + (change.beforeReview() ? ".beforeReview" : "");
                String summary = words.say(key, change.fromText(), change.toText(), rank, newRank, words.signedPoints(gained),
                        forecast == null ? "" : words.date(forecast.expectedFinish()));
                return java.util.Optional.of(new Counterfactuals.InputChange(change.input(), change.from(), change.to(), newRank,
                        rank - newRank, gained, summary, words.field(change.input()), change.fromText(), change.toText()));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * @param fromNothing  the contract has no value yet (no date, no expansion estimate)
     * @param beforeReview the new close date falls before legal is forecast to finish reviewing the contract
     */
    private record Change(String input, String from, String to, String fromText, String toText, boolean fromNothing,
                          boolean beforeReview) {
    }
}
