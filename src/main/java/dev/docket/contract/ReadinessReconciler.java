package dev.docket.contract;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import dev.docket.seeding.SeedingStep;
import dev.docket.system.Setting;
import dev.docket.system.SettingRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every open contract's stored readySince in line with the current readiness policy at start-up,
 * so a change to docket.readiness (a gate added or dropped) applies to the whole backlog, not only to
 * contracts written afterwards. Every write derives readySince with the policy of the moment, so once
 * the backlog is reconciled with a policy it stays so: the policy's fingerprint is recorded, and a start
 * with the same policy skips the pass, which would otherwise read the whole backlog on every start.
 */
@Singleton
class ReadinessReconciler implements SeedingStep {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessReconciler.class);
    static final String POLICY_SETTING = "readiness-policy";

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final ReadinessPolicy readiness;
    private final ApprovalHolds approvals;
    private final ApplicationEventPublisher<ContractChanged> events;
    private final TransactionOperations<Connection> transactions;
    private final SettingRepository settings;
    private final ChangeLog changeLog;
    private final Clock clock;

    ReadinessReconciler(ContractRepository contracts, GateRepository gates, ReadinessPolicy readiness,
                        ApprovalHolds approvals, ApplicationEventPublisher<ContractChanged> events,
                        TransactionOperations<Connection> transactions, SettingRepository settings, ChangeLog changeLog,
                        Clock clock) {
        this.contracts = contracts;
        this.gates = gates;
        this.readiness = readiness;
        this.approvals = approvals;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @Override
    public Turn turn() {
        return Turn.READINESS;
    }

    @Override
    public void seed() {
        String policy = readiness.fingerprint();
        Optional<Setting> recorded = settings.findById(POLICY_SETTING);
        if (recorded.map(s -> s.content().equals(policy)).orElse(false)) {
            return;
        }
        int fixed = transactions.executeWrite(status -> {
            int changed = reconcile();
            if (changed > 0) {
                changeLog.other(ChangeType.BACKLOG_LOADED, 0, Map.of("source", "readiness-policy", "contracts", changed));
            }
            Setting setting = new Setting(POLICY_SETTING, policy, clock.instant());
            if (recorded.isPresent()) {
                settings.update(setting);
            } else {
                settings.save(setting);
            }
            return changed;
        });
        if (fixed > 0) {
            LOG.info("Readiness policy changed since the last run: updated readySince of {} open contracts", fixed);
        }
    }

    int reconcile() {
        List<Contract> open = contracts.findByStatusIn(ContractStatus.OPEN);
        if (open.isEmpty()) {
            return 0;
        }
        List<Long> ids = open.stream().map(Contract::id).toList();
        Map<Long, List<Gate>> gatesById = gates.findOfOpenContracts().stream()
                .collect(Collectors.groupingBy(Gate::contractId));
        Map<Long, ApprovalHolds.Hold> holds = approvals.of(ids);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int fixed = 0;
        for (Contract c : open) {
            Instant readySince = readiness.readySince(c.contractType(), c.submittedAt(), gatesById.getOrDefault(c.id(), List.of()),
                    holds.getOrDefault(c.id(), ApprovalHolds.Hold.NONE));
            if (!Objects.equals(readySince, c.readySince())) {
                contracts.update(c.withReadySince(readySince, now));
                events.publishEvent(new ContractChanged(c.id()));
                fixed++;
            }
        }
        return fixed;
    }
}
