package dev.docket.crm;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import did, or would do in a dry run: one entry per data row of the file, in file order, and the totals.
 * {@code line} is the row's line in the file (the header is line 1).
 */
@Serdeable
public record ImportReport(boolean dryRun, Totals totals, List<Row> rows) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    @Serdeable
    public record Row(long line, @Nullable String externalRef, Outcome outcome, @Nullable Long contractId,
                      @Nullable String reason) {
    }

    @Serdeable
    public record Totals(int rows, int created, int updated, int unchanged, int rejected) {

        static Totals of(List<Row> rows) {
            int[] counts = new int[Outcome.values().length];
            rows.forEach(r -> counts[r.outcome().ordinal()]++);
            return new Totals(rows.size(), counts[0], counts[1], counts[2], counts[3]);
        }
    }
}
