package dev.docket.crm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import did, or would do in a dry run: one {@link Row} per data row of the file, in file order (read a page
 * at a time from GET /api/imports/{id}/rows), and the {@link Totals}. {@code line} is the row's line in the file
 * (the header is line 1).
 */
public final class ImportReport {

    private ImportReport() {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    @Serdeable
    public record Row(long line, @Nullable String externalRef, Outcome outcome, @Nullable Long contractId,
                      @Nullable String reason) {
    }

    @Serdeable
    public record Totals(int rows, int created, int updated, int unchanged, int rejected) {
    }
}
