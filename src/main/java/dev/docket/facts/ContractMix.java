package dev.docket.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What generated contracts look like: the choices of each field and their shares, how values are drawn, which gates
 * each type needs and how many arrive open, and the names (products, accounts, owners, teams) they are made of.
 * Three mixes are named: {@link #probeGrid()} for checking a rule set against every edge, {@link #broad()} for the
 * invariants, and {@link #realistic} for a backlog that looks like a legal team's. Fields are listed in the order
 * {@link ContractGenerator} draws them.
 *
 * @param refFormat          the external reference, formatted with the contract's index from 0
 * @param papers             paper for an account that is not {@linkplain Account#large() large}
 * @param papersLargeAccount paper for a large account, which more often insists on its own
 * @param rates              base-currency value of one unit of each currency
 * @param values             the deal value in the base currency
 * @param expansions         the expansion potential a year in the base currency
 * @param daysToClose        days from today to the target close date; a null choice means none
 * @param statuses           the status, one of {@link #OPEN_STATUSES}
 * @param awaitingApproval   whether an approval is pending, and then {@code approvals} says whose ("decision maker: question")
 * @param overrides          the override legal granted; a null choice means none
 */
public record ContractMix(String refFormat, Vocabulary vocabulary, Choices<String> types, Choices<String> papers,
                          Choices<String> papersLargeAccount, Choices<String> currencies, Map<String, Double> rates,
                          Choices<Amount> values, Choices<Amount> expansions, Choices<DayRange> daysToClose, Gates gates,
                          Choices<DayRange> daysSinceSubmitted, Choices<DayRange> readyLag, Choices<String> statuses,
                          Choices<Boolean> awaitingApproval, Choices<String> approvals, Choices<Discretion> overrides) {

    /** Every contract type. */
    public static final List<String> TYPES = List.of("NDA", "MSA", "ORDER_FORM", "DPA", "AMENDMENT", "OTHER");
    /** The gates a contract needs unless its type names fewer, as application.yml's defaults say. */
    public static final List<String> GATES =
            List.of("commercial-terms-agreed", "pricing-approved", "security-review-done", "signatory-known");
    /** The types that need fewer gates, as application.yml's defaults say. */
    public static final Map<String, List<String>> GATES_BY_TYPE = Map.of(
            "NDA", List.of("signatory-known"),
            "DPA", List.of("security-review-done", "signatory-known"),
            "AMENDMENT", List.of("commercial-terms-agreed", "signatory-known"));
    /** The statuses of an open contract, the ones the rules see. */
    public static final List<String> OPEN_STATUSES = List.of("SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES");
    /** Exchange rates to the base currency, as application.yml's defaults say. */
    public static final Map<String, Double> RATES = Map.of("USD", 1.0, "EUR", 1.08, "GBP", 1.27);

    public ContractMix {
        rates = Map.copyOf(rates);
    }

    /**
     * The names contracts are made of. Products and owners are drawn as {@link Choices}, so a list with repeats
     * weights them; {@code listPrices} gives each product's price and {@code teams} each owner's team.
     */
    public record Vocabulary(Choices<String> products, Map<String, Double> listPrices, Choices<Account> accounts,
                             Choices<String> owners, Map<String, String> teams) {

        public Vocabulary {
            listPrices = Map.copyOf(listPrices);
            teams = Map.copyOf(teams);
        }

        /** Two products, seven accounts of every size (two large), four owners in two teams. */
        public static final Vocabulary PLAIN = new Vocabulary(Choices.of("Platform", "Add-on"),
                Map.of("Platform", 12_000.0, "Add-on", 1_500.0),
                Choices.uniform(IntStream.range(0, 7).mapToObj(i -> new Account("Account " + i,
                        new int[] {40, 250, 1_200, 9_000, 15, 600, 30_000}[i], i == 3 || i == 6)).toList()),
                Choices.of("owner0", "owner1", "owner2", "owner3"),
                Map.of("owner0", "EMEA", "owner1", "Americas", "owner2", "EMEA", "owner3", "Americas"));
    }

    /** A customer: its head count sizes its deals, and a large one more often signs on its own paper. */
    public record Account(String name, int employees, boolean large) {
    }

    /**
     * The gates a contract needs, by type, and how many of them arrive open; the open ones are drawn from the
     * required, so two picks may name the same gate.
     */
    public record Gates(List<String> required, Map<String, List<String>> requiredByType, Choices<DayRange> open) {

        public Gates {
            required = List.copyOf(required);
            requiredByType = Map.copyOf(requiredByType);
        }

        public List<String> requiredFor(String type) {
            return requiredByType.getOrDefault(type, required);
        }
    }

    /** An override as legal grants them: signed points, or a pin to the top of the lane, with the reason. */
    public record Discretion(double points, boolean pinToTop, String reason) {
    }

    /**
     * The edge-case grid a candidate rule set is probed with, meant to be {@linkplain ContractGenerator#cycling cycled}:
     * every type, paper, currency and open status; values from nothing to 50 million; target close dates none,
     * past, today and on either side of the two- and four-week boundaries; gates all passed, one open and two open;
     * ready today and for weeks; pending approvals; point overrides both ways and pins. Twenty contracts hold every
     * choice, since no field has more than fifteen.
     */
    public static ContractMix probeGrid() {
        Discretion up = new Discretion(15, false, "probe override for a strategic account");
        Discretion down = new Discretion(-10, false, "probe override for a strategic account");
        Discretion pin = new Discretion(0, true, "probe override for a strategic account");
        return new ContractMix("PROBE-%02d", Vocabulary.PLAIN, Choices.uniform(TYPES), Choices.of("OURS", "CUSTOMER"),
                Choices.of("OURS", "CUSTOMER"), Choices.of("USD", "EUR", "GBP"), RATES,
                fixed(0, 500, 1_000, 12_500, 100_000, 2_500_000, 50_000_000), fixed(0, 0, 5_000, 250_000, 5_000_000),
                Choices.of(null, DayRange.of(-40), DayRange.of(-1), DayRange.of(0), DayRange.of(7), DayRange.of(14),
                        DayRange.of(15), DayRange.of(30), DayRange.of(31), DayRange.of(200)),
                new Gates(GATES, GATES_BY_TYPE, days(0, 0, 1, 0, 2)),
                days(IntStream.rangeClosed(0, 14).map(i -> i * 3).toArray()), days(45, 0, 2, 10),
                Choices.uniform(OPEN_STATUSES), Choices.of(false, true, false, false, false),
                Choices.of("CFO: liability cap above 2x fees", "general-counsel: source code escrow"),
                Choices.of(null, null, up, null, null, pin, down));
    }

    /**
     * A broad random mix for invariants, wider than any real backlog: values over six orders of magnitude (one in
     * ten below 1,000), expansion none for a third, a third with one or two gates open, every type and paper equally,
     * target close dates from a month ago to three months ahead or (a quarter) none, submitted up to ten weeks ago,
     * half submitted, a third in review, the rest waiting on sales. One currency, no approvals, no overrides, so the
     * invariants see the rules alone.
     */
    public static ContractMix broad() {
        return new ContractMix("generated-%d", Vocabulary.PLAIN, Choices.uniform(TYPES), Choices.of("OURS", "CUSTOMER"),
                Choices.of("OURS", "CUSTOMER"), Choices.only("USD"), Map.of("USD", 1.0),
                Choices.weighted(List.of(new Amount.Uniform(0, 999), new Amount.LogUniform(2, 8)), 0.1, 0.9),
                Choices.weighted(List.of(new Amount.Fixed(0), new Amount.LogUniform(2, 7)), 1 / 3.0, 2 / 3.0),
                Choices.weighted(Arrays.asList(null, new DayRange(-30, 90)), 0.25, 0.75),
                new Gates(GATES, GATES_BY_TYPE, Choices.weighted(List.of(DayRange.of(0), new DayRange(1, 2)), 0.66, 0.34)),
                Choices.only(new DayRange(0, 70)), Choices.only(new DayRange(0, 14)),
                Choices.weighted(OPEN_STATUSES, 0.5, 0.35, 0.15), Choices.only(false), Choices.only(null), Choices.only(null));
    }

    /**
     * A backlog as a legal team sees it, in the names of {@code crm}: values by seats at list price, growing with
     * the account's head count (1,000 to 5,000,000, long-tailed); ORDER_FORM 45%, MSA 30%, NDA 10%, DPA 8%,
     * AMENDMENT 7%; large accounts 70% on their own paper, others 15%; USD 80%, EUR 12%, GBP 8%; expansion none for
     * 35%; target close dates from 10 days ago to 90 ahead; 65% with every gate passed, the rest one or two open;
     * submitted up to 45 days ago and ready up to a week later; SUBMITTED 94%, IN_REVIEW 1% (legal reviews a handful
     * at a time, however long the queue), WAITING_ON_SALES 5%; approvals pending on 3%, overrides on 1% (a fifth of
     * them pins). References are {@code GEN<seed>-<index>}.
     */
    public static ContractMix realistic(Vocabulary crm, long seed) {
        return new ContractMix("GEN" + seed + "-%06d", crm,
                Choices.weighted(List.of("ORDER_FORM", "MSA", "NDA", "DPA", "AMENDMENT"), 0.45, 0.30, 0.10, 0.08, 0.07),
                Choices.weighted(List.of("CUSTOMER", "OURS"), 0.15, 0.85), Choices.weighted(List.of("CUSTOMER", "OURS"), 0.7, 0.3),
                Choices.weighted(List.of("USD", "EUR", "GBP"), 0.80, 0.12, 0.08), RATES,
                Choices.only(new Amount.Seats(100, 1.2, 1_000, 5_000_000)),
                Choices.weighted(List.of(new Amount.Fixed(0), new Amount.Teams(500, 0.8)), 0.35, 0.65),
                Choices.only(new DayRange(-10, 90)),
                new Gates(GATES, GATES_BY_TYPE, Choices.weighted(List.of(DayRange.of(0), new DayRange(1, 2)), 0.65, 0.35)),
                Choices.only(new DayRange(0, 45)), Choices.only(new DayRange(0, 7)),
                Choices.weighted(OPEN_STATUSES, 0.94, 0.01, 0.05),
                Choices.weighted(List.of(true, false), 0.03, 0.97),
                Choices.weighted(List.of("CFO: discount above threshold", "general-counsel: liability cap above 2x fees",
                        "CTO: source code escrow"), 0.6, 0.3, 0.1),
                Choices.weighted(Arrays.asList(new Discretion(0, true, "renewal at risk, CEO escalation this week"),
                        new Discretion(15, false, "strategic logo for the quarter, agreed with sales leadership"),
                        new Discretion(-10, false, "strategic logo for the quarter, agreed with sales leadership"), null),
                        0.002, 0.004, 0.004, 0.99));
    }

    private static Choices<Amount> fixed(double... values) {
        List<Amount> amounts = new ArrayList<>();
        for (double v : values) {
            amounts.add(new Amount.Fixed(v));
        }
        return Choices.uniform(amounts);
    }

    private static Choices<DayRange> days(int... days) {
        return Choices.uniform(Arrays.stream(days).mapToObj(DayRange::of).toList());
    }
}
