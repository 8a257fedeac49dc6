package dev.docket.rules.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;

/** A scenario's contracts scored by a rule set and ordered as the live queue orders them. */
public final class ScenarioRanking {

    private final Map<String, ContractFact> byName;
    private final List<ContractFact> ranked;

    private ScenarioRanking(Map<String, ContractFact> byName, List<ContractFact> ranked) {
        this.byName = byName;
        this.ranked = ranked;
    }

    /** Ids follow the file's order (1, 2, ...), so contracts that tie on everything rank in the order listed. */
    public static ScenarioRanking of(CompiledRuleSet rules, Scenario scenario) {
        Map<String, ContractFact> byName = new LinkedHashMap<>();
        long id = 1;
        for (ContractSpec spec : scenario.contracts()) {
            byName.put(spec.name(), spec.toFact(id++, scenario.today()));
        }
        rules.score(byName.values());
        List<ContractFact> ranked = new ArrayList<>(byName.values());
        ranked.sort(QueueOrder.COMPARATOR);
        return new ScenarioRanking(byName, ranked);
    }

    public ContractFact fact(String name) {
        return byName.get(name);
    }

    /** 1 for the top of the queue. */
    public int rank(String name) {
        return ranked.indexOf(byName.get(name)) + 1;
    }

    /** "1. B (52.0, READY), 2. A (40.0, READY)". */
    public String describe() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ContractFact f = ranked.get(i);
            entries.add((i + 1) + ". " + f.getExternalRef() + " (" + points(f.getScore()) + ", " + f.getLane() + ")");
        }
        return String.join(", ", entries);
    }

    /** Points as Docket shows them, rounded to hundredths: 52.0, 45.4, 13.01. */
    static String points(double points) {
        return Double.toString(Math.round(points * 100.0) / 100.0);
    }

    /** "Deal value 20.0, First in, first out 12.0", or "none". */
    static String contributions(ContractFact fact) {
        return fact.getContributions().isEmpty() ? "none" : fact.getContributions().stream()
                .map(c -> "'" + c.rule() + "' " + points(c.points()))
                .collect(Collectors.joining(", "));
    }

    /** The points a rule gave a contract in total, or null when it gave none. */
    static Double pointsFrom(ContractFact fact, String rule) {
        List<Contribution> matching = fact.getContributions().stream().filter(c -> c.rule().equals(rule)).toList();
        return matching.isEmpty() ? null : matching.stream().mapToDouble(Contribution::points).sum();
    }
}
