package dev.docket.crm;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The per-row report of one import, written to a temporary file as the rows are decided, so a 100,000-row import
 * keeps only its totals in memory and the report is read back a page at a time.
 */
final class RowLog implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private final Path file;
    private final CSVPrinter printer;
    private final int[] counts = new int[ImportReport.Outcome.values().length];

    RowLog(Path file) throws IOException {
        this.file = file;
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, FORMAT);
    }

    void add(ImportReport.Row row) {
        counts[row.outcome().ordinal()]++;
        try {
            printer.printRecord(row.line(), nullToEmpty(row.externalRef()), row.outcome(),
                    row.contractId() == null ? "" : row.contractId(), nullToEmpty(row.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportReport.Totals totals() {
        int rows = 0;
        for (int c : counts) {
            rows += c;
        }
        return new ImportReport.Totals(rows, counts[0], counts[1], counts[2], counts[3]);
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    Path file() {
        return file;
    }

    /** One page of rows in file order, optionally only those with {@code outcome}. */
    static List<ImportReport.Row> page(Path file, @Nullable ImportReport.Outcome outcome, long skip, int size) {
        List<ImportReport.Row> rows = new ArrayList<>(Math.min(size, 1024));
        long matched = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord r : parser) {
                ImportReport.Outcome o = ImportReport.Outcome.valueOf(r.get(2));
                if (outcome != null && o != outcome) {
                    continue;
                }
                if (matched++ < skip) {
                    continue;
                }
                rows.add(new ImportReport.Row(Long.parseLong(r.get(0)), emptyToNull(r.get(1)), o,
                        r.get(3).isEmpty() ? null : Long.valueOf(r.get(3)), emptyToNull(r.get(4))));
                if (rows.size() == size) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
