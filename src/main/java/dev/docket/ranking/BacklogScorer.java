package dev.docket.ranking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.Gate;
import dev.docket.contract.GateRepository;
import dev.docket.rules.CompiledRuleSet;
import dev.docket.rules.RuleScoring;
import dev.docket.rules.ScoringFailure;
import jakarta.inject.Singleton;

/**
 * Scores contracts with one rule set into queue order, keeping nothing: the live ranking ({@link RankingService})
 * and the impact preview of a candidate rule set both score the backlog this way.
 */
@Singleton
public class BacklogScorer {

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final FactAssembler facts;
    private final RuleScoring scoring;

    BacklogScorer(ContractRepository contracts, GateRepository gates, FactAssembler facts, RuleScoring scoring) {
        this.contracts = contracts;
        this.gates = gates;
        this.facts = facts;
        this.scoring = scoring;
    }

    /** The open contracts with their gates, as the rules need them. */
    public Backlog loadOpenBacklog() {
        List<Contract> open = contracts.findByStatusIn(ContractStatus.OPEN);
        Map<Long, List<Gate>> gatesById = open.isEmpty() ? Map.of()
                : gates.findOfOpenContracts().stream().collect(Collectors.groupingBy(Gate::contractId));
        return new Backlog(open, gatesById);
    }

    /**
     * Scores fresh facts for the contracts with one rule set and returns them in queue order, within the time limits:
     * a contract the rules fail on, loop on or overrun is parked in the not-ready lane and listed.
     */
    public Scored score(List<Contract> open, Map<Long, List<Gate>> gatesById, CompiledRuleSet ruleSet, LocalDate today) {
        return score(open, gatesById, ruleSet, today, false);
    }

    /** The same, and with {@code countMatches} how many contracts each rule fired for (for a preview). */
    public Scored score(List<Contract> open, Map<Long, List<Gate>> gatesById, CompiledRuleSet ruleSet, LocalDate today,
                        boolean countMatches) {
        // In bulk: approvals and overrides are loaded with one query each for all the contracts.
        RuleScoring.Outcome outcome = scoring.score(ruleSet, facts.toFacts(open, gatesById, today), countMatches);
        List<Ranking.Slot> slots = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            slots.add(new Ranking.Slot(ContractSummary.of(open.get(i)), outcome.facts().get(i)));
        }
        slots.sort(Ranking.ORDER);
        return new Scored(slots, outcome.failures(), outcome.matches());
    }

    public record Scored(List<Ranking.Slot> slots, List<ScoringFailure> failures, Map<String, Integer> matches) {
    }

    public record Backlog(List<Contract> contracts, Map<Long, List<Gate>> gatesById) {
    }
}
