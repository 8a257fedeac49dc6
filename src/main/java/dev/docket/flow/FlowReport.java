package dev.docket.flow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How fast the queue moves, for deals that became ready from {@code from} to {@code to} (inclusive days, UTC):
 * queue wait (ready → in review), review cycle (ready → approved or signed), the share that waited longer than the
 * service level, close rate, and closures per week; overall and by contract type, team and live rule-set version.
 */
@Serdeable
public record FlowReport(LocalDate from, LocalDate to, Duration serviceLevel, Group overall, List<Group> byType,
                         List<Group> byTeam, List<Group> byRuleVersion, List<Week> throughput) {

    /**
     * @param deals            contracts that became ready in the period
     * @param reviewed         of those, how many reached review
     * @param closed           of those, how many were approved or signed
     * @param withdrawn        of those, how many were withdrawn
     * @param overServiceLevel share of deals that waited (or are still waiting) longer than the service level
     * @param closeRate        closed / (closed + withdrawn); null while none has ended
     */
    @Serdeable
    public record Group(String name, int deals, int reviewed, int closed, int withdrawn,
                        @Nullable Double medianWaitHours, @Nullable Double p90WaitHours,
                        @Nullable Double medianCycleHours, @Nullable Double p90CycleHours,
                        double overServiceLevel, @Nullable Double closeRate) {
    }

    /** Contracts approved or signed in the week starting Monday {@code weekStart}. */
    @Serdeable
    public record Week(LocalDate weekStart, int closed) {
    }
}
