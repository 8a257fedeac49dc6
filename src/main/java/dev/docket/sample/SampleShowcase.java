package dev.docket.sample;

import dev.docket.identity.Actor;
import dev.docket.access.Roles;
import java.util.Set;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import dev.docket.approval.ApprovalRepository;
import dev.docket.approval.ApprovalRequest;
import dev.docket.approval.ApprovalService;
import dev.docket.approval.Decision;
import dev.docket.approval.DecisionRequest;
import dev.docket.comment.Comment;
import dev.docket.comment.CommentRepository;
import dev.docket.contract.Contract;
import dev.docket.contract.ContractPatch;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractService;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.CurrencyConverter;
import dev.docket.contract.GateRepository;
import dev.docket.contract.Money;
import dev.docket.contract.Paper;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.override.OverrideRepository;
import dev.docket.override.OverrideRequest;
import dev.docket.override.OverrideService;
import dev.docket.ranking.RankingService;
import io.micronaut.context.annotation.Requires;
import dev.docket.seeding.SeedingStep;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the freshly loaded CRM sample show every feature (issue 14): the export has only USD MSAs and order forms
 * waiting in SUBMITTED, so a deterministic share of those same deals becomes NDAs, DPAs and amendments, some are
 * priced in EUR or GBP (the same value, converted at the configured rates), some are in review or waiting on
 * sales, and a few get approval requests (pending and decided), an active override, comment threads and one
 * flagged value edit. It runs once, after CrmSampleLoader, only while none of those exist yet; SOURCE.md says which.
 */
@Singleton
@Requires(property = "docket.sample.enabled", value = "true")
@Requires(property = "docket.sample.showcase", value = "true", defaultValue = "true")
class SampleShowcase implements SeedingStep {

    /** The sample's people, as identity would resolve them, so its approvals and override pass the real checks. */
    private static final Actor CFO = new Actor("CFO", "sample", Set.of(Roles.VIEWER, Roles.APPROVER), Set.of("cfo"));
    private static final Actor HEAD_OF_LEGAL = new Actor("head-of-legal", "sample", Set.of(Roles.VIEWER, Roles.APPROVER), Set.of());

    private static Actor asker(Contract contract) {
        return new Actor(contract.owner(), "sample", Set.of(Roles.VIEWER, Roles.LEGAL), Set.of());
    }

    private static final Logger LOG = LoggerFactory.getLogger(SampleShowcase.class);

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final ReadinessPolicy readiness;
    private final CurrencyConverter currencies;
    private final ContractService contractService;
    private final ApprovalService approvals;
    private final ApprovalRepository approvalRows;
    private final OverrideService overrides;
    private final OverrideRepository overrideRows;
    private final CommentRepository comments;
    private final RankingService rankings;
    private final Clock clock;

    SampleShowcase(ContractRepository contracts, GateRepository gates, ReadinessPolicy readiness,
                   CurrencyConverter currencies, ContractService contractService, ApprovalService approvals,
                   ApprovalRepository approvalRows, OverrideService overrides, OverrideRepository overrideRows,
                   CommentRepository comments, RankingService rankings, Clock clock) {
        this.contracts = contracts;
        this.gates = gates;
        this.readiness = readiness;
        this.currencies = currencies;
        this.contractService = contractService;
        this.approvals = approvals;
        this.approvalRows = approvalRows;
        this.overrides = overrides;
        this.overrideRows = overrideRows;
        this.comments = comments;
        this.rankings = rankings;
        this.clock = clock;
    }

    @Override
    public Turn turn() {
        return Turn.SHOWCASE;
    }

    @Override
    public void seed() {
        List<Contract> open = contracts.findByStatusIn(ContractStatus.OPEN).stream()
                .sorted(Comparator.comparing(Contract::id)).toList();
        boolean untouched = open.stream().allMatch(c -> c.status() == ContractStatus.SUBMITTED && "USD".equals(c.dealCurrency()))
                && approvalRows.count() == 0 && overrideRows.count() == 0 && comments.count() == 0;
        if (open.size() < 20 || !untouched) {
            return;
        }
        for (int i = 0; i < open.size(); i++) {
            contracts.update(varied(open.get(i), i));
        }
        rankings.invalidate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Contract> varied = contracts.findByStatusIn(ContractStatus.OPEN).stream()
                .sorted(Comparator.comparing(Contract::id)).toList();
        Contract first = varied.get(0);
        Contract second = varied.get(1);
        Contract third = varied.get(2);
        Contract fourth = varied.get(3);
        long askedFor = approvals.request(second.id(), new ApprovalRequest("CFO",
                "Customer asks for uncapped liability on data breaches. Can we accept it for this deal size?"), asker(second)).id();
        approvals.request(third.id(), new ApprovalRequest("General Counsel",
                "Governing law: customer insists on New York law. OK to proceed?"), asker(third));
        long approved = approvals.request(fourth.id(), new ApprovalRequest("CFO",
                "Payment terms net 90 instead of net 30. Acceptable?"), asker(fourth)).id();
        approvals.decide(approved, new DecisionRequest(Decision.APPROVED, "Fine for this customer; keep net 60 as the fallback."), CFO);
        long rejected = approvals.request(varied.get(4).id(), new ApprovalRequest("CFO",
                "Most-favoured-customer pricing clause?"), asker(varied.get(4))).id();
        approvals.decide(rejected, new DecisionRequest(Decision.REJECTED, "No MFN clauses; offer a price lock for 12 months instead."), CFO);
        long override = overrides.request(varied.get(5).id(), new OverrideRequest(BigDecimal.valueOf(15), false,
                "Strategic logo: the renewal of our largest account this quarter depends on it", now.plus(Duration.ofDays(14))),
                asker(varied.get(5))).id();
        overrides.approve(override, HEAD_OF_LEGAL);
        comments.save(new Comment(null, first.id(), first.owner(), "Customer's procurement wants redlines by Friday.",
                now.minus(Duration.ofDays(3))));
        comments.save(new Comment(null, first.id(), "Legal (Dana)", "Started on it; their indemnity clause needs a look.",
                now.minus(Duration.ofDays(2))));
        comments.save(new Comment(null, second.id(), second.owner(), "Waiting for the CFO on the liability cap.",
                now.minus(Duration.ofDays(1))));
        Contract edited = contracts.findById(varied.get(6).id()).orElseThrow();
        contractService.update(edited.id(), new ContractPatch(edited.version(), null, null, null, null, null, null, null,
                new Money(edited.dealAmount().multiply(BigDecimal.valueOf(3)), edited.dealCurrency()), null, null, null, null),
                edited.owner());
        rankings.invalidate();
        LOG.info("Sample showcase: varied types, papers, currencies and statuses; added approvals {} (pending), {} and {}"
                + " (decided), an override, comments and a flagged value edit", askedFor, approved, rejected);
    }

    /** The same deal with a type, paper, currency and status chosen by its place in the sample. */
    private Contract varied(Contract c, int i) {
        ContractType type = i % 6 == 1 ? ContractType.NDA : i % 9 == 2 ? ContractType.DPA
                : i % 10 == 3 ? ContractType.AMENDMENT : c.contractType();
        Paper paper = type == c.contractType() ? c.paper() : i % 12 == 1 ? Paper.CUSTOMER : Paper.OURS;
        String currency = i % 5 == 4 ? "EUR" : i % 8 == 5 ? "GBP" : "USD";
        BigDecimal rate = BigDecimal.valueOf(currencies.toBase(BigDecimal.ONE, currency));
        BigDecimal deal = c.dealAmount().divide(rate, 2, RoundingMode.HALF_UP);
        BigDecimal expansion = c.expansionAmount().divide(rate, 2, RoundingMode.HALF_UP);
        Instant readySince = readiness.readySince(type, c.submittedAt(), gates.findByContractIdOrderByName(c.id()));
        ContractStatus status = readySince != null && i % 11 == 0 ? ContractStatus.IN_REVIEW
                : i % 13 == 6 ? ContractStatus.WAITING_ON_SALES : c.status();
        return new Contract(c.id(), c.externalRef(), c.title(), c.account(), c.owner(), c.team(), c.product(), type, paper,
                deal, currency, expansion, currency, c.targetCloseDate(), status, c.submittedAt(), readySince,
                status == ContractStatus.IN_REVIEW ? "Legal (Dana)" : c.assignee(), c.createdAt(), c.updatedAt(), c.version());
    }
}
