package dev.docket.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractRequest;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Money;
import dev.docket.contract.Paper;
import dev.docket.facts.ContractFact;
import dev.docket.facts.OverrideFact;
import dev.docket.calendar.BusinessDays;
import io.micronaut.core.annotation.Nullable;

/**
 * Deterministic, realistic contracts for load tests and benchmarks, drawn from the bundled CRM sample:
 * products and list prices, accounts and their size, agents and their offices. Contract {@code i} of a
 * seed is always the same contract, whichever thread asks for it and in whatever order.
 * Gates and exchange rates mirror the defaults in application.yml.
 */
public final class ContractGenerator {

    private static final List<String> DEFAULT_GATES =
            List.of("commercial-terms-agreed", "pricing-approved", "security-review-done", "signatory-known");
    private static final Map<ContractType, List<String>> GATES_BY_TYPE = Map.of(
            ContractType.NDA, List.of("signatory-known"),
            ContractType.DPA, List.of("security-review-done", "signatory-known"),
            ContractType.AMENDMENT, List.of("commercial-terms-agreed", "signatory-known"));
    private static final Map<String, Double> RATES = Map.of("USD", 1.0, "EUR", 1.08, "GBP", 1.27);
    private static final ContractType[] TYPES =
            {ContractType.ORDER_FORM, ContractType.MSA, ContractType.NDA, ContractType.DPA, ContractType.AMENDMENT};
    private static final double[] TYPE_SHARES = {0.45, 0.30, 0.10, 0.08, 0.07};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final double[] CURRENCY_SHARES = {0.80, 0.12, 0.08};
    // Facts only: the API always creates contracts as SUBMITTED.
    private static final String[] STATUSES = {"SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES"};
    // Few at a time are in review: a legal team reviews a handful each, however long the queue.
    private static final double[] STATUS_SHARES = {0.94, 0.01, 0.05};
    private static final String[] APPROVALS = {"CFO: discount above threshold", "general-counsel: liability cap above 2x fees",
        "CTO: source code escrow"};
    private static final double[] APPROVAL_SHARES = {0.6, 0.3, 0.1};
    private static final double MIN_VALUE = 1_000;
    private static final double MAX_VALUE = 5_000_000;

    private final long seed;
    private final List<String> products = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();
    private final List<CrmExport.Account> accounts;
    private final CrmExport export;

    /** What is drawn for one contract; requests and facts are both built from it. */
    private record Deal(String ref, String title, CrmExport.Account account, String owner, String team, String product,
                        ContractType type, Paper paper, String currency, BigDecimal amount, BigDecimal expansion,
                        int closeInDays, Map<String, Boolean> gates, int submittedDaysAgo, int readyLagDays, String status,
                        String pendingApproval, Discretion override) {
    }

    /** An override as legal grants them: rarely, mostly a few points, now and then a pin. */
    public record Discretion(double points, boolean pinToTop, String reason) {
    }

    public ContractGenerator(long seed) {
        this.seed = seed;
        this.export = CrmExport.fromClasspath("sample/crm");
        // Products and agents weighted by how often they appear in the pipeline; every account equally.
        for (CrmExport.Opportunity o : export.opportunities()) {
            if (export.prices().containsKey(o.product())) {
                products.add(o.product());
            }
            if (export.officeByAgent().containsKey(o.agent())) {
                agents.add(o.agent());
            }
        }
        this.accounts = export.accounts().values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** The body for {@code PUT /api/contracts/by-ref/{externalRef}}; target close dates count from {@code today}. */
    public ContractRequest request(int index, LocalDate today) {
        Deal d = deal(index);
        return new ContractRequest(d.ref(), d.title(), d.account().name(), d.owner(), d.team(), d.product(), d.type(),
                d.paper(), new Money(d.amount(), d.currency()), new Money(d.expansion(), d.currency()),
                today.plusDays(d.closeInDays()), null, d.gates(), null, null);
    }

    /** Facts as Docket would assemble them for these contracts on {@code today}, with ids 1..n. */
    public List<ContractFact> facts(int count, LocalDate today) {
        return IntStream.range(0, count).mapToObj(i -> fact(i, today)).toList();
    }

    public ContractFact fact(int index, LocalDate today) {
        Deal d = deal(index);
        double rate = RATES.get(d.currency());
        Instant submitted = submittedAt(d, index, today.atTime(23, 59).toInstant(ZoneOffset.UTC));
        TreeSet<String> missing = new TreeSet<>();
        d.gates().forEach((gate, passed) -> {
            if (!passed) {
                missing.add(gate);
            }
        });
        var builder = ContractFact.builder(index + 1L)
                .externalRef(d.ref()).title(d.title()).account(d.account().name()).owner(d.owner()).team(d.team())
                .product(d.product()).contractType(d.type().name()).paper(d.paper().name()).status(d.status())
                .dealValue(d.amount(), d.currency(), d.amount().doubleValue() * rate)
                .expansionPotentialBase(d.expansion().doubleValue() * rate)
                .submittedAt(submitted, BusinessDays.between(dateOf(submitted), today))
                .targetCloseDate(today.plusDays(d.closeInDays()), d.closeInDays())
                .missingGates(missing)
                .pendingApprovals(d.pendingApproval() == null ? List.of() : List.of(d.pendingApproval()))
                .override(d.override() == null ? null : new OverrideFact(index + 1L, d.override().points(),
                        d.override().pinToTop(), d.override().reason(), d.owner(), "head-of-legal",
                        today.plusDays(14).atTime(17, 0).toInstant(ZoneOffset.UTC)));
        if (missing.isEmpty() && d.pendingApproval() == null) {
            Instant ready = readySince(d, submitted, today.atTime(23, 59).toInstant(ZoneOffset.UTC));
            builder.readySince(ready, BusinessDays.between(dateOf(ready), today));
        }
        return builder.build();
    }

    /**
     * Contract {@code index} as Docket stores it at {@code now}: submitted up to 45 days before, with its gates
     * (changed when it became ready, or when it was submitted), and the approval request and override it may have.
     */
    public StoredDeal stored(int index, Instant now) {
        Deal d = deal(index);
        Instant submitted = submittedAt(d, index, now);
        // As readiness decides it: every required gate passed and no approval still pending.
        boolean ready = !d.gates().containsValue(false) && d.pendingApproval() == null;
        Instant readySince = ready ? readySince(d, submitted, now) : null;
        Contract contract = new Contract(null, d.ref(), d.title(), d.account().name(), d.owner(), d.team(), d.product(),
                d.type(), d.paper(), d.amount(), d.currency(), d.expansion(), d.currency(),
                LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(d.closeInDays()), ContractStatus.valueOf(d.status()),
                submitted, readySince, null, submitted, readySince == null ? submitted : readySince, null);
        return new StoredDeal(contract, d.gates(), readySince == null ? submitted : readySince, d.pendingApproval(), d.override());
    }

    /** A generated deal as stored: gates by name (true when passed), and the extras that only some deals have. */
    public record StoredDeal(Contract contract, Map<String, Boolean> gates, Instant gatesChangedAt,
                             @Nullable String pendingApproval, @Nullable Discretion override) {
    }

    /** Submitted at 9:00 to 16:00 UTC, 0 to 45 days before {@code now}, and never after it. */
    private static Instant submittedAt(Deal d, int index, Instant now) {
        Instant submitted = now.truncatedTo(ChronoUnit.DAYS).plus(9 + index % 8, ChronoUnit.HOURS)
                .minus(d.submittedDaysAgo(), ChronoUnit.DAYS);
        return submitted.isAfter(now) ? now.minus(1, ChronoUnit.MINUTES) : submitted;
    }

    private static Instant readySince(Deal d, Instant submitted, Instant now) {
        Instant ready = submitted.plus(Math.min(d.readyLagDays(), d.submittedDaysAgo()), ChronoUnit.DAYS);
        return ready.isAfter(now) ? submitted : ready;
    }

    private Deal deal(int index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        String product = products.get(r.nextInt(products.size()));
        CrmExport.Account account = accounts.get(r.nextInt(accounts.size()));
        String owner = agents.get(r.nextInt(agents.size()));
        ContractType type = pick(r, TYPES, TYPE_SHARES);
        boolean bigAccount = account.revenueMillions().compareTo(BigDecimal.valueOf(1000)) >= 0;
        Paper paper = r.nextDouble() < (bigAccount ? 0.7 : 0.15) ? Paper.CUSTOMER : Paper.OURS;
        String currency = pick(r, CURRENCIES, CURRENCY_SHARES);
        double rate = RATES.get(currency);

        // Units scale with the account's head count, with a log-normal spread: values run ~1k to 5M, long-tailed.
        double price = export.prices().get(product).doubleValue();
        double units = Math.ceil(Math.exp(r.nextGaussian() * 1.2) * Math.max(1.0, account.employees() / 100.0));
        units = Math.max(units, Math.ceil(MIN_VALUE / price));
        units = Math.min(units, Math.floor(MAX_VALUE / price));
        double expansion = r.nextDouble() < 0.35 ? 0
                : price * Math.max(1, account.employees() / 500) * Math.exp(r.nextGaussian() * 0.8);

        String ref = "GEN" + seed + "-" + String.format(Locale.ROOT, "%06d", index);
        String title = product + " " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " for " + account.name();
        return new Deal(ref, title, account, owner, export.officeByAgent().get(owner), product, type, paper, currency,
                money(price * units / rate), money(expansion / rate), r.nextInt(-10, 91), gates(r, type),
                r.nextInt(0, 46), r.nextInt(0, 8), pick(r, STATUSES, STATUS_SHARES), approval(r), discretion(r));
    }

    /** About 65% of contracts arrive with every required gate passed; the rest miss one or two. */
    private static Map<String, Boolean> gates(SplittableRandom r, ContractType type) {
        List<String> required = GATES_BY_TYPE.getOrDefault(type, DEFAULT_GATES);
        Map<String, Boolean> gates = new LinkedHashMap<>();
        required.forEach(g -> gates.put(g, true));
        if (r.nextDouble() >= 0.65) {
            int open = Math.min(required.size(), 1 + r.nextInt(2));
            for (int i = 0; i < open; i++) {
                gates.put(required.get(r.nextInt(required.size())), false);
            }
        }
        return gates;
    }

    /** About 3% of deals wait on a decision maker. */
    private static String approval(SplittableRandom r) {
        return r.nextDouble() < 0.03 ? pick(r, APPROVALS, APPROVAL_SHARES) : null;
    }

    /** About 1% of deals carry an override: 0.8% signed points, 0.2% a pin. */
    private static Discretion discretion(SplittableRandom r) {
        double roll = r.nextDouble();
        if (roll < 0.002) {
            return new Discretion(0, true, "renewal at risk, CEO escalation this week");
        }
        if (roll < 0.01) {
            return new Discretion(r.nextBoolean() ? 15 : -10, false, "strategic logo for the quarter, agreed with sales leadership");
        }
        return null;
    }

    private static <T> T pick(SplittableRandom r, T[] choices, double[] shares) {
        double roll = r.nextDouble();
        for (int i = 0; i < choices.length - 1; i++) {
            roll -= shares[i];
            if (roll < 0) {
                return choices[i];
            }
        }
        return choices[choices.length - 1];
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
