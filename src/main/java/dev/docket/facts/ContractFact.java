package dev.docket.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One contract as the rules see it: the inputs a rule may read, and the two outputs a rule may
 * write ({@link #add} points, {@link #block} the contract). Derived values such as business days
 * waiting are computed once, before the rules run, so every rule reads the same "now".
 * Documented field by field in docs/rules.md; keep the two in step.
 */
public final class ContractFact {

    private final long id;
    private final String externalRef;
    private final String title;
    private final String account;
    private final String owner;
    private final String team;
    private final String product;
    private final String contractType;
    private final String paper;
    private final String status;
    private final BigDecimal dealValue;
    private final String currency;
    private final double dealValueBase;
    private final String baseCurrency;
    private final double expansionPotentialBase;
    private final LocalDate targetCloseDate;
    private final Instant submittedAt;
    private final Instant readySince;
    private final Set<String> missingGates;
    private final int businessDaysReady;
    private final int businessDaysSinceSubmitted;
    private final Integer daysToTargetClose;
    private final List<String> pendingApprovals;
    private final OverrideFact override;

    private final List<Reason> contributions = new ArrayList<>(6);
    // Most contracts are never blocked; the list is made for the first blocker, which saves a list per contract.
    private List<String> blockers = List.of();
    // In hundredths: every contribution is rounded to hundredths, so the sum is exact whatever order rules fire in.
    private long scoreHundredths;
    // The rule Docket is firing for this contract, so a contribution is named by the engine, not by the rule's text.
    private String firingRule;
    private String parkedBecause;
    private String parkedRule;
    private String parkedMessage;

    ContractFact(ContractFactBuilder b) {
        this.id = b.id;
        this.externalRef = b.externalRef;
        this.title = b.title;
        this.account = b.account;
        this.owner = b.owner;
        this.team = b.team;
        this.product = b.product;
        this.contractType = b.contractType;
        this.paper = b.paper;
        this.status = b.status;
        this.dealValue = b.dealValue;
        this.currency = b.currency;
        this.dealValueBase = b.dealValueBase;
        this.baseCurrency = b.baseCurrency;
        this.expansionPotentialBase = b.expansionPotentialBase;
        this.targetCloseDate = b.targetCloseDate;
        this.submittedAt = b.submittedAt;
        this.readySince = b.readySince;
        this.missingGates = Set.copyOf(b.missingGates);
        this.businessDaysReady = b.businessDaysReady;
        this.businessDaysSinceSubmitted = b.businessDaysSinceSubmitted;
        this.daysToTargetClose = b.daysToTargetClose;
        this.pendingApprovals = List.copyOf(b.pendingApprovals);
        this.override = b.override;
        applyOverride();
    }

    /** Names of the contributions Docket itself adds for an approved override; no rule can use them. */
    public static final String OVERRIDE = "Override";
    public static final String OVERRIDE_PIN = "Override: pin to top";

    /**
     * An approved override is Docket's mechanism, not policy: its points (or its pin) are part of the fact before
     * any rule runs, so deleting or editing a rule file cannot disable overrides the API keeps accepting.
     */
    private void applyOverride() {
        if (override == null) {
            return;
        }
        if (override.isPinToTop()) {
            record(OVERRIDE_PIN, 0.0, pinReason(), null);
        } else {
            record(OVERRIDE, override.getPoints(), "override by " + override.getApprovedBy() + " at " + override.getAskedBy()
                    + "'s request until " + override.getExpiresAt() + ": " + override.getReason(), null);
        }
    }

    private String pinReason() {
        return "pinned to the top of its lane by " + override.getApprovedBy() + " at " + override.getAskedBy()
                + "'s request until " + override.getExpiresAt() + ": " + override.getReason();
    }

    public static ContractFactBuilder builder(long id) {
        return new ContractFactBuilder(id);
    }

    /** A builder holding this contract's inputs (not its scores), for "what if" runs of the rules. */
    public ContractFactBuilder toBuilder() {
        return new ContractFactBuilder(id).externalRef(externalRef).title(title).account(account).owner(owner).team(team)
                .product(product).contractType(contractType).paper(paper).status(status).baseCurrency(baseCurrency)
                .dealValue(dealValue, currency, dealValueBase).expansionPotentialBase(expansionPotentialBase)
                .targetCloseDate(targetCloseDate, daysToTargetClose).submittedAt(submittedAt, businessDaysSinceSubmitted)
                .readySince(readySince, businessDaysReady).missingGates(missingGates)
                .pendingApprovals(pendingApprovals).override(override);
    }

    /**
     * Records that the rule now firing gave this contract {@code points} because of {@code reason}; Docket knows
     * which rule fires, so the explanation names it. Points are rounded to hundredths so the explanation reads
     * cleanly and still sums exactly to the score.
     */
    public void add(double points, String reason) {
        record(firingRuleOr(null), points, reason, null);
    }

    /**
     * Like {@link #add(double, String)}, with the reason given as a {@link String#format} pattern and its
     * values: {@code $c.add(points, "deal value %,.0f %s", $c.getDealValue(), $c.getCurrency())}. The text is
     * formatted (in US number style) only when an explanation shows it, which keeps re-ranking a large backlog fast.
     */
    public void add(double points, String reasonFormat, Object... values) {
        record(firingRuleOr(null), points, reasonFormat, values == null ? new Object[] {null} : values);
    }

    /**
     * The older form that named the rule in the rule's text. Inside Docket's scoring the firing rule's real name is
     * recorded whatever is passed, so a rule cannot write points under another rule's name.
     */
    @Deprecated
    public void add(String rule, double points, String reason) {
        record(firingRuleOr(rule), points, reason, null);
    }

    /** The older form of {@link #add(double, String, Object...)}; see {@link #add(String, double, String)}. */
    @Deprecated
    public void add(String rule, double points, String reasonFormat, Object... values) {
        record(firingRuleOr(rule), points, reasonFormat, values == null ? new Object[] {null} : values);
    }

    private String firingRuleOr(String named) {
        return firingRule != null ? firingRule : named;
    }

    /**
     * Docket's scoring calls this before each rule firing that matched this contract. Not for rules: the policy
     * guard's allow-list admits only the fact's read methods, add and block.
     */
    public void firing(String rule) {
        firingRule = rule;
    }

    /**
     * Docket gave up scoring this contract: a rule failed, looped or ran over its time limit on it. Every point
     * a rule gave is dropped (the override stays, as Docket's own), and the contract waits in the not-ready lane with
     * the reason, so one bad contract never stops the rest of the queue from ranking. Not for rules.
     */
    public void park(String rule, String what) {
        contributions.clear();
        scoreHundredths = 0;
        firingRule = null;
        applyOverride();
        parkedRule = rule;
        parkedBecause = (rule == null ? "the rules " : "rule '" + rule + "' ") + what;
        parkedMessage = what;
        blockers = new ArrayList<>(List.of("Docket could not score this contract: " + parkedBecause));
    }

    /** Drops everything rules wrote, for Docket to score the contract again from scratch. Not for rules. */
    public void resetOutputs() {
        contributions.clear();
        scoreHundredths = 0;
        firingRule = null;
        blockers = List.of();
        parkedRule = null;
        parkedBecause = null;
        parkedMessage = null;
        applyOverride();
    }

    public boolean isParked() {
        return parkedBecause != null;
    }

    /** Why Docket could not score this contract, or null. */
    public String getParkedBecause() {
        return parkedBecause;
    }

    /** What happened when it was parked, without the rule's name ("ran over the time limit of 1 s"). */
    public String getParkedMessage() {
        return parkedMessage;
    }

    /** The rule that failed on this contract when it was parked, or null if none could be named. */
    public String getParkedRule() {
        return parkedRule;
    }

    private void record(String rule, double points, String reason, Object[] values) {
        if (!Double.isFinite(points)) {
            // Rounding would turn NaN into 0 and hide the broken arithmetic; fail so the probe names the rule.
            throw new IllegalArgumentException("rule '" + rule + "' gave " + points + " points; points must be a finite number");
        }
        long hundredths = Math.round(points * 100.0);
        contributions.add(new Reason(rule, hundredths, reason, values));
        scoreHundredths += hundredths;
    }

    /** Moves this contract to the not-ready lane; {@code reason} tells the rep what to fix. */
    public void block(String reason) {
        if (blockers.isEmpty()) {
            blockers = new ArrayList<>(2);
        }
        if (!blockers.contains(reason)) {
            blockers.add(reason);
        }
    }

    /** At the top of its lane, ahead of any points: only an approved override pins, and Docket applies it. */
    public boolean isPinned() {
        return override != null && override.isPinToTop();
    }

    public String getPinnedBecause() {
        return isPinned() ? pinReason() : null;
    }

    public Lane getLane() {
        return blockers.isEmpty() ? Lane.READY : Lane.NOT_READY;
    }

    public boolean isReady() {
        return missingGates.isEmpty();
    }

    public long getId() { return id; }
    public String getExternalRef() { return externalRef; }
    public String getTitle() { return title; }
    public String getAccount() { return account; }
    public String getOwner() { return owner; }
    public String getTeam() { return team; }
    public String getProduct() { return product; }
    public String getContractType() { return contractType; }
    public String getPaper() { return paper; }
    public String getStatus() { return status; }
    public BigDecimal getDealValue() { return dealValue; }
    public String getCurrency() { return currency; }
    public double getDealValueBase() { return dealValueBase; }
    public double getExpansionPotentialBase() { return expansionPotentialBase; }
    public String getBaseCurrency() { return baseCurrency; }
    /** The deal value in its own currency, written for a reader: {@code €12,000}. */
    public Money getDealValueMoney() { return new Money(dealValue, currency); }
    /** The deal value in the base currency, written for a reader: {@code $13,000}. */
    public Money getDealValueBaseMoney() { return Money.of(dealValueBase, baseCurrency); }
    /** The expansion estimate a year, in the base currency, written for a reader: {@code $173,700}. */
    public Money getExpansionPotentialMoney() { return Money.of(expansionPotentialBase, baseCurrency); }
    public LocalDate getTargetCloseDate() { return targetCloseDate; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getReadySince() { return readySince; }
    public Set<String> getMissingGates() { return missingGates; }
    public int getBusinessDaysReady() { return businessDaysReady; }
    public int getBusinessDaysSinceSubmitted() { return businessDaysSinceSubmitted; }
    public Integer getDaysToTargetClose() { return daysToTargetClose; }
    /** Approval requests still waiting for a decision, as "decision maker: question". */
    public List<String> getPendingApprovals() { return pendingApprovals; }
    /** The approved, unexpired override of this contract, or null. */
    public OverrideFact getOverride() { return override; }
    /** What each rule gave, in the order the rules fired; reasons are formatted now, on every call. */
    public List<Contribution> getContributions() {
        List<Contribution> shown = new ArrayList<>(contributions.size());
        for (Reason reason : contributions) {
            shown.add(reason.toContribution());
        }
        return Collections.unmodifiableList(shown);
    }

    /** Rules whose reason format does not fit its values, each with the formatter's complaint; for the rule checks. */
    public Map<String, String> getUnformattableReasons() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Reason reason : contributions) {
            try {
                reason.strictText();
            } catch (IllegalFormatException e) {
                problems.putIfAbsent(reason.rule, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return problems;
    }
    public List<String> getBlockers() { return Collections.unmodifiableList(blockers); }
    public double getScore() { return scoreHundredths / 100.0; }

    @Override
    public String toString() {
        return "ContractFact{id=" + id + ", title='" + title + "', score=" + getScore() + ", lane=" + getLane() + '}';
    }
}
