package dev.docket.explain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractFactBuilder;
import dev.docket.facts.Lane;
import dev.docket.calendar.BusinessCalendar;
import dev.docket.ranking.Ranking;
import dev.docket.rules.CompiledRuleSet;
import dev.docket.rules.QueueOrder;
import jakarta.inject.Singleton;

/**
 * Answers "what would move my deal up?" by running the ranking's own rules on changed copies of the
 * contract, never by re-deriving the policy in Java. Variants are scored in a few batched sessions,
 * and each one's rank is found by binary search in the current ranking, so an explanation stays cheap.
 */
@Singleton
public class CounterfactualService {

    private final BusinessCalendar calendar;

    CounterfactualService(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Counterfactuals explore(Ranking ranking, int index) {
        ContractFact self = ranking.slotFact(index);
        if (self.isParked()) {
            // The rules could not score this contract; a what-if would only run into the same rule again.
            return new Counterfactuals(List.of(), List.of(), null);
        }
        CompiledRuleSet rules = ranking.ruleSet();
        return new Counterfactuals(gates(ranking, rules, self),
                new InputSearch(ranking, rules, self).changes(),
                time(ranking, rules, self, index));
    }

    private List<Counterfactuals.GateEffect> gates(Ranking ranking, CompiledRuleSet rules, ContractFact self) {
        List<Counterfactuals.GateEffect> effects = new ArrayList<>();
        for (String gate : self.getMissingGates().stream().sorted().toList()) {
            Set<String> remaining = new HashSet<>(self.getMissingGates());
            remaining.remove(gate);
            ContractFactBuilder variant = self.toBuilder().missingGates(remaining);
            if (remaining.isEmpty() && self.getReadySince() == null) {
                // Passing the last gate makes it ready today, with no waiting time yet.
                variant.readySince(ranking.computedAt(), 0);
            }
            ContractFact scored = score(rules, variant.build());
            effects.add(new Counterfactuals.GateEffect(gate, ranking.rankIfChanged(scored), scored.getLane(),
                    round(scored.getScore())));
        }
        return effects;
    }

    private Counterfactuals.TimeEffect time(Ranking ranking, CompiledRuleSet rules, ContractFact self, int index) {
        if (self.getLane() != Lane.READY || self.getReadySince() == null) {
            return new Counterfactuals.TimeEffect(0, null,
                    "waiting earns nothing while the deal is not ready; the clock starts when the last gate passes");
        }
        LocalDate today = ranking.day();
        ContractFact tomorrow = score(rules, later(self, today, 1));
        double perDay = round(tomorrow.getScore() - self.getScore());
        if (index == 0) {
            return new Counterfactuals.TimeEffect(perDay, null, String.format(Locale.ROOT,
                    "each business day of waiting adds %.1f points; the deal is already first in line", perDay));
        }
        ContractFact ahead = ranking.slotFact(index - 1);
        int horizon = 60;
        List<ContractFact> race = new ArrayList<>(2 * horizon);
        for (int k = 1; k <= horizon; k++) {
            race.add(later(self, today, k));
            race.add(later(ahead, today, k));
        }
        rules.score(race);
        for (int k = 1; k <= horizon; k++) {
            if (QueueOrder.COMPARATOR.compare(race.get(2 * k - 2), race.get(2 * k - 1)) < 0) {
                LocalDate date = calendar.addBusinessDays(today, k);
                return new Counterfactuals.TimeEffect(perDay, date, String.format(Locale.ROOT,
                        "each business day of waiting adds %.1f points; if nothing else changes it passes \"%s\" on %s",
                        perDay, ahead.getTitle(), date));
            }
        }
        return new Counterfactuals.TimeEffect(perDay, null, String.format(Locale.ROOT,
                "each business day of waiting adds %.1f points, but that does not pass \"%s\" within %d business days",
                perDay, ahead.getTitle(), horizon));
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
