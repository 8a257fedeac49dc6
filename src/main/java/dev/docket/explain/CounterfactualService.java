package dev.docket.explain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.calendar.BusinessCalendar;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractFactBuilder;
import dev.docket.facts.Lane;
import dev.docket.ranking.Forecast;
import dev.docket.ranking.Ranking;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Answers "what would move my deal up?" by running the ranking's own rules on changed copies of the
 * contract, never by re-deriving the policy in Java. Variants are scored in a few batched sessions,
 * and each one's rank is found by binary search in the current ranking, so an explanation stays cheap.
 */
@Singleton
public class CounterfactualService {

    private static final int WAITING_HORIZON_BUSINESS_DAYS = 60;

    private final BusinessCalendar calendar;
    private final Wording words;

    CounterfactualService(BusinessCalendar calendar, Wording words) {
        this.calendar = calendar;
        this.words = words;
    }

    /** @param forecast when legal is expected to review the contract; null outside the ready lane */
    public Counterfactuals explore(Ranking ranking, int index, @Nullable Forecast forecast) {
        ContractFact self = ranking.slotFact(index);
        if (self.isParked()) {
            // The rules could not score this contract; a what-if would only run into the same rule again.
            return new Counterfactuals(List.of(), List.of(), null, null);
        }
        CompiledRuleSet rules = ranking.ruleSet();
        List<String> open = self.getMissingGates().stream().sorted().toList();
        List<Counterfactuals.GateEffect> alone = new ArrayList<>();
        for (String gate : open) {
            Passed passed = pass(ranking, rules, self, Set.of(gate));
            alone.add(new Counterfactuals.GateEffect(gate, passed.rank(), passed.fact().getLane(),
                    round(passed.fact().getScore()), passed.summary()));
        }
        Counterfactuals.GatesTogether together = null;
        if (open.size() > 1) {
            Passed passed = pass(ranking, rules, self, Set.copyOf(open));
            together = new Counterfactuals.GatesTogether(open, passed.rank(), passed.fact().getLane(),
                    round(passed.fact().getScore()), passed.summary());
        }
        // A deal legal is reviewing already gains nothing from a better place, so no change is worth suggesting.
        List<Counterfactuals.InputChange> inputs = forecast != null && forecast.inReview() ? List.of()
                : new InputSearch(ranking, rules, self, words, forecast).changes();
        return new Counterfactuals(alone, inputs, time(ranking, rules, self, index, forecast), together);
    }

    private record Passed(ContractFact fact, int rank, String summary) {
    }

    /** The contract scored as if {@code gates} had passed, and one sentence saying where that leaves it. */
    private Passed pass(Ranking ranking, CompiledRuleSet rules, ContractFact self, Set<String> gates) {
        Set<String> remaining = new HashSet<>(self.getMissingGates());
        remaining.removeAll(gates);
        ContractFactBuilder variant = self.toBuilder().missingGates(remaining);
        if (remaining.isEmpty() && self.getReadySince() == null) {
            // Passing the last gate makes it ready today, with no waiting time yet.
            variant.readySince(ranking.computedAt(), 0);
        }
        ContractFact scored = score(rules, variant.build());
        int rank = ranking.rankIfChanged(scored);
        String todo = words.and(gates.stream().sorted().map(words::gateAction).toList());
        String summary;
        if (scored.getLane() == Lane.READY) {
            summary = words.say("gates.ready", todo, rank, ranking.size());
        } else {
            String stillBlocking = words.and(scored.getBlockers());
            summary = rank < ranking.rankIfChanged(self)
                    ? words.say("gates.notReady", todo, rank, ranking.size(), stillBlocking)
                    : words.say("gates.stays", todo, rank, ranking.size(), stillBlocking);
        }
        return new Passed(scored, rank, summary);
    }

    private Counterfactuals.TimeEffect time(Ranking ranking, CompiledRuleSet rules, ContractFact self, int index,
                                            @Nullable Forecast forecast) {
        LocalDate reviewStart = forecast == null ? null : forecast.expectedStart();
        if (self.getLane() != Lane.READY || self.getReadySince() == null) {
            return new Counterfactuals.TimeEffect(0, null, words.say("time.notReady"), reviewStart, false);
        }
        LocalDate today = ranking.day();
        ContractFact tomorrow = score(rules, later(self, today, 1));
        double perDay = round(tomorrow.getScore() - self.getScore());
        if (forecast != null && forecast.inReview()) {
            return new Counterfactuals.TimeEffect(perDay, null, words.say("time.inReview"), reviewStart, true);
        }
        if (index == 0) {
            return new Counterfactuals.TimeEffect(perDay, null, words.say("time.first", words.points(perDay)), reviewStart,
                    false);
        }
        ContractFact ahead = ranking.slotFact(index - 1);
        List<ContractFact> race = new ArrayList<>(2 * WAITING_HORIZON_BUSINESS_DAYS);
        for (int k = 1; k <= WAITING_HORIZON_BUSINESS_DAYS; k++) {
            race.add(later(self, today, k));
            race.add(later(ahead, today, k));
        }
        rules.score(race);
        for (int k = 1; k <= WAITING_HORIZON_BUSINESS_DAYS; k++) {
            if (QueueOrder.COMPARATOR.compare(race.get(2 * k - 2), race.get(2 * k - 1)) < 0) {
                LocalDate date = calendar.addBusinessDays(today, k);
                // Passing the deal ahead only matters if it happens before legal picks this one up anyway.
                boolean reviewFirst = reviewStart != null && !reviewStart.isAfter(date);
                String summary = reviewFirst
                        ? words.say("time.passes.afterReview", words.points(perDay), ahead.getTitle(), words.date(date),
                        words.date(reviewStart))
                        : words.say("time.passes", words.points(perDay), ahead.getTitle(), words.date(date));
                return new Counterfactuals.TimeEffect(perDay, date, summary, reviewStart, reviewFirst);
            }
        }
        return new Counterfactuals.TimeEffect(perDay, null, words.say("time.never", words.points(perDay), ahead.getTitle(),
                WAITING_HORIZON_BUSINESS_DAYS), reviewStart, false);
    }

    /** The contract as it will be {@code businessDays} business days from today, if nothing else changes. */
    private ContractFact later(ContractFact f, LocalDate today, int businessDays) {
        LocalDate then = calendar.addBusinessDays(today, businessDays);
        long calendarDays = ChronoUnit.DAYS.between(today, then);
        ContractFactBuilder b = f.toBuilder()
                .submittedAt(f.getSubmittedAt(), f.getBusinessDaysSinceSubmitted() + businessDays);
        if (f.getReadySince() != null) {
            b.readySince(f.getReadySince(), f.getBusinessDaysReady() + businessDays);
        }
        if (f.getDaysToTargetClose() != null) {
            b.targetCloseDate(f.getTargetCloseDate(), (int) (f.getDaysToTargetClose() - calendarDays));
        }
        return b.build();
    }

    static ContractFact score(CompiledRuleSet rules, ContractFact fact) {
        rules.score(List.of(fact));
        return fact;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
