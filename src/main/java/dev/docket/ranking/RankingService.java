package dev.docket.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import dev.docket.rules.RuleForms;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

/**
 * Keeps the ranking of the open backlog in memory. Reads never run the rules. A committed edit re-scores
 * only the edited contract and moves its slot; the whole backlog is re-ranked only when it must be: at
 * the first read, when the rule set or the business day changes, after {@link #invalidate()}, and on every
 * edit while the active policy has a rule that compares contracts (see {@link RuleForms}).
 * The database stays the source of truth; this is a cache rebuilt from it.
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
    private final Map<Long, Ranking.Slot> slotsById = new ConcurrentHashMap<>();
    private volatile Ranking current;
    private volatile String perContractCheckedFor;
    private volatile boolean perContract;
    private final Timer fullReranks;
    private final Timer incrementalUpdates;

    RankingService(ContractRepository contracts, GateRepository gates, FactAssembler facts, ActiveRuleSet rules,
                   BusinessCalendar calendar, Clock clock, MeterRegistry meters) {
        this.contracts = contracts;
        this.gates = gates;
        this.facts = facts;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
        this.fullReranks = Timer.builder("docket.ranking.updates").tag("kind", "full")
                .description("Re-ranks of the whole open backlog").register(meters);
        this.incrementalUpdates = Timer.builder("docket.ranking.updates").tag("kind", "incremental")
                .description("One edited contract re-scored and moved").register(meters);
    }

    /** Forces the next read to re-rank everything; for writes that bypass the contract service, such as bulk loads. */
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
                current = fullReranks.record(this::compute);
            }
            return current;
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onContractChanged(ContractChanged event) {
        incrementalUpdates.record(() -> update(event.contractId()));
    }

    private void update(long contractId) {
        synchronized (this) {
            Ranking ranking = current;
            if (!isFresh(ranking) || !perContract(rules.get())) {
                invalidate();
                return;
            }
            // Loaded inside the lock and after the commit, so the last edit applied is the last one stored.
            Ranking.Slot old = slotsById.get(contractId);
            Ranking.Slot replacement = contracts.findById(contractId)
                    .filter(c -> c.status().isOpen())
                    .map(c -> score(List.of(c), Map.of(c.id(), gates.findByContractIdOrderByName(c.id())), rules.get(),
                            ranking.day()).get(0))
                    .orElse(null);
            if (replacement == null) {
                slotsById.remove(contractId);
            } else {
                slotsById.put(contractId, replacement);
            }
            current = ranking.with(old, replacement, clock.instant());
        }
    }

    private boolean isFresh(Ranking ranking) {
        return ranking != null
                && ranking.backlogVersion() == backlogVersion.get()
                && ranking.day().equals(calendar.today())
                && ranking.ruleVersion().equals(rules.get().version());
    }

    private Ranking compute() {
        // Read the change counter before the data: an invalidation meanwhile makes this ranking stale at once.
        long version = backlogVersion.get();
        CompiledRuleSet ruleSet = rules.get();
        LocalDate today = calendar.today();
        Backlog backlog = loadOpenBacklog();
        List<Ranking.Slot> slots = score(backlog.contracts(), backlog.gatesById(), ruleSet, today);
        slotsById.clear();
        slots.forEach(s -> slotsById.put(s.fact().getId(), s));
        return new Ranking(slots, slotsById, ruleSet.version(), clock.instant(), today, version);
    }

    /** The open contracts with their gates, as the rules need them. */
    Backlog loadOpenBacklog() {
        List<Contract> open = contracts.findByStatusIn(ContractStatus.OPEN);
        Map<Long, List<Gate>> gatesById = open.isEmpty() ? Map.of()
                : gates.findByContractIdIn(open.stream().map(Contract::id).toList()).stream()
                        .collect(Collectors.groupingBy(Gate::contractId));
        return new Backlog(open, gatesById);
    }

    /** Scores fresh facts for the contracts with one rule set and returns them in queue order. */
    List<Ranking.Slot> score(List<Contract> open, Map<Long, List<Gate>> gatesById, CompiledRuleSet ruleSet, LocalDate today) {
        List<Ranking.Slot> slots = new ArrayList<>(open.size());
        List<ContractFact> scored = new ArrayList<>(open.size());
        for (Contract c : open) {
            ContractFact fact = facts.toFact(c, gatesById.getOrDefault(c.id(), List.of()), today);
            scored.add(fact);
            slots.add(new Ranking.Slot(ContractSummary.of(c), fact));
        }
        ruleSet.score(scored);
        slots.sort(Ranking.ORDER);
        return slots;
    }

    private boolean perContract(CompiledRuleSet ruleSet) {
        if (!ruleSet.version().equals(perContractCheckedFor)) {
            perContract = RuleForms.perContract(ruleSet.sources());
            perContractCheckedFor = ruleSet.version();
        }
        return perContract;
    }

    record Backlog(List<Contract> contracts, Map<Long, List<Gate>> gatesById) {
    }
}
