package dev.docket.fairness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Who bends the queue, and how much: overrides by asker (every request), approver, refuser, owner and team, how much of today's
 * top 10 holds an override, overrides week by week, and edits to points-earning fields per owner.
 * "In period" counts what was created from {@code from} to {@code to} inclusive, in legal's time zone;
 * "active" counts what is in force now, whenever it was created.
 */
@Serdeable
public record FairnessReport(LocalDate from, LocalDate to, Instant generatedAt, Group overall,
                             List<Group> byAsker, List<Group> byApprover, List<Group> byRefuser, List<Group> byOwner, List<Group> byTeam,
                             TopShare top10, List<Week> weeks, List<OwnerEdits> gamedFieldEdits) {

    /**
     * @param active       overrides in force now
     * @param total        overrides created in the period, points and pins
     * @param pins         pins created in the period, kept apart because a pin has no points to average
     * @param averageBoost mean signed points of the points overrides created in the period; null when none
     */
    @Serdeable
    public record Group(String name, int active, int total, int pins, @Nullable Double averageBoost) {
    }

    /** How many of the first {@code size} places of the current queue hold a contract with an active override. */
    @Serdeable
    public record TopShare(int size, int overridden, double share, List<Long> overriddenContractIds) {
    }

    /** Overrides created in the week starting Monday {@code weekStart} (clipped to the period). */
    @Serdeable
    public record Week(LocalDate weekStart, int total, int pins, @Nullable Double averageBoost) {
    }

    /** Edits to deal value or expansion potential in the period, on this owner's contracts, and the places they gained. */
    @Serdeable
    public record OwnerEdits(String owner, int edits, int placesGained) {
    }
}
