package dev.docket.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The four files of the CRM export, read as they are, gaps included. */
record CrmExport(List<Opportunity> opportunities, Map<String, Account> accounts, Map<String, BigDecimal> prices,
                 Map<String, String> officeByAgent) {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    record Opportunity(String id, String agent, String product, @Nullable String account, String stage,
                       @Nullable LocalDate engaged) {
    }

    record Account(String name, BigDecimal revenueMillions, int employees) {
    }

    static CrmExport fromClasspath(String folder) {
        List<Opportunity> opportunities = read(folder + "/sales_pipeline.csv", r -> new Opportunity(
                r.get("opportunity_id"), r.get("sales_agent"), product(r.get("product")), blankToNull(r.get("account")),
                r.get("deal_stage"), r.get("engage_date").isBlank() ? null : LocalDate.parse(r.get("engage_date"), US_DATE)));
        Map<String, Account> accounts = read(folder + "/accounts.csv", r -> new Account(r.get("account"),
                new BigDecimal(r.get("revenue")), Integer.parseInt(r.get("employees"))))
                .stream().collect(Collectors.toMap(Account::name, Function.identity()));
        Map<String, BigDecimal> prices = read(folder + "/products.csv", r -> Map.entry(r.get("product"), new BigDecimal(r.get("sales_price"))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, String> offices = read(folder + "/sales_teams.csv", r -> Map.entry(r.get("sales_agent"), r.get("regional_office")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new CrmExport(opportunities, accounts, prices, offices);
    }

    /** The pipeline file spells one product "GTXPro" where the product list says "GTX Pro". */
    private static String product(String name) {
        return name.equals("GTXPro") ? "GTX Pro" : name;
    }

    private static @Nullable String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> List<T> read(String resource, Function<CSVRecord, T> mapper) {
        InputStream in = CrmExport.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Sample file " + resource + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return FORMAT.parse(reader).stream().map(mapper).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample file " + resource, e);
        }
    }
}
