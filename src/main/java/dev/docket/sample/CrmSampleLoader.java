package dev.docket.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import java.sql.Connection;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Gate;
import dev.docket.contract.GateRepository;
import dev.docket.contract.Paper;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import io.micronaut.context.annotation.Requires;
import dev.docket.ranking.RankingService;
import dev.docket.seeding.SeedingStep;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with open deals from the bundled CRM export, so a first run shows a real queue.
 * It runs before the server accepts requests, so nobody sees the queue half loaded.
 * How each field is derived is documented in resources/sample/crm/SOURCE.md.
 */
@Singleton
@Requires(property = "docket.sample.enabled", value = "true")
public class CrmSampleLoader implements SeedingStep {

    private static final Logger LOG = LoggerFactory.getLogger(CrmSampleLoader.class);
    private static final int MEDIAN_WON_CYCLE_DAYS = 57;
    private static final BigDecimal MSA_THRESHOLD = BigDecimal.valueOf(3000);
    private static final BigDecimal CUSTOMER_PAPER_REVENUE = BigDecimal.valueOf(1000);

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final ReadinessPolicy readiness;
    private final RankingService rankings;
    private final TransactionOperations<Connection> transactions;
    private final ChangeLog changeLog;
    private final Clock clock;

    CrmSampleLoader(ContractRepository contracts, GateRepository gates, ReadinessPolicy readiness,
                    RankingService rankings, TransactionOperations<Connection> transactions, ChangeLog changeLog,
                    Clock clock) {
        this.contracts = contracts;
        this.gates = gates;
        this.readiness = readiness;
        this.rankings = rankings;
        this.transactions = transactions;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @Override
    public Turn turn() {
        return Turn.CRM_SAMPLE;
    }

    @Override
    public void seed() {
        if (contracts.count() > 0) {
            return;
        }
        CrmExport export = CrmExport.fromClasspath("sample/crm");
        // All or nothing: a half-loaded sample would also stop the next start from loading it.
        int loaded = transactions.executeWrite(status -> {
            int count = load(export);
            changeLog.other(ChangeType.BACKLOG_LOADED, 0, java.util.Map.of("source", "crm-sample", "contracts", count));
            return count;
        });
        rankings.invalidate();
        LOG.info("Loaded {} open deals from the bundled CRM sample (see sample/crm/SOURCE.md)", loaded);
    }

    int load(CrmExport export) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SubmissionWindow window = SubmissionWindow.of(export, now);
        List<CrmExport.Opportunity> open = export.opportunities().stream()
                .filter(o -> o.stage().equals("Engaging") || o.stage().equals("Prospecting"))
                .toList();
        for (CrmExport.Opportunity o : open) {
            int hash = Math.floorMod(o.id().hashCode(), 1000);
            Instant submitted = o.engaged() == null
                    ? now.minus(hash % 5, ChronoUnit.DAYS)
                    : window.submittedAt(o.engaged()).plus(hash % 8, ChronoUnit.HOURS);
            Contract saved = contracts.save(toContract(export, o, submitted));
            Instant lastGatePassed = submitted.plus(hash % 7, ChronoUnit.DAYS);
            List<Gate> created = gatesFor(saved, o, hash, lastGatePassed.isAfter(now) ? now : lastGatePassed);
            Instant readySince = readiness.readySince(saved.contractType(), submitted, created);
            if (readySince != null) {
                contracts.update(saved.withReadySince(readySince, saved.updatedAt()));
            }
        }
        return open.size();
    }

    /** Maps the export's engage dates, which span months, onto the 30 days before loading, keeping their order. */
    private record SubmissionWindow(LocalDate first, long span, Instant end) {

        private static final long DAYS = 30;

        static SubmissionWindow of(CrmExport export, Instant now) {
            List<LocalDate> engaged = export.opportunities().stream().map(CrmExport.Opportunity::engaged)
                    .filter(d -> d != null).sorted().toList();
            LocalDate first = engaged.isEmpty() ? LocalDate.ofInstant(now, ZoneOffset.UTC) : engaged.get(0);
            LocalDate last = engaged.isEmpty() ? first : engaged.get(engaged.size() - 1);
            return new SubmissionWindow(first, Math.max(1, ChronoUnit.DAYS.between(first, last)),
                    now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS));
        }

        Instant submittedAt(LocalDate engaged) {
            long daysBeforeEnd = (ChronoUnit.DAYS.between(engaged, first.plusDays(span)) * (DAYS - 1)) / span;
            return end.minus(daysBeforeEnd, ChronoUnit.DAYS);
        }
    }

    private Contract toContract(CrmExport export, CrmExport.Opportunity o, Instant submitted) {
        CrmExport.Account account = o.account() == null ? null : export.accounts().get(o.account());
        BigDecimal price = export.prices().getOrDefault(o.product(), BigDecimal.ZERO);
        BigDecimal expansion = account == null ? BigDecimal.ZERO
                : price.multiply(BigDecimal.valueOf(account.employees() / 500));
        ContractType type = price.compareTo(MSA_THRESHOLD) >= 0 ? ContractType.MSA : ContractType.ORDER_FORM;
        Paper paper = account != null && account.revenueMillions().compareTo(CUSTOMER_PAPER_REVENUE) >= 0
                ? Paper.CUSTOMER : Paper.OURS;
        String accountName = o.account() == null ? "Unknown account" : o.account();
        LocalDate targetClose = LocalDate.ofInstant(submitted, ZoneOffset.UTC).plusDays(MEDIAN_WON_CYCLE_DAYS);
        return new Contract(null, o.id(), o.product() + " for " + accountName, accountName, o.agent(),
                export.officeByAgent().getOrDefault(o.agent(), "Unassigned"), o.product(), type, paper,
                price.setScale(2, RoundingMode.UNNECESSARY), "USD", expansion.setScale(2, RoundingMode.UNNECESSARY), "USD",
                targetClose, ContractStatus.SUBMITTED, submitted, null, null, submitted, submitted, null);
    }

    private List<Gate> gatesFor(Contract c, CrmExport.Opportunity o, int hash, Instant changedAt) {
        List<String> required = new ArrayList<>(readiness.requiredFor(c.contractType()));
        Set<String> open = o.stage().equals("Prospecting")
                ? Set.of("commercial-terms-agreed", "pricing-approved")
                : hash % 4 == 0 ? Set.of(required.get(hash % required.size())) : Set.of();
        List<Gate> created = new ArrayList<>();
        for (String gate : required) {
            created.add(gates.save(new Gate(null, c.id(), gate, !open.contains(gate), changedAt, o.agent())));
        }
        return created;
    }
}
