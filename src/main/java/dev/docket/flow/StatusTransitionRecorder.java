package dev.docket.flow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractChanged;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractStatus;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.version.RuleVersion;
import dev.docket.rules.version.RuleVersionStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each contract's moves between states as they happen (after every committed contract write), and once, into
 * an empty table, reconstructs what it can for contracts that moved before: submitted at submission, ready at
 * readySince, and the current status at the last update. Those rows are marked derived.
 */
@Singleton
class StatusTransitionRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(StatusTransitionRecorder.class);

    private final StatusTransitionRepository transitions;
    private final ContractRepository contracts;
    private final ActiveRuleSet rules;
    private final RuleVersionStore versions;
    private final Clock clock;
    private final ExecutorService blocking;
    private final FlowHistory history;

    StatusTransitionRecorder(StatusTransitionRepository transitions, ContractRepository contracts, ActiveRuleSet rules,
                             RuleVersionStore versions, Clock clock,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking, FlowHistory history) {
        this.transitions = transitions;
        this.contracts = contracts;
        this.rules = rules;
        this.versions = versions;
        this.clock = clock;
        this.blocking = blocking;
        this.history = history;
    }

    /**
     * Off the start-up thread: at 100,000 contracts the backfill writes for minutes, and other start-up work waits on
     * that thread. Then the flow report's copy of the table is read once, so the first report does not pay for it.
     */
    @EventListener
    void onStartup(ServerStartupEvent event) {
        blocking.execute(() -> {
            backfill();
            history.contracts();
        });
    }

    @EventListener
    void onContractChanged(ContractChanged event) {
        record(event.contractId());
    }

    synchronized void record(long contractId) {
        Contract c = contracts.findById(contractId).orElse(null);
        if (c == null) {
            return;
        }
        String lastStatus = null;
        String lastReadiness = null;
        for (StatusTransition t : transitions.history(contractId)) {
            if (isReadiness(t.state())) {
                lastReadiness = t.state();
            } else {
                lastStatus = t.state();
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String version = rules.active().version().hash();
        List<StatusTransition> added = new ArrayList<>(2);
        if (c.status().isOpen()) {
            boolean ready = c.readySince() != null;
            if (ready && !StatusTransition.READY.equals(lastReadiness)) {
                added.add(row(c, StatusTransition.READY, c.readySince().truncatedTo(ChronoUnit.MICROS), version, false));
            } else if (!ready && StatusTransition.READY.equals(lastReadiness)) {
                added.add(row(c, StatusTransition.NOT_READY, now, version, false));
            }
        }
        if (!c.status().name().equals(lastStatus)) {
            added.add(row(c, c.status().name(), lastStatus == null ? c.submittedAt().truncatedTo(ChronoUnit.MICROS) : now,
                    version, false));
        }
        if (!added.isEmpty()) {
            transitions.saveAll(added);
        }
    }

    /**
     * Derives rows from the contracts' own timestamps for every contract that has none (those that moved before V50,
     * or were loaded in bulk without events), so flow reports cover them too.
     */
    synchronized void backfill() {
        java.util.Set<Long> known = new java.util.HashSet<>(transitions.contractIds());
        if (known.size() >= contracts.count()) {
            return;
        }
        List<RuleVersion> history = versions.list().stream().sorted(Comparator.comparing(RuleVersion::activatedAt)).toList();
        List<StatusTransition> derived = new ArrayList<>();
        for (Contract c : contracts.findAll()) {
            if (known.contains(c.id())) {
                continue;
            }
            Instant submitted = c.submittedAt().truncatedTo(ChronoUnit.MICROS);
            derived.add(row(c, ContractStatus.SUBMITTED.name(), submitted, versionAt(history, submitted), true));
            if (c.readySince() != null) {
                Instant ready = c.readySince().truncatedTo(ChronoUnit.MICROS);
                derived.add(row(c, StatusTransition.READY, ready, versionAt(history, ready), true));
            }
            if (c.status() != ContractStatus.SUBMITTED) {
                Instant moved = c.updatedAt().truncatedTo(ChronoUnit.MICROS);
                derived.add(row(c, c.status().name(), moved, versionAt(history, moved), true));
            }
        }
        transitions.saveAll(derived);
        if (!derived.isEmpty()) {
            LOG.info("Flow analytics: derived {} status transitions from existing contracts", derived.size());
        }
    }

    private static @Nullable String versionAt(List<RuleVersion> history, Instant at) {
        String version = null;
        for (RuleVersion v : history) {
            if (v.activatedAt().isAfter(at)) {
                break;
            }
            version = v.hash();
        }
        return version;
    }

    private static boolean isReadiness(String state) {
        return StatusTransition.READY.equals(state) || StatusTransition.NOT_READY.equals(state);
    }

    private static StatusTransition row(Contract c, String state, Instant at, @Nullable String version, boolean derived) {
        return new StatusTransition(null, c.id(), state, at, version, c.contractType().name(), c.team(), derived);
    }
}
