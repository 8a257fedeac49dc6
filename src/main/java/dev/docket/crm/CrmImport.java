package dev.docket.crm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.docket.audit.AuditLog;
import dev.docket.contract.ApprovalHolds;
import dev.docket.contract.Contract;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Gate;
import dev.docket.contract.GateRepository;
import dev.docket.contract.Paper;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a CRM pipeline file: each opportunity is created, updated, left unchanged or rejected with a reason, keyed
 * by its opportunity id (the contract's externalRef), so running the same file again changes nothing. The file is
 * read as it streams from disk, a thousand rows at a time, and the per-row report goes to a file, so memory stays
 * flat whatever the size. The apply is one transaction: either every accepted row is stored or none is. Closed deals
 * are kept as SIGNED (won) or WITHDRAWN (lost); a change of stage must be a move the contract lifecycle allows.
 * A deal without an account or a price is stored with the data gate {@code account-named} or {@code price-known}
 * not passed, so it waits in the not-ready lane saying what is missing.
 * <p>
 * Each chunk costs a fixed number of statements whatever its size: one read each of the existing contracts, their
 * gates and their approval holds, one batch per kind of write, and one read of the new contracts' ids. The ranking
 * is marked stale once, after the commit, and re-ranks the whole backlog once.
 */
@Singleton
public class CrmImport {

    /** Deals at or above this value go out on an MSA, below it on an order form (as in the bundled sample). */
    static final BigDecimal MSA_THRESHOLD = BigDecimal.valueOf(3000);
    /** Shown where the account would be; the not-passed {@link #ACCOUNT_GATE} is what says it is missing. */
    static final String NO_ACCOUNT = "(no account yet)";
    static final String TEAM = "Unassigned";
    static final String ACCOUNT_GATE = "account-named";
    static final String PRICE_GATE = "price-known";
    static final String ACTOR = "crm-import";
    private static final Logger LOG = LoggerFactory.getLogger(CrmImport.class);
    private static final int BATCH = 1000;

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final BatchInserts inserts;
    private final ReadinessPolicy readiness;
    private final ApprovalHolds approvals;
    private final RankingService rankings;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    CrmImport(ContractRepository contracts, GateRepository gates, BatchInserts inserts, ReadinessPolicy readiness,
              ApprovalHolds approvals, RankingService rankings, AuditLog audit, TransactionOperations<Connection> transactions,
              Clock clock) {
        this.contracts = contracts;
        this.gates = gates;
        this.inserts = inserts;
        this.readiness = readiness;
        this.approvals = approvals;
        this.rankings = rankings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        if (!readiness.dataGates().contains(ACCOUNT_GATE) || !readiness.dataGates().contains(PRICE_GATE)) {
            throw new IllegalStateException("docket.readiness.data-gates must name " + ACCOUNT_GATE + " and " + PRICE_GATE
                    + ": the CRM import records them on deals without an account or a price");
        }
    }

    /** Runs the job to its end, recording the outcome on it; the apply's audit entry commits with its contracts. */
    void run(ImportJob job) {
        Path reportFile = job.source.directory().resolve("report.csv");
        try {
            PhaseTimes times = new PhaseTimes();
            job.running(count(job.source.pipeline()));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ImportReport.Totals totals;
            if (job.dryRun) {
                totals = transactions.executeRead(status -> stream(job, reportFile, false, now, times));
                times.time(PhaseTimes.Phase.AUDIT, () -> audit.recorded(job.actor, job.via, job.requestId, "import", job.id,
                        "dry-run", auditEntry(job, totals)));
            } else {
                long[] committing = new long[1];
                totals = transactions.executeWrite(status -> {
                    ImportReport.Totals t = stream(job, reportFile, true, now, times);
                    times.time(PhaseTimes.Phase.AUDIT, () -> audit.recorded(job.actor, job.via, job.requestId, "import",
                            job.id, "apply", auditEntry(job, t)));
                    committing[0] = System.nanoTime();
                    return t;
                });
                times.since(PhaseTimes.Phase.COMMIT, committing[0]);
                if (totals.created() + totals.updated() > 0) {
                    // Once per import, after the commit: the next ranking read re-ranks the backlog once.
                    rankings.invalidate();
                }
            }
            job.done(totals, reportFile, clock.instant());
            LOG.info("CRM import {} ({}, {} rows) took {}", job.id, job.dryRun ? "dry run" : "apply", totals.rows(), times);
        } catch (IOException | UncheckedIOException e) {
            job.failed("the pipeline file could not be read to its end, so nothing was stored: " + e.getMessage(), clock.instant());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a malformed record (an unclosed quote) this way, after the header was good.
            job.failed("the pipeline file is not valid CSV after line " + job.rowsRead.get() + ", so nothing was stored: "
                    + e.getMessage(), clock.instant());
        }
    }

    private static Map<String, Object> auditEntry(ImportJob job, ImportReport.Totals totals) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("files", job.source.fileNames());
        entry.put("dryRun", job.dryRun);
        entry.put("totals", totals);
        return entry;
    }

    private static long count(Path pipeline) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(pipeline, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            long rows = 0;
            for (var ignored : parser) {
                rows++;
            }
            return rows;
        }
    }

    private ImportReport.Totals stream(ImportJob job, Path reportFile, boolean apply, Instant now, PhaseTimes times) {
        try (RowLog log = new RowLog(reportFile);
             BufferedReader in = Files.newBufferedReader(job.source.pipeline(), StandardCharsets.UTF_8)) {
            List<Object> chunk = new ArrayList<>(BATCH);
            Runnable flush = () -> {
                decide(chunk, apply, now, log, job, times);
                chunk.clear();
            };
            PipelineCsv.read(in, job.source.mapping(), job.source.reference(), row -> {
                job.rowsRead.incrementAndGet();
                chunk.add(row);
                if (chunk.size() == BATCH) {
                    flush.run();
                }
            }, rejection -> {
                job.rowsRead.incrementAndGet();
                chunk.add(rejection);
                if (chunk.size() == BATCH) {
                    flush.run();
                }
            });
            flush.run();
            log.close();
            return log.totals();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Planned(PipelineRow row, ImportReport.Outcome outcome, @Nullable Contract current,
                           @Nullable Contract target, @Nullable String reason, List<Gate> gateWrites) {
    }

    /** Decides (and in an apply, stores) one chunk of rows, then logs them in file order. */
    private void decide(List<Object> chunk, boolean apply, Instant now, RowLog log, ImportJob job, PhaseTimes times) {
        List<PipelineRow> rows = chunk.stream().filter(PipelineRow.class::isInstance).map(PipelineRow.class::cast).toList();
        Map<String, Contract> existing = new HashMap<>();
        Map<Long, List<Gate>> gatesById = new HashMap<>();
        Map<Long, ApprovalHolds.Hold> holds = new HashMap<>();
        if (!rows.isEmpty()) {
            times.time(PhaseTimes.Phase.LOOKUP, () -> {
                contracts.findByExternalRefIn(rows.stream().map(PipelineRow::externalRef).toList())
                        .forEach(c -> existing.put(c.externalRef(), c));
                if (!existing.isEmpty()) {
                    List<Long> ids = existing.values().stream().map(Contract::id).toList();
                    gates.findByContractIdIn(ids)
                            .forEach(g -> gatesById.computeIfAbsent(g.contractId(), k -> new ArrayList<>()).add(g));
                    holds.putAll(approvals.of(ids));
                }
            });
        }
        Map<String, Planned> plan = new HashMap<>();
        times.time(PhaseTimes.Phase.PLAN, () -> {
            for (PipelineRow row : rows) {
                Contract current = existing.get(row.externalRef());
                plan.put(row.externalRef(), plan(row, current, current == null ? List.of() : gatesById.getOrDefault(current.id(), List.of()),
                        current == null ? ApprovalHolds.Hold.NONE : holds.getOrDefault(current.id(), ApprovalHolds.Hold.NONE), now));
            }
        });
        Map<String, Long> created = apply ? store(plan.values(), now, times) : Map.of();
        times.time(PhaseTimes.Phase.REPORT, () -> report(chunk, plan, created, log, job));
    }

    private static void report(List<Object> chunk, Map<String, Planned> plan, Map<String, Long> created, RowLog log, ImportJob job) {
        for (Object item : chunk) {
            if (item instanceof PipelineCsv.Rejection r) {
                job.rowsRejected.incrementAndGet();
                log.add(new ImportReport.Row(r.line(), r.externalRef(), ImportReport.Outcome.REJECTED, null, r.reason()));
            } else {
                Planned p = plan.get(((PipelineRow) item).externalRef());
                if (p.outcome() == ImportReport.Outcome.REJECTED) {
                    job.rowsRejected.incrementAndGet();
                }
                Long id = p.current() != null ? p.current().id() : created.get(p.row().externalRef());
                log.add(new ImportReport.Row(p.row().line(), p.row().externalRef(), p.outcome(), id, p.reason()));
            }
            job.rowsDecided.incrementAndGet();
        }
    }

    private Planned plan(PipelineRow row, @Nullable Contract current, List<Gate> recorded, ApprovalHolds.Hold hold, Instant now) {
        if (current == null) {
            // Only an open deal waits in legal's queue; a won or lost one missing an account blocks nothing.
            List<Gate> missing = new ArrayList<>();
            if (row.account() == null && row.status().isOpen()) {
                missing.add(new Gate(null, 0L, ACCOUNT_GATE, false, now, ACTOR));
            }
            if (row.value() == null && row.status().isOpen()) {
                missing.add(new Gate(null, 0L, PRICE_GATE, false, now, ACTOR));
            }
            return new Planned(row, ImportReport.Outcome.CREATED, null, created(row, now), null, missing);
        }
        Contract target = updated(row, current);
        if (!current.status().canMoveTo(target.status())) {
            return new Planned(row, ImportReport.Outcome.REJECTED, current, null, "the CRM has it as " + target.status()
                    + " but contract " + current.id() + " is " + current.status() + ", and a contract cannot move from "
                    + current.status() + " to " + target.status()
                    + (current.status().isOpen() ? "" : ": the lifecycle never reopens a closed contract (an upsert to it is a 409"
                    + " alike); legal can file the reopened deal as a new contract"), List.of());
        }
        if (!current.status().isOpen() && target.status() == current.status() && !target.equals(current)) {
            // As the upsert's 409: a closed contract is what was signed, approved or dropped, and the CRM does not rewrite it.
            return new Planned(row, ImportReport.Outcome.REJECTED, current, null, "contract " + current.id() + " is "
                    + current.status() + " and a closed contract is not edited by the CRM (an upsert to it is a 409 alike)", List.of());
        }
        List<Gate> gateWrites = target.status().isOpen() ? dataGates(row, current, recorded, now) : List.of();
        if (!gateWrites.isEmpty()) {
            List<Gate> after = new ArrayList<>(recorded);
            after.removeIf(g -> gateWrites.stream().anyMatch(w -> w.name().equals(g.name())));
            after.addAll(gateWrites);
            Instant readySince = readiness.readySince(target.contractType(), target.submittedAt(), after, hold);
            target = target.withReadySince(readySince, target.updatedAt());
        }
        if (target.equals(current) && gateWrites.isEmpty()) {
            return new Planned(row, ImportReport.Outcome.UNCHANGED, current, current, null, List.of());
        }
        return new Planned(row, ImportReport.Outcome.UPDATED, current, target.withUpdatedAt(now), null, gateWrites);
    }

    /**
     * The data gates this row changes on an existing contract: one recorded as not passed passes once the CRM supplies
     * what it named; a deal stored without an account or price before these gates existed gets the gate it lacks.
     */
    private static List<Gate> dataGates(PipelineRow row, Contract current, List<Gate> recorded, Instant now) {
        List<Gate> writes = new ArrayList<>();
        gate(writes, recorded, ACCOUNT_GATE, row.account() != null, current.account().equals(NO_ACCOUNT), current.id(), now);
        gate(writes, recorded, PRICE_GATE, row.value() != null, current.dealAmount().signum() == 0, current.id(), now);
        return writes;
    }

    private static void gate(List<Gate> writes, List<Gate> recorded, String name, boolean known, boolean storedWithout,
                             long contractId, Instant now) {
        Gate gate = recorded.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
        if (gate != null && !gate.passed() && known) {
            writes.add(new Gate(gate.id(), contractId, name, true, now, ACTOR));
        } else if (gate == null && !known && storedWithout) {
            writes.add(new Gate(null, contractId, name, false, now, ACTOR));
        }
    }

    /** A new contract as the CRM row describes it. */
    private static Contract created(PipelineRow row, Instant now) {
        BigDecimal value = row.value() == null ? BigDecimal.ZERO.setScale(2) : row.value();
        String account = row.account() == null ? NO_ACCOUNT : row.account();
        ContractType type = value.compareTo(MSA_THRESHOLD) >= 0 ? ContractType.MSA : ContractType.ORDER_FORM;
        return new Contract(null, row.externalRef(), row.product() + " for " + account, account, row.owner(),
                row.team() == null ? TEAM : row.team(), row.product(), type, Paper.OURS, value, "USD",
                BigDecimal.ZERO.setScale(2), "USD", row.closed(), row.status(), submitted(row, () -> now), null, null, now, now, null);
    }

    /**
     * The contract as the CRM row describes it. What the CRM does not know (type, paper, expansion estimate, assignee,
     * readiness) stays as legal set it, so does what this row leaves blank, and updatedAt stays until something changes.
     */
    private static Contract updated(PipelineRow row, Contract current) {
        String account = row.account() == null ? current.account() : row.account();
        // Legal's own status for a deal the CRM still has open (IN_REVIEW, WAITING_ON_SALES, APPROVED) stays.
        ContractStatus status = row.status() == ContractStatus.SUBMITTED && current.status() != ContractStatus.SIGNED
                && current.status() != ContractStatus.WITHDRAWN ? current.status() : row.status();
        BigDecimal amount = row.value() == null
                || "USD".equals(current.dealCurrency()) && current.dealAmount().compareTo(row.value()) == 0 ? current.dealAmount() : row.value();
        String currency = row.value() == null ? current.dealCurrency() : "USD";
        return new Contract(current.id(), current.externalRef(), row.product() + " for " + account, account, row.owner(),
                row.team() == null ? current.team() : row.team(), row.product(), current.contractType(), current.paper(),
                amount, currency, current.expansionAmount(), current.expansionCurrency(),
                row.closed() == null ? current.targetCloseDate() : row.closed(), status, submitted(row, current::submittedAt),
                current.readySince(), current.assignee(), current.createdAt(), current.updatedAt(), current.version());
    }

    /** Age counts from the deal's real history: submitted when the CRM says it was engaged. */
    private static Instant submitted(PipelineRow row, Supplier<Instant> otherwise) {
        LocalDate engaged = row.engaged();
        return engaged != null ? engaged.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC) : otherwise.get();
    }

    /** Stores one chunk's plan and returns the ids of the contracts it created, by externalRef. */
    private Map<String, Long> store(Iterable<Planned> plan, Instant now, PhaseTimes times) {
        List<Contract> creates = new ArrayList<>();
        List<Contract> updates = new ArrayList<>();
        List<Gate> gateUpdates = new ArrayList<>();
        List<Gate> gateInserts = new ArrayList<>();
        Map<String, List<Gate>> newContractGates = new HashMap<>();
        for (Planned p : plan) {
            if (p.outcome() == ImportReport.Outcome.CREATED) {
                creates.add(p.target());
                if (!p.gateWrites().isEmpty()) {
                    newContractGates.put(p.row().externalRef(), p.gateWrites());
                }
            } else if (p.outcome() == ImportReport.Outcome.UPDATED) {
                if (!Objects.equals(p.target(), p.current())) {
                    updates.add(p.target());
                }
                p.gateWrites().forEach(g -> (g.id() == null ? gateInserts : gateUpdates).add(g));
            }
        }
        Map<String, Long> ids = new HashMap<>();
        times.time(PhaseTimes.Phase.CONTRACTS, () -> {
            if (!creates.isEmpty()) {
                inserts.contracts(creates);
                ids.putAll(inserts.ids(creates.stream().map(Contract::externalRef).toList()));
            }
            if (!updates.isEmpty()) {
                contracts.updateAll(updates);
            }
        });
        newContractGates.forEach((ref, list) -> list.forEach(g ->
                gateInserts.add(new Gate(null, ids.get(ref), g.name(), g.passed(), now, g.changedBy()))));
        times.time(PhaseTimes.Phase.GATES, () -> {
            inserts.gates(gateInserts);
            if (!gateUpdates.isEmpty()) {
                gates.updateAll(gateUpdates);
            }
        });
        return ids;
    }
}
