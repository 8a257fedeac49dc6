package dev.docket.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.docket.approval.Approval;
import dev.docket.approval.ApprovalRepository;
import dev.docket.approval.ApprovalStatus;
import dev.docket.contract.Contract;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.Gate;
import dev.docket.contract.GateRepository;
import dev.docket.facts.ContractMix;
import dev.docket.override.ContractOverride;
import dev.docket.override.OverrideRepository;
import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import dev.docket.ranking.RankingService;
import dev.docket.seeding.SeedingStep;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code docket.sample.generated} generated contracts at start-up, for load tests, benchmarks and demos of
 * a large backlog: {@code DOCKET_SAMPLE_GENERATED=100000}. Unlike loading over HTTP, contracts keep realistic
 * ages (submitted up to 45 days ago), and some wait on an approval or carry an override. It runs once: when
 * the first generated contract of the seed is stored already, it does nothing. It runs after the CRM sample.
 */
@Singleton
class GeneratedBacklogLoader implements SeedingStep {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedBacklogLoader.class);
    private static final int BATCH = 1_000;

    private final SampleProperties settings;
    private final ContractRepository contracts;
    private final GateRepository gates;
    private final ApprovalRepository approvals;
    private final OverrideRepository overrides;
    private final RankingService rankings;
    private final TransactionOperations<Connection> transactions;
    private final ChangeLog changeLog;
    private final Clock clock;

    GeneratedBacklogLoader(SampleProperties settings, ContractRepository contracts, GateRepository gates,
                           ApprovalRepository approvals, OverrideRepository overrides, RankingService rankings,
                           TransactionOperations<Connection> transactions, ChangeLog changeLog, Clock clock) {
        this.settings = settings;
        this.contracts = contracts;
        this.gates = gates;
        this.approvals = approvals;
        this.overrides = overrides;
        this.rankings = rankings;
        this.transactions = transactions;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @Override
    public Turn turn() {
        return Turn.GENERATED_BACKLOG;
    }

    @Override
    public void seed() {
        int count = settings.generated();
        CrmDeals generator = new CrmDeals(settings.seed());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (count <= 0 || contracts.findByExternalRef(generator.stored(0, now).contract().externalRef()).isPresent()) {
            return;
        }
        long start = System.nanoTime();
        for (int batch = 0; batch < count; batch += BATCH) {
            int from = batch;
            int to = Math.min(count, from + BATCH);
            transactions.executeWrite(status -> {
                store(generator, from, to, now);
                changeLog.other(ChangeType.BACKLOG_LOADED, 0, java.util.Map.of("source", "generated", "contracts", to - from));
                return null;
            });
        }
        rankings.invalidate();
        LOG.info("Loaded {} generated contracts (seed {}) in {} s", count, settings.seed(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    }

    private void store(CrmDeals generator, int from, int to, Instant now) {
        List<CrmDeals.StoredDeal> deals = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            deals.add(generator.stored(i, now));
        }
        List<Contract> saved = new ArrayList<>();
        contracts.saveAll(deals.stream().map(CrmDeals.StoredDeal::contract).toList()).forEach(saved::add);
        List<Gate> gateRows = new ArrayList<>();
        List<Approval> approvalRows = new ArrayList<>();
        List<ContractOverride> overrideRows = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            CrmDeals.StoredDeal deal = deals.get(i);
            Contract contract = saved.get(i);
            deal.gates().forEach((name, passed) ->
                    gateRows.add(new Gate(null, contract.id(), name, passed, deal.gatesChangedAt(), contract.owner())));
            if (deal.pendingApproval() != null) {
                String[] who = deal.pendingApproval().split(": ", 2);
                approvalRows.add(new Approval(null, contract.id(), who[0], who[1], ApprovalStatus.PENDING, contract.owner(),
                        contract.submittedAt(), null, null, null));
            }
            if (deal.override() != null) {
                ContractMix.Discretion o = deal.override();
                overrideRows.add(new ContractOverride(null, contract.id(), o.pinToTop() ? null : BigDecimal.valueOf(o.points()),
                        o.pinToTop(), o.reason(), contract.owner(), "head-of-legal", now, now.plus(14, ChronoUnit.DAYS),
                        null, null, null, now, null, null, null));
            }
        }
        gates.saveAll(gateRows);
        approvals.saveAll(approvalRows);
        overrides.saveAll(overrideRows);
    }
}
