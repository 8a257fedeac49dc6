package dev.docket.ranking;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.Gate;
import dev.docket.contract.GateRepository;
import jakarta.inject.Singleton;

/** Edited contracts re-read as stored now and scored with a ranking's own rules and day, to be taken into it. */
@Singleton
class StoredScoring {

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final BacklogScorer scorer;
    private final Clock clock;

    StoredScoring(ContractRepository contracts, GateRepository gates, BacklogScorer scorer, Clock clock) {
        this.contracts = contracts;
        this.gates = gates;
        this.scorer = scorer;
        this.clock = clock;
    }

    /** The contract as stored now, scored with the ranking's rules; null when it is no longer open. */
    Ranking.Slot score(long contractId, Ranking ranking) {
        return contracts.findById(contractId)
                .filter(c -> c.status().isOpen())
                .map(c -> scorer.score(List.of(c), Map.of(c.id(), gates.findByContractIdOrderByName(c.id())), ranking.ruleSet(),
                        ranking.day()).slots().get(0))
                .orElse(null);
    }

    /** The same for several contracts, with one query per kind of record; a contract no longer open has no slot. */
    Map<Long, Ranking.Slot> score(Collection<Long> contractIds, Ranking ranking) {
        List<Contract> open = contracts.findAll((root, cb) -> root.get("id").in(contractIds)).stream()
                .filter(c -> c.status().isOpen()).toList();
        Map<Long, List<Gate>> gatesById = open.isEmpty() ? Map.of()
                : gates.findByContractIdIn(open.stream().map(Contract::id).toList()).stream()
                .sorted(Comparator.comparing(Gate::name))
                .collect(Collectors.groupingBy(Gate::contractId));
        Map<Long, Ranking.Slot> scored = new HashMap<>();
        for (Ranking.Slot slot : scorer.score(open, gatesById, ranking.ruleSet(), ranking.day()).slots()) {
            scored.put(slot.fact().getId(), slot);
        }
        return scored;
    }

    /** {@code ranking} with the contract as stored now; read after its commit, so holding the lock is safe. */
    Ranking withEdit(Ranking ranking, long contractId) {
        return ranking.withEdit(contractId, score(contractId, ranking), clock.instant());
    }
}
