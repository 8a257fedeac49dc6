package dev.docket.crm;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How another CRM's export (Salesforce, HubSpot, ...) maps onto the pipeline columns, so it imports without code:
 * {@code columns} names the header that holds each pipeline column, {@code stages} translates the CRM's stage
 * values to Prospecting, Engaging, Won or Lost, and {@code dateFormat} is a java.time pattern such as yyyy-MM-dd.
 * Anything left out keeps the Maven Analytics default.
 */
@Serdeable
public record ColumnMapping(@Nullable Map<String, String> columns, @Nullable Map<String, String> stages,
                            @Nullable String dateFormat) {

    static final ColumnMapping MAVEN_ANALYTICS = new ColumnMapping(Map.of(), Map.of(), "M/d/uuuu");
    private static final List<String> STAGES = List.of("Prospecting", "Engaging", "Won", "Lost");

    /** Checks the mapping itself, before any row is read, naming the entry at fault. */
    ColumnMapping checked() {
        if (columns != null) {
            columns.forEach((column, header) -> {
                if (!PipelineCsv.COLUMNS.contains(column)) {
                    throw new InvalidFieldException("mapping.columns." + column, "is not a pipeline column; map one of "
                            + String.join(", ", PipelineCsv.COLUMNS));
                }
                if (header == null || header.isBlank()) {
                    throw new InvalidFieldException("mapping.columns." + column, "must name a column of the CSV");
                }
            });
        }
        if (stages != null) {
            stages.forEach((value, stage) -> {
                if (!STAGES.contains(stage)) {
                    throw new InvalidFieldException("mapping.stages." + value, "must be one of " + String.join(", ", STAGES));
                }
            });
        }
        formatter();
        return this;
    }

    String header(String column) {
        return columns == null ? column : columns.getOrDefault(column, column);
    }

    String stage(String value) {
        return stages == null ? value : stages.getOrDefault(value, value);
    }

    DateTimeFormatter formatter() {
        String pattern = dateFormat == null ? MAVEN_ANALYTICS.dateFormat() : dateFormat;
        try {
            // uuuu, not yyyy: STRICT resolving needs a proleptic year.
            return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("mapping.dateFormat", "'" + pattern + "' is not a date pattern: " + e.getMessage());
        }
    }
}
