package dev.docket.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** Builds a {@link ContractFact}; tests use it to state only the fields a rule reads. */
public final class ContractFactBuilder {

    final long id;
    String externalRef;
    String title = "";
    String account = "";
    String owner = "";
    String team = "";
    String product = "";
    String contractType = "OTHER";
    String paper = "OURS";
    String status = "SUBMITTED";
    BigDecimal dealValue = BigDecimal.ZERO;
    String currency = "USD";
    String baseCurrency = "USD";
    double dealValueBase;
    double expansionPotentialBase;
    LocalDate targetCloseDate;
    Instant submittedAt;
    Instant readySince;
    Set<String> missingGates = Set.of();
    int businessDaysReady;
    int businessDaysSinceSubmitted;
    Integer daysToTargetClose;
    java.util.List<String> pendingApprovals = java.util.List.of();
    OverrideFact override;

    ContractFactBuilder(long id) {
        this.id = id;
        this.externalRef = "C-" + id;
    }

    public ContractFactBuilder externalRef(String v) { externalRef = v; return this; }
    public ContractFactBuilder title(String v) { title = v; return this; }
    public ContractFactBuilder account(String v) { account = v; return this; }
    public ContractFactBuilder owner(String v) { owner = v; return this; }
    public ContractFactBuilder team(String v) { team = v; return this; }
    public ContractFactBuilder product(String v) { product = v; return this; }
    public ContractFactBuilder contractType(String v) { contractType = v; return this; }
    public ContractFactBuilder paper(String v) { paper = v; return this; }
    public ContractFactBuilder status(String v) { status = v; return this; }
    public ContractFactBuilder dealValue(BigDecimal amount, String currency, double baseAmount) {
        this.dealValue = amount;
        this.currency = currency;
        this.dealValueBase = baseAmount;
        return this;
    }
    public ContractFactBuilder dealValueBase(double v) { return dealValue(BigDecimal.valueOf(v), baseCurrency, v); }
    /** The currency the {@code ...Base} amounts are in (docket.money.base-currency); USD unless set. */
    public ContractFactBuilder baseCurrency(String v) { baseCurrency = v; return this; }
    public ContractFactBuilder expansionPotentialBase(double v) { expansionPotentialBase = v; return this; }
    public ContractFactBuilder targetCloseDate(LocalDate date, Integer daysToClose) {
        targetCloseDate = date;
        daysToTargetClose = daysToClose;
        return this;
    }
    public ContractFactBuilder submittedAt(Instant v, int businessDays) {
        submittedAt = v;
        businessDaysSinceSubmitted = businessDays;
        return this;
    }
    public ContractFactBuilder readySince(Instant v, int businessDays) {
        readySince = v;
        businessDaysReady = businessDays;
        return this;
    }
    public ContractFactBuilder missingGates(Set<String> v) { missingGates = v; return this; }
    public ContractFactBuilder pendingApprovals(java.util.List<String> v) { pendingApprovals = v; return this; }
    public ContractFactBuilder override(OverrideFact v) { override = v; return this; }

    public ContractFact build() {
        return new ContractFact(this);
    }
}
