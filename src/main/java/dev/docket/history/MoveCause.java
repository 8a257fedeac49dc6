package dev.docket.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import dev.docket.facts.ContractFact;
import io.micronaut.core.annotation.Nullable;

/** Reads why a contract was re-scored off its facts before and after, so every writer gets a cause for free. */
final class MoveCause {

    record Found(RankMove.Cause cause, String detail) {
    }

    private MoveCause() {
    }

    static Found of(@Nullable ContractFact before, @Nullable ContractFact after) {
        if (before == null) {
            return new Found(RankMove.Cause.ARRIVED, "entered the queue");
        }
        if (after == null) {
            return new Found(RankMove.Cause.LEFT, "left the queue");
        }
        if (!before.getMissingGates().equals(after.getMissingGates())) {
            TreeSet<String> passed = new TreeSet<>(before.getMissingGates());
            passed.removeAll(after.getMissingGates());
            TreeSet<String> reopened = new TreeSet<>(after.getMissingGates());
            reopened.removeAll(before.getMissingGates());
            List<String> parts = new ArrayList<>();
            passed.forEach(g -> parts.add("gate '" + g + "' passed"));
            reopened.forEach(g -> parts.add("gate '" + g + "' re-opened"));
            return new Found(RankMove.Cause.GATE, String.join(", ", parts));
        }
        if (!before.getPendingApprovals().equals(after.getPendingApprovals())) {
            return new Found(RankMove.Cause.APPROVAL, "approvals pending: " + (after.getPendingApprovals().isEmpty()
                    ? "none" : String.join("; ", after.getPendingApprovals())));
        }
        if (!Objects.equals(overrideOf(before), overrideOf(after))) {
            return new Found(RankMove.Cause.OVERRIDE, after.getOverride() == null ? "override ended"
                    : "override: " + after.getOverride().getReason() + " (approved by " + after.getOverride().getApprovedBy() + ")");
        }
        if (!before.getStatus().equals(after.getStatus())) {
            return new Found(RankMove.Cause.STATUS, "status " + before.getStatus() + " -> " + after.getStatus());
        }
        List<String> fields = new ArrayList<>();
        compare(fields, "deal value", before.getDealValueBase(), after.getDealValueBase());
        compare(fields, "expansion potential", before.getExpansionPotentialBase(), after.getExpansionPotentialBase());
        compare(fields, "target close date", before.getTargetCloseDate(), after.getTargetCloseDate());
        compare(fields, "contract type", before.getContractType(), after.getContractType());
        compare(fields, "paper", before.getPaper(), after.getPaper());
        return fields.isEmpty()
                ? new Found(RankMove.Cause.RESCORED, "re-scored")
                : new Found(RankMove.Cause.FIELD_EDIT, String.join(", ", fields));
    }

    private static @Nullable Long overrideOf(ContractFact fact) {
        return fact.getOverride() == null ? null : fact.getOverride().getId();
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name + " " + show(before) + " -> " + show(after));
        }
    }

    private static String show(Object value) {
        return value instanceof Double d ? String.format(java.util.Locale.ROOT, "%,.0f", d) : String.valueOf(value);
    }
}
