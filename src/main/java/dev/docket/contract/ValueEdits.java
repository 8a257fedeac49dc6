package dev.docket.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;

/** Finds the edits to fields that earn points (deal value, expansion potential), which the audit records. */
final class ValueEdits {

    static final String UNKNOWN = "unknown";

    private ValueEdits() {
    }

    static List<ContractValueEdited> of(Contract before, Contract after, @Nullable String changedBy, Instant at) {
        String by = changedBy == null || changedBy.isBlank() ? UNKNOWN : changedBy.strip();
        List<ContractValueEdited> edits = new ArrayList<>(2);
        if (differs(before.dealAmount(), before.dealCurrency(), after.dealAmount(), after.dealCurrency())) {
            edits.add(new ContractValueEdited(before.id(), "dealValue", text(before.dealAmount(), before.dealCurrency()),
                    text(after.dealAmount(), after.dealCurrency()), by, at));
        }
        if (differs(before.expansionAmount(), before.expansionCurrency(), after.expansionAmount(), after.expansionCurrency())) {
            edits.add(new ContractValueEdited(before.id(), "expansionPotential",
                    text(before.expansionAmount(), before.expansionCurrency()),
                    text(after.expansionAmount(), after.expansionCurrency()), by, at));
        }
        return edits;
    }

    /** 48210 and 48210.00 are the same amount: compare numerically, not by scale. */
    private static boolean differs(BigDecimal a, String currencyA, BigDecimal b, String currencyB) {
        return a.compareTo(b) != 0 || !currencyA.equals(currencyB);
    }

    private static String text(BigDecimal amount, String currency) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }
}
