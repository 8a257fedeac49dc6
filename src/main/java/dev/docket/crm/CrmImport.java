package dev.docket.crm;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Paper;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/**
 * Imports a CRM pipeline file: each opportunity is created, updated, left unchanged or rejected with a reason, keyed
 * by its opportunity id (the contract's externalRef), so running the same file again changes nothing. The apply is
 * one transaction: either every accepted row is stored or none is. Closed deals are kept as SIGNED (won) or
 * WITHDRAWN (lost) so the history is complete; a change of stage must be a move the contract lifecycle allows.
 */
@Singleton
public class CrmImport {

    /** Deals at or above this value go out on an MSA, below it on an order form (as in the bundled sample). */
    static final BigDecimal MSA_THRESHOLD = BigDecimal.valueOf(3000);
    static final String NO_ACCOUNT = "(no account yet)";
    static final String TEAM = "Unassigned";
    private static final int BATCH = 1000;

    private final ContractRepository contracts;
    private final RankingService rankings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    CrmImport(ContractRepository contracts, RankingService rankings, TransactionOperations<Connection> transactions, Clock clock) {
        this.contracts = contracts;
        this.rankings = rankings;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ImportReport run(String csv, boolean dryRun) {
        return run(csv, ColumnMapping.MAVEN_ANALYTICS, dryRun);
    }

    public ImportReport run(String csv, ColumnMapping mapping, boolean dryRun) {
        mapping.checked();
        List<PipelineRow> accepted = new ArrayList<>();
        Map<Long, ImportReport.Row> rejected = new HashMap<>();
        PipelineCsv.read(csv, mapping, accepted::add, r -> rejected.put(r.line(),
                new ImportReport.Row(r.line(), r.externalRef(), ImportReport.Outcome.REJECTED, null, r.reason())));
        if (dryRun) {
            return transactions.executeRead(status -> report(true, plan(accepted, clock.instant()), rejected, Map.of()));
        }
        ImportReport report = transactions.executeWrite(status -> {
            List<Planned> plan = plan(accepted, clock.instant());
            return report(false, plan, rejected, store(plan));
        });
        if (report.totals().created() + report.totals().updated() > 0) {
            rankings.invalidate();
        }
        return report;
    }

    private record Planned(PipelineRow row, ImportReport.Outcome outcome, @Nullable Contract current,
                           @Nullable Contract target, @Nullable String reason) {
    }

    private List<Planned> plan(List<PipelineRow> rows, Instant now) {
        Map<String, Contract> existing = new HashMap<>();
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<String> refs = rows.subList(i, Math.min(rows.size(), i + BATCH)).stream().map(PipelineRow::externalRef).toList();
            contracts.findByExternalRefIn(refs).forEach(c -> existing.put(c.externalRef(), c));
        }
        Instant stamp = now.truncatedTo(ChronoUnit.MICROS);
        List<Planned> plan = new ArrayList<>(rows.size());
        for (PipelineRow row : rows) {
            Contract current = existing.get(row.externalRef());
            Contract target = target(row, current, stamp);
            if (current == null) {
                plan.add(new Planned(row, ImportReport.Outcome.CREATED, null, target, null));
            } else if (target.equals(current)) {
                plan.add(new Planned(row, ImportReport.Outcome.UNCHANGED, current, current, null));
            } else if (!current.status().canMoveTo(target.status())) {
                plan.add(new Planned(row, ImportReport.Outcome.REJECTED, current, null, "the CRM has it as "
                        + target.status() + " but contract " + current.id() + " is " + current.status()
                        + ", and a contract cannot move from " + current.status() + " to " + target.status()));
            } else {
                plan.add(new Planned(row, ImportReport.Outcome.UPDATED, current, target.withUpdatedAt(stamp), null));
            }
        }
        return plan;
    }

    /**
     * The contract as the CRM row describes it. For an existing contract, what the CRM does not know (type, paper,
     * expansion estimate, assignee, readiness) stays as legal set it, and updatedAt stays until something changes.
     */
    private static Contract target(PipelineRow row, @Nullable Contract current, Instant now) {
        BigDecimal value = row.value() == null ? BigDecimal.ZERO.setScale(2) : row.value();
        String account = row.account() == null ? NO_ACCOUNT : row.account();
        String title = row.product() + " for " + account;
        // Age counts from the deal's real history: submitted when the CRM says it was engaged.
        Instant submitted = row.engaged() != null ? row.engaged().atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC)
                : current != null ? current.submittedAt() : now;
        LocalDate targetClose = row.closed();
        if (current == null) {
            ContractType type = value.compareTo(MSA_THRESHOLD) >= 0 ? ContractType.MSA : ContractType.ORDER_FORM;
            return new Contract(null, row.externalRef(), title, account, row.owner(), TEAM, row.product(), type, Paper.OURS,
                    value, "USD", BigDecimal.ZERO.setScale(2), "USD", targetClose, row.status(), submitted, null, null,
                    now, now, null);
        }
        // Legal's own status for a deal the CRM still has open (IN_REVIEW, WAITING_ON_SALES, APPROVED) stays.
        ContractStatus status = row.status() == ContractStatus.SUBMITTED && current.status() != ContractStatus.SIGNED
                && current.status() != ContractStatus.WITHDRAWN ? current.status() : row.status();
        BigDecimal amount = "USD".equals(current.dealCurrency()) && current.dealAmount().compareTo(value) == 0 ? current.dealAmount() : value;
        return new Contract(current.id(), current.externalRef(), title, account, row.owner(), current.team(), row.product(),
                current.contractType(), current.paper(), amount, "USD", current.expansionAmount(), current.expansionCurrency(),
                targetClose == null ? current.targetCloseDate() : targetClose, status, submitted, current.readySince(),
                current.assignee(), current.createdAt(), current.updatedAt(), current.version());
    }

    /** Stores the plan and returns the ids of the contracts it created, by externalRef. */
    private Map<String, Long> store(List<Planned> plan) {
        List<Contract> inserts = new ArrayList<>();
        List<Contract> updates = new ArrayList<>();
        for (Planned p : plan) {
            if (p.outcome() == ImportReport.Outcome.CREATED) {
                inserts.add(p.target());
            } else if (p.outcome() == ImportReport.Outcome.UPDATED) {
                updates.add(p.target());
            }
        }
        Map<String, Long> ids = new HashMap<>();
        contracts.saveAll(inserts).forEach(c -> ids.put(c.externalRef(), c.id()));
        contracts.updateAll(updates);
        return ids;
    }

    private static ImportReport report(boolean dryRun, List<Planned> plan, Map<Long, ImportReport.Row> rejected,
                                       Map<String, Long> createdIds) {
        List<ImportReport.Row> rows = new ArrayList<>(plan.size() + rejected.size());
        for (Planned p : plan) {
            Long id = p.current() != null ? p.current().id() : createdIds.get(p.row().externalRef());
            rows.add(new ImportReport.Row(p.row().line(), p.row().externalRef(), p.outcome(), id, p.reason()));
        }
        rows.addAll(rejected.values());
        rows.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportReport(dryRun, ImportReport.Totals.of(rows), rows);
    }
}
