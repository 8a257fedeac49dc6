package dev.docket.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractRequest;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Money;
import dev.docket.contract.Paper;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractGenerator;
import dev.docket.facts.ContractMix;
import dev.docket.facts.Choices;
import dev.docket.facts.GeneratedContract;
import io.micronaut.core.annotation.Nullable;

/**
 * Deterministic, realistic deals for the generated backlog, load tests and benchmarks: the realistic mix
 * ({@link ContractMix#realistic}) in the names of the bundled CRM sample, with its products and list prices, its
 * accounts and their size, its agents and their offices. Deal {@code i} of a seed is always the same deal.
 */
public final class CrmDeals {

    private final ContractGenerator generator;

    public CrmDeals(long seed) {
        this.generator = ContractGenerator.seeded(ContractMix.realistic(vocabulary(CrmExport.fromClasspath("sample/crm")), seed), seed);
    }

    /** Products and agents weighted by how often they appear in the pipeline; every account equally; offices as teams. */
    static ContractMix.Vocabulary vocabulary(CrmExport export) {
        List<String> products = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        for (CrmExport.Opportunity o : export.opportunities()) {
            if (export.prices().containsKey(o.product())) {
                products.add(o.product());
            }
            if (export.officeByAgent().containsKey(o.agent())) {
                agents.add(o.agent());
            }
        }
        List<ContractMix.Account> accounts = export.accounts().values().stream()
                .sorted(Comparator.comparing(CrmExport.Account::name))
                .map(a -> new ContractMix.Account(a.name(), a.employees(), a.revenueMillions().compareTo(BigDecimal.valueOf(1000)) >= 0))
                .toList();
        Map<String, Double> prices = export.prices().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().doubleValue()));
        return new ContractMix.Vocabulary(Choices.uniform(products), prices, Choices.uniform(accounts),
                Choices.uniform(agents), export.officeByAgent());
    }

    /** The body for {@code PUT /api/contracts/by-ref/{externalRef}}; target close dates count from {@code today}. */
    public ContractRequest request(int index, LocalDate today) {
        GeneratedContract d = generator.contract(index);
        return new ContractRequest(d.ref(), d.title(), d.account(), d.owner(), d.team(), d.product(),
                ContractType.valueOf(d.contractType()), Paper.valueOf(d.paper()), new Money(d.amount(), d.currency()),
                new Money(d.expansion(), d.currency()), d.targetClose(today), null, d.gates(), null, null);
    }

    /** Facts as Docket would assemble them for these deals on {@code today}, with ids 1..n. */
    public List<ContractFact> facts(int count, LocalDate today) {
        return generator.facts(count, today);
    }

    /**
     * Deal {@code index} as Docket stores it at {@code now}: submitted up to 45 days before, with its gates
     * (changed when it became ready, or when it was submitted), and the approval request and override it may have.
     */
    public StoredDeal stored(int index, Instant now) {
        GeneratedContract d = generator.contract(index);
        Instant submitted = d.submittedAt(now);
        Instant readySince = d.readySince(now);
        Contract contract = new Contract(null, d.ref(), d.title(), d.account(), d.owner(), d.team(), d.product(),
                ContractType.valueOf(d.contractType()), Paper.valueOf(d.paper()), d.amount(), d.currency(), d.expansion(),
                d.currency(), d.targetClose(LocalDate.ofInstant(now, ZoneOffset.UTC)), ContractStatus.valueOf(d.status()),
                submitted, readySince, null, submitted, readySince == null ? submitted : readySince, null);
        return new StoredDeal(contract, d.gates(), readySince == null ? submitted : readySince, d.pendingApproval(), d.override());
    }

    /** A generated deal as stored: gates by name (true when passed), and the extras that only some deals have. */
    public record StoredDeal(Contract contract, Map<String, Boolean> gates, Instant gatesChangedAt,
                             @Nullable String pendingApproval, ContractMix.@Nullable Discretion override) {
    }
}
