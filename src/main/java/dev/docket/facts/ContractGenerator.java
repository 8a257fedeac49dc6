package dev.docket.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Generated contracts of a {@link ContractMix}, the one place Docket and its tests make contracts up: the rule probe
 * cycles the edge grid, the scenario invariants and the policy tests draw the broad mix, and the generated backlog,
 * load tests and benchmarks draw the realistic one. Contract {@code i} is always the same contract for the same mix
 * and seed, whichever thread asks for it and in whatever order.
 */
public final class ContractGenerator {

    /** The seed of the broad sample, so the scenario invariants and the invariant tests check the same contracts. */
    public static final long INVARIANTS_SEED = 20250613L;

    private final ContractMix mix;
    private final IntFunction<Picker> pickers;

    private ContractGenerator(ContractMix mix, IntFunction<Picker> pickers) {
        this.mix = mix;
        this.pickers = pickers;
    }

    /** Contracts drawn at random from {@code mix}, each field by its shares. */
    public static ContractGenerator seeded(ContractMix mix, long seed) {
        return new ContractGenerator(mix, index -> new Picker.Seeded(seed, index));
    }

    /** Contracts taking the choices of {@code mix} in turn: contract {@code i} takes choice {@code i mod n} of each field. */
    public static ContractGenerator cycling(ContractMix mix) {
        return new ContractGenerator(mix, Picker.Cycling::new);
    }

    /** The broad mix with {@link #INVARIANTS_SEED}. */
    public static ContractGenerator invariants() {
        return seeded(ContractMix.broad(), INVARIANTS_SEED);
    }

    /** Contracts 0 to {@code count - 1}. */
    public List<GeneratedContract> contracts(int count) {
        return IntStream.range(0, count).mapToObj(this::contract).toList();
    }

    /** Facts for contracts 0 to {@code count - 1} on {@code today}, with ids 1 to {@code count}. */
    public List<ContractFact> facts(int count, LocalDate today) {
        return IntStream.range(0, count).mapToObj(i -> contract(i).toFact(i + 1L, today)).toList();
    }

    /** Contract {@code index}; its fields are drawn in the order they are listed in {@link ContractMix}. */
    public GeneratedContract contract(int index) {
        Picker p = pickers.apply(index);
        ContractMix.Vocabulary names = mix.vocabulary();
        String product = names.products().pick(p);
        ContractMix.Account account = names.accounts().pick(p);
        String owner = names.owners().pick(p);
        String type = mix.types().pick(p);
        String paper = (account.large() ? mix.papersLargeAccount() : mix.papers()).pick(p);
        String currency = mix.currencies().pick(p);
        double rate = mix.rates().get(currency);
        double price = names.listPrices().get(product);
        double value = mix.values().pick(p).draw(p, price, account.employees());
        double expansion = mix.expansions().pick(p).draw(p, price, account.employees());
        DayRange close = mix.daysToClose().pick(p);
        Integer daysToClose = close == null ? null : close.pick(p);
        Map<String, Boolean> gates = gates(p, type);
        int submitted = mix.daysSinceSubmitted().pick(p).pick(p);
        int readyLag = mix.readyLag().pick(p).pick(p);
        String status = mix.statuses().pick(p);
        String approval = mix.awaitingApproval().pick(p) ? mix.approvals().pick(p) : null;
        ContractMix.Discretion override = mix.overrides().pick(p);

        String ref = String.format(Locale.ROOT, mix.refFormat(), index);
        String title = product + " " + type.toLowerCase(Locale.ROOT).replace('_', ' ') + " for " + account.name();
        return new GeneratedContract(index, ref, title, account.name(), owner, names.teams().get(owner), product, type,
                paper, status, currency, rate, money(value / rate), money(expansion / rate), daysToClose, gates, submitted,
                readyLag, approval, override);
    }

    /** The gates {@code type} requires, in order, with those left open marked false. */
    private Map<String, Boolean> gates(Picker p, String type) {
        List<String> required = mix.gates().requiredFor(type);
        Map<String, Boolean> gates = new LinkedHashMap<>();
        required.forEach(g -> gates.put(g, true));
        int open = Math.min(required.size(), mix.gates().open().pick(p).pick(p));
        for (int j = 0; j < open; j++) {
            gates.put(required.get(p.nth(required.size(), j)), false);
        }
        return gates;
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
