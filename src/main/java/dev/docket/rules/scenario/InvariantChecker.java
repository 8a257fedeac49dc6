package dev.docket.rules.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractGenerator;
import dev.docket.facts.Lane;

/**
 * Checks invariants over a scenario's own contracts plus {@link #GENERATED} of the broad mix
 * ({@link ContractGenerator#invariants()}) around its now. The "never ranks lower" invariants score each contract and a twin that differs in exactly one field,
 * and compare the two with the queue's own order.
 */
public final class InvariantChecker {

    static final int GENERATED = 200;
    private static final long SEED = ContractGenerator.INVARIANTS_SEED;

    private final CompiledRuleSet rules;
    private final Scenario scenario;
    private final List<ContractSpec> sample;

    public InvariantChecker(CompiledRuleSet rules, Scenario scenario) {
        this.rules = rules;
        this.scenario = scenario;
        this.sample = new ArrayList<>(scenario.contracts());
        this.sample.addAll(generated(scenario.now()));
    }

    /** The same {@link #GENERATED} contracts for the same now, in base currency, named by their references. */
    static List<ContractSpec> generated(Instant now) {
        LocalDate today = ContractSpec.dateOf(now);
        return ContractGenerator.invariants().contracts(GENERATED).stream()
                .map(c -> new ContractSpec(c.ref(), c.title(), c.account(), c.owner(), c.team(), c.product(),
                        c.contractType(), c.paper(), c.status(), c.amountBase(), c.expansionBase(), c.targetClose(today),
                        c.submittedAt(now), c.readySince(now), c.missingGates()))
                .toList();
    }

    /** Null when the invariant holds, otherwise what broke it, on which contract, and how often. */
    public String failure(Invariant invariant) {
        return switch (invariant) {
            case NOT_READY_NEVER_OUTRANKS_READY -> notReadyNeverOutranksReady();
            case MORE_VALUE_NEVER_RANKS_LOWER -> {
                Random r = new Random(SEED + 1);
                yield neverRanksLower(invariant, sample,
                        s -> s.withDealValue(s.dealValue() * (1 + r.nextDouble() * 20) + 1 + r.nextInt(5_000)),
                        "dealValue", s -> String.format(Locale.ROOT, "%,.0f", s.dealValue()));
            }
            case OLDER_READY_SINCE_NEVER_RANKS_LOWER -> {
                Random r = new Random(SEED + 2);
                yield neverRanksLower(invariant, sample.stream().filter(s -> s.readySince() != null).toList(),
                        s -> s.withReadySince(s.readySince().minusSeconds(86_400L * (1 + r.nextInt(21)))),
                        "readySince", s -> s.readySince().toString());
            }
        };
    }

    private String notReadyNeverOutranksReady() {
        List<ContractFact> ranked = scored(sample);
        ranked.sort(QueueOrder.COMPARATOR);
        List<ContractFact> wrong = ranked.stream().filter(f -> !f.isReady() && f.getLane() == Lane.READY).toList();
        if (wrong.isEmpty()) {
            return null;
        }
        ContractFact first = wrong.get(0);
        int position = ranked.indexOf(first);
        String above = ranked.subList(position + 1, ranked.size()).stream()
                .filter(f -> f.isReady() && f.getLane() == Lane.READY).findFirst()
                .map(f -> ", so it ranks " + (position + 1) + " of " + ranked.size() + ", above ready " + f.getExternalRef()
                        + " (" + ScenarioRanking.points(f.getScore()) + ")")
                .orElse("");
        long notReady = ranked.stream().filter(f -> !f.isReady()).count();
        return "invariant " + Invariant.NOT_READY_NEVER_OUTRANKS_READY.title() + " failed: " + first.getExternalRef()
                + " has missing gates " + new TreeSet<>(first.getMissingGates()) + " but is in the READY lane with "
                + ScenarioRanking.points(first.getScore()) + " points" + above + "; " + wrong.size() + " of " + notReady
                + " contracts with missing gates were not blocked";
    }

    private String neverRanksLower(Invariant invariant, List<ContractSpec> bases, UnaryOperator<ContractSpec> more,
                                   String field, Function<ContractSpec, String> valueOf) {
        List<ContractSpec> twins = bases.stream().map(more).toList();
        List<ContractFact> lower = scored(bases);
        List<ContractFact> higher = scored(twins);
        int failures = 0;
        String first = null;
        for (int i = 0; i < bases.size(); i++) {
            ContractFact hi = higher.get(i);
            ContractFact lo = lower.get(i);
            if (QueueOrder.COMPARATOR.compare(hi, lo) > 0) {
                failures++;
                if (first == null) {
                    first = bases.get(i).name() + ": with " + field + " " + valueOf.apply(twins.get(i)) + " instead of "
                            + valueOf.apply(bases.get(i)) + " (all else equal) it ranks lower, "
                            + describe(hi) + " instead of " + describe(lo);
                }
            }
        }
        return first == null ? null : "invariant " + invariant.title() + " failed for " + first + "; " + failures
                + " of " + bases.size() + " pairs failed";
    }

    private static String describe(ContractFact f) {
        return ScenarioRanking.points(f.getScore()) + " points in " + f.getLane() + " ("
                + ScenarioRanking.contributions(f) + ")";
    }

    /** Facts for the specs in order (ids 1, 2, ...), scored in one session of the rule set. */
    private List<ContractFact> scored(List<ContractSpec> specs) {
        List<ContractFact> facts = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            facts.add(specs.get(i).toFact(i + 1, scenario.today()));
        }
        rules.score(facts);
        return facts;
    }
}
