package dev.docket.bench;

import java.util.List;
import java.util.TreeSet;

import dev.docket.rules.scoring.QueueOrder;
import dev.docket.facts.ContractFact;

/**
 * The default policy in rules/ written by hand in plain Java, for benchmarks only: the floor that the Drools
 * ranking is measured against. It writes the same contributions, reasons and blockers into the same facts and
 * orders them with the same comparator, so the difference in time is what the rule engine costs.
 * PlainJavaPolicyTest keeps it equal to the real rules; if the folder's policy changes, change this with it.
 */
public final class PlainJavaPolicy {

    private PlainJavaPolicy() {
    }

    /** Scores every fact and sorts them into queue order, as a full re-rank does. */
    public static List<ContractFact> rank(List<ContractFact> facts) {
        for (ContractFact fact : facts) {
            score(fact);
        }
        List<ContractFact> queue = new java.util.ArrayList<>(facts);
        queue.sort(QueueOrder.COMPARATOR);
        return queue;
    }

    public static void score(ContractFact c) {
        readiness(c);
        age(c);
        value(c);
        expansion(c);
        urgency(c);
        quickReview(c);
    }

    private static void readiness(ContractFact c) {
        if (!c.getMissingGates().isEmpty()) {
            for (String gate : new TreeSet<>(c.getMissingGates())) {
                c.block("the checklist item '" + gate.replace('-', ' ') + "' is still open");
            }
        }
        if (c.getStatus().equals("WAITING_ON_SALES")) {
            c.block("legal is waiting on sales for an answer");
        }
        for (String approval : c.getPendingApprovals()) {
            c.block("waiting on approval from " + approval);
        }
    }

    private static void age(ContractFact c) {
        int days = c.getBusinessDaysReady();
        if (c.getReadySince() != null && days > 0) {
            c.add("First in, first out", days * 3.0, "ready for legal for %d business day%s (3 points a day)",
                    days, days == 1 ? "" : "s");
        }
    }

    private static void value(ContractFact c) {
        if (c.getDealValueBase() >= 1000) {
            double points = Math.min(40.0, 10.0 * Math.log10(c.getDealValueBase() / 1000.0));
            if (c.getCurrency().equals(c.getBaseCurrency())) {
                c.add("Deal value", points, "a deal worth %s; bigger deals earn more, up to 40 points", c.getDealValueMoney());
            } else {
                c.add("Deal value", points, "a deal worth %s (about %s); bigger deals earn more, up to 40 points",
                        c.getDealValueMoney(), c.getDealValueBaseMoney());
            }
        }
    }

    private static void expansion(ContractFact c) {
        if (c.getExpansionPotentialBase() >= 1000) {
            double points = Math.min(36.0, 12.0 * Math.log10(c.getExpansionPotentialBase() / 1000.0));
            c.add("Expansion potential", points, "an expansion estimate of %s a year; larger estimates earn more, up to 36 points",
                    c.getExpansionPotentialMoney());
        }
    }

    private static void urgency(ContractFact c) {
        Integer days = c.getDaysToTargetClose();
        if (days == null) {
            return;
        }
        if (days < 0) {
            int late = -days;
            c.add("Target close overdue", 12.0, "target close date %s passed %d day%s ago",
                    c.getTargetCloseDate(), late, late == 1 ? "" : "s");
        } else if (days == 0) {
            c.add("Target close within 14 days", 20.0, "target close date %s is today", c.getTargetCloseDate());
        } else if (days <= 14) {
            c.add("Target close within 14 days", 20.0, "target close date %s is in %d day%s", c.getTargetCloseDate(), days,
                    days == 1 ? "" : "s");
        } else if (days <= 30) {
            c.add("Target close within 30 days", 8.0, "target close date %s is in %d days", c.getTargetCloseDate(), days);
        }
    }

    private static void quickReview(ContractFact c) {
        String rule;
        double points;
        String why;
        switch (c.getContractType() + "/" + c.getPaper()) {
            case "NDA/OURS" -> { rule = "Quick review: NDA on our paper"; points = 10; why = "an NDA on our paper is the quickest review there is"; }
            case "NDA/CUSTOMER" -> { rule = "Quick review: NDA on customer paper"; points = 6; why = "an NDA is short even on the customer's paper"; }
            case "ORDER_FORM/OURS" -> { rule = "Quick review: order form on our paper"; points = 6; why = "an order form on our paper is quick to check"; }
            case "AMENDMENT/OURS" -> { rule = "Quick review: amendment on our paper"; points = 4; why = "an amendment on our paper is usually a short review"; }
            case "DPA/OURS" -> { rule = "Quick review: DPA on our paper"; points = 2; why = "a DPA on our paper needs only a light review"; }
            case "MSA/CUSTOMER" -> { rule = "Quick review: MSA on customer paper"; points = -4; why = "an MSA on the customer's paper takes longest to redline"; }
            default -> {
                return;
            }
        }
        c.add(rule, points, why);
    }
}
