package dev.docket.crm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The small files of the Maven Analytics export that the pipeline rows refer to: accounts.csv (which accounts the CRM
 * knows, with sector and size), products.csv (list prices) and sales_teams.csv (each agent's manager and office).
 * They are read whole before the pipeline, and a row in them that cannot be read is a 400 naming the file and line,
 * because a wrong list price or team would silently mislead every deal that refers to it.
 */
record CrmReference(Map<String, Account> accounts, Map<String, BigDecimal> prices, Map<String, String> teams) {

    static final CrmReference NONE = new CrmReference(Map.of(), Map.of(), Map.of());
    /** Far more than any CRM's product or team list; a bigger file is the pipeline sent in the wrong part. */
    private static final int MAX_ROWS = 100_000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    record Account(String name, String sector, @Nullable Integer employees) {
    }

    @Nullable BigDecimal listPrice(String product) {
        return prices.get(product);
    }

    /** The agent's team as "Manager (office)", or null when sales_teams.csv was not sent or does not name the agent. */
    @Nullable String team(String agent) {
        return teams.get(agent);
    }

    static Map<String, Account> accounts(Reader in, String part) {
        Map<String, Account> accounts = new HashMap<>();
        read(in, part, List.of("account", "sector", "employees"), (record, line) -> {
            String name = required(record, "account", part, line);
            String employees = record.get("employees").strip();
            Integer size = null;
            if (!employees.isEmpty()) {
                try {
                    size = Integer.valueOf(employees);
                } catch (NumberFormatException e) {
                    throw new InvalidFieldException(part, "line " + line + ": employees '" + employees + "' is not a whole number");
                }
            }
            accounts.put(name, new Account(name, record.get("sector").strip(), size));
        });
        return accounts;
    }

    static Map<String, BigDecimal> prices(Reader in, String part) {
        Map<String, BigDecimal> prices = new HashMap<>();
        read(in, part, List.of("product", "sales_price"), (record, line) -> {
            String product = required(record, "product", part, line);
            String price = required(record, "sales_price", part, line);
            try {
                BigDecimal amount = new BigDecimal(price);
                if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 15) {
                    throw new NumberFormatException();
                }
                prices.put(product, amount.setScale(2));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(part, "line " + line + ": sales_price '" + price
                        + "' is not a non-negative amount with at most 2 decimals");
            }
        });
        return prices;
    }

    static Map<String, String> teams(Reader in, String part) {
        Map<String, String> teams = new HashMap<>();
        read(in, part, List.of("sales_agent", "manager", "regional_office"), (record, line) -> {
            String agent = required(record, "sales_agent", part, line);
            String team = required(record, "manager", part, line) + " (" + required(record, "regional_office", part, line) + ")";
            if (team.length() > 120) {
                throw new InvalidFieldException(part, "line " + line + ": manager and regional_office are longer than 120 characters");
            }
            teams.put(agent, team);
        });
        return teams;
    }

    private interface RowHandler {
        void accept(CSVRecord record, long line);
    }

    private static void read(Reader in, String part, List<String> columns, RowHandler handler) {
        try (CSVParser parser = FORMAT.parse(in)) {
            List<String> missing = new ArrayList<>(columns);
            missing.removeAll(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new InvalidFieldException(part, "the CSV lacks the column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "; " + part + ".csv has the header " + String.join(",", columns) + " (and may have more)");
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (line > MAX_ROWS) {
                    throw new InvalidFieldException(part, "has more than " + MAX_ROWS + " rows; is it the pipeline file in the wrong part?");
                }
                if (!record.isConsistent()) {
                    throw new InvalidFieldException(part, "line " + line + " has " + record.size() + " columns; the header has "
                            + parser.getHeaderNames().size());
                }
                handler.accept(record, line);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new InvalidFieldException(part, "is not a CSV file in UTF-8 with a header line: " + e.getMessage());
        }
    }

    private static String required(CSVRecord record, String column, String part, long line) {
        String value = record.get(column).strip();
        if (value.isEmpty() || value.length() > 120 || !value.chars().allMatch(c -> c >= ' ' && c != 0x7f)) {
            throw new InvalidFieldException(part, "line " + line + ": " + column + " must be one line of 1 to 120 printable characters");
        }
        return value;
    }
}
