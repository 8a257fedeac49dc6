package dev.docket.crm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.docket.contract.ContractRequest;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.InvalidFieldException;
import dev.docket.system.StrictScalars;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the pipeline file of the Maven Analytics CRM export (sales_pipeline.csv): opportunity_id, sales_agent,
 * product, account, deal_stage, engage_date, close_date, close_value. Each row becomes a {@link PipelineRow} or
 * a rejection with its reason; nothing in a row stops the rest of the file from being read.
 */
final class PipelineCsv {

    static final List<String> COLUMNS = List.of("opportunity_id", "sales_agent", "product", "account", "deal_stage",
            "engage_date", "close_date", "close_value");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    /** The CRM's stages: open deals are legal's backlog; won deals were signed and lost ones withdrawn. */
    private static final Map<String, ContractStatus> STAGES = Map.of("Prospecting", ContractStatus.SUBMITTED,
            "Engaging", ContractStatus.SUBMITTED, "Won", ContractStatus.SIGNED, "Lost", ContractStatus.WITHDRAWN);

    private PipelineCsv() {
    }

    record Rejection(long line, String externalRef, String reason) {
    }

    /** Checks the header before any row is read, so a file that is not a pipeline file is a 400 naming {@code field}. */
    static void checkHeader(java.io.Reader in, ColumnMapping mapping, String field) {
        try (CSVParser parser = FORMAT.parse(in)) {
            List<String> missing = new ArrayList<>(COLUMNS.stream().map(mapping::header).toList());
            missing.removeAll(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new InvalidFieldException(field, "the CSV lacks the column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "; a pipeline file has the header " + String.join(",", COLUMNS)
                        + " (or map other headers onto these with a column mapping)");
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new InvalidFieldException(field, "is not a CSV file in UTF-8 with a header line: " + e.getMessage());
        }
    }

    /** Reads the rows as they come, in file order; the header was checked by {@link #checkHeader}. */
    static void read(java.io.Reader in, ColumnMapping mapping, CrmReference reference, Consumer<PipelineRow> rows,
                     Consumer<Rejection> rejections) throws IOException {
        try (CSVParser parser = FORMAT.parse(in)) {
            RowReader reader = new RowReader(mapping, mapping.formatter(), reference);
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                String ref = record.isSet(mapping.header("opportunity_id")) ? record.get(mapping.header("opportunity_id")).strip() : "";
                try {
                    PipelineRow row = reader.row(record, line, ref);
                    Long first = seen.putIfAbsent(ref, line);
                    if (first != null) {
                        throw new IllegalArgumentException("opportunity_id " + ref + " appears again (first on line " + first + ")");
                    }
                    rows.accept(row);
                } catch (IllegalArgumentException e) {
                    rejections.accept(new Rejection(line, ref.isEmpty() ? null : ref, e.getMessage()));
                }
            }
        }
    }

    /** One file's rows, read through its mapping. */
    private record RowReader(ColumnMapping mapping, DateTimeFormatter dates, CrmReference reference) {

        PipelineRow row(CSVRecord record, long line, String ref) {
            if (!record.isConsistent()) {
                throw new IllegalArgumentException("has " + record.size() + " columns; the header has " + COLUMNS.size());
            }
            if (!ref.matches(ContractRequest.EXTERNAL_REF)) {
                throw new IllegalArgumentException("opportunity_id '" + ref + "' " + ContractRequest.EXTERNAL_REF_RULE);
            }
            String owner = text(record, "sales_agent", true);
            String product = text(record, "product", true);
            String stage = record.get(mapping.header("deal_stage")).strip();
            ContractStatus status = STAGES.get(mapping.stage(stage));
            if (status == null) {
                throw new IllegalArgumentException("deal_stage '" + stage + "' is not one of " + Set.copyOf(STAGES.keySet())
                        + (mapping.stages() == null || mapping.stages().isEmpty() ? "" : " or " + mapping.stages().keySet()));
            }
            String name = product.equals("GTXPro") ? "GTX Pro" : product;
            BigDecimal value = amount(record, "close_value");
            // An open deal has no close value yet: its product's list price is what it is expected to be worth.
            return new PipelineRow(line, ref, owner, name, text(record, "account", false), status, date(record, "engage_date"),
                    date(record, "close_date"), value != null ? value : reference.listPrice(name), reference.team(owner));
        }

        private String text(CSVRecord record, String column, boolean required) {
            String value = record.get(mapping.header(column)).strip();
            if (value.isEmpty()) {
                if (required) {
                    throw new IllegalArgumentException(column + " is empty");
                }
                return null;
            }
            if (value.length() > 120 || !value.chars().allMatch(c -> c >= ' ' && c != 0x7f)) {
                throw new IllegalArgumentException(column + " must be one line of at most 120 printable characters");
            }
            return value;
        }

        private LocalDate date(CSVRecord record, String column) {
            String value = record.get(mapping.header(column)).strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value, dates);
                if (date.getYear() < StrictScalars.MIN_YEAR || date.getYear() > StrictScalars.MAX_YEAR) {
                    throw new IllegalArgumentException(column + " '" + value + "' is outside the years "
                            + StrictScalars.MIN_YEAR + " to " + StrictScalars.MAX_YEAR);
                }
                return date;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(column + " '" + value + "' is not a date in the form "
                        + (mapping.dateFormat() == null ? "M/D/YYYY" : mapping.dateFormat()));
            }
        }

        private BigDecimal amount(CSVRecord record, String column) {
            String value = record.get(mapping.header(column)).strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                BigDecimal amount = new BigDecimal(value);
                if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 15) {
                    throw new IllegalArgumentException(column + " '" + value + "' must be a non-negative amount with at most 2 decimals");
                }
                return amount.setScale(2);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + value + "' is not a number");
            }
        }
    }
}
