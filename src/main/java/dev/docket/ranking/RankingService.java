package dev.docket.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractChanged;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.Gate;
import dev.docket.contract.GateRepository;
import dev.docket.facts.ContractFact;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.CompiledRuleSet;
import dev.docket.rules.QueueOrder;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

/**
 * Ranks the open backlog with the active rule set and keeps the result until a contract changes,
 * the business day turns, or the rule set changes, so repeated reads do not re-run the rules.
 */
@Singleton
public class RankingService {

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final FactAssembler facts;
    private final ActiveRuleSet rules;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final AtomicLong backlogVersion = new AtomicLong();
    private volatile Ranking current;

    RankingService(ContractRepository contracts, GateRepository gates, FactAssembler facts, ActiveRuleSet rules,
                   BusinessCalendar calendar, Clock clock) {
        this.contracts = contracts;
        this.gates = gates;
        this.facts = facts;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onContractChanged(ContractChanged event) {
        backlogVersion.incrementAndGet();
    }

    /** Forces the next read to re-rank; for writes that bypass the contract service, such as bulk loads. */
    public void invalidate() {
        backlogVersion.incrementAndGet();
    }

    public Ranking current() {
        Ranking ranking = current;
        if (isFresh(ranking)) {
            return ranking;
        }
        synchronized (this) {
            if (!isFresh(current)) {
                current = compute();
            }
            return current;
        }
    }

    private boolean isFresh(Ranking ranking) {
        return ranking != null
                && ranking.backlogVersion() == backlogVersion.get()
                && ranking.day().equals(calendar.today())
                && ranking.ruleVersion().equals(rules.get().version());
    }

    Ranking compute() {
        // Read the change counter before the data: a write that lands meanwhile makes this ranking stale at once.
        long version = backlogVersion.get();
        CompiledRuleSet ruleSet = rules.get();
        Instant now = clock.instant();
        LocalDate today = calendar.today();
        List<ScoredContract> scored = score(loadOpenBacklog(), ruleSet, today);
        List<RankedEntry> entries = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            entries.add(RankedEntry.of(i + 1, scored.get(i).contract(), scored.get(i).fact()));
        }
        return new Ranking(entries, ruleSet.version(), now, today, version);
    }

    /** The open contracts with their gates, as the rules need them. */
    Backlog loadOpenBacklog() {
        List<Contract> open = contracts.findByStatusIn(ContractStatus.OPEN);
        Map<Long, List<Gate>> gatesById = open.isEmpty() ? Map.of()
                : gates.findByContractIdIn(open.stream().map(Contract::id).toList()).stream()
                        .collect(Collectors.groupingBy(Gate::contractId));
        return new Backlog(open, gatesById);
    }

    /** Scores fresh facts for the backlog with one rule set and returns them in queue order. */
    List<ScoredContract> score(Backlog backlog, CompiledRuleSet ruleSet, LocalDate today) {
        List<ScoredContract> scored = new ArrayList<>(backlog.contracts().size());
        for (Contract c : backlog.contracts()) {
            scored.add(new ScoredContract(c, facts.toFact(c, backlog.gatesById().getOrDefault(c.id(), List.of()), today)));
        }
        ruleSet.score(scored.stream().map(ScoredContract::fact).toList());
        scored.sort(Comparator.comparing(ScoredContract::fact, QueueOrder.COMPARATOR));
        return scored;
    }

    record Backlog(List<Contract> contracts, Map<Long, List<Gate>> gatesById) {
    }

    record ScoredContract(Contract contract, ContractFact fact) {
    }
}
