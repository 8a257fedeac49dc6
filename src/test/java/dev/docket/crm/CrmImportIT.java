package dev.docket.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractView;
import dev.docket.contract.Gate;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * POST /api/imports on the full real CRM export (8,800 opportunities, with its accounts, products and sales teams):
 * every row is accounted for, the totals match counts taken from the CSVs independently of Docket's reader, the apply
 * is stored as reported, importing the same files again changes nothing, deals without an account or a price wait
 * behind a gate that says so, and each import is in the audit log.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmImportIT extends DatabaseTest {

    static final List<String> GATES = List.of("commercial-terms-agreed", "pricing-approved", "security-review-done", "signatory-known");

    Imports imports;
    Path folder;
    String csv;
    List<String[]> expected;
    Map<String, BigDecimal> prices;
    Map<String, String> teams;

    @BeforeAll
    void readExport() throws IOException {
        imports = new Imports(api);
        // The full export is kept under src/test/resources so a clean clone proves the import on all 8,800 rows.
        folder = Path.of("src/test/resources/crm-sales-opportunities");
        csv = Files.readString(folder.resolve("sales_pipeline.csv"), StandardCharsets.UTF_8);
        // Independent of Docket's CSV reader: the export has no quoted fields, so a plain split is exact.
        expected = split(csv);
        assertThat(expected).allSatisfy(cols -> assertThat(cols).hasSize(8));
        prices = split(Files.readString(folder.resolve("products.csv"))).stream()
                .collect(Collectors.toMap(c -> c[0], c -> new BigDecimal(c[2])));
        teams = split(Files.readString(folder.resolve("sales_teams.csv"))).stream()
                .collect(Collectors.toMap(c -> c[0], c -> c[1] + " (" + c[2] + ")"));
    }

    private static List<String[]> split(String text) {
        return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    /** The client's default 10 s read timeout is the performance target, not a limit to fail a correctness test on. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.read-timeout", "120s");
    }

    private HttpRequest<?> fourFiles(boolean dryRun) {
        MultipartBody.Builder body = MultipartBody.builder();
        for (String part : List.of("pipeline:sales_pipeline", "accounts:accounts", "products:products", "sales_teams:sales_teams")) {
            String[] p = part.split(":");
            body.addPart(p[0], p[1] + ".csv", MediaType.of("text/csv"), folder.resolve(p[1] + ".csv").toFile());
        }
        return HttpRequest.POST("/api/imports?dryRun=" + dryRun, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private Map<String, Long> stages() {
        return expected.stream().collect(Collectors.groupingBy(cols -> cols[4], Collectors.counting()));
    }

    private static boolean open(String[] cols) {
        return cols[4].equals("Engaging") || cols[4].equals("Prospecting");
    }

    private static String product(String[] cols) {
        return cols[2].equals("GTXPro") ? "GTX Pro" : cols[2];
    }

    @Test
    @Order(1)
    void aDryRunOfThePipelineAloneAccountsForEveryRowAndStoresNothing() {
        ImportJob.View report = imports.csv(csv, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.progress().percent()).isEqualTo(100);
        assertThat(report.progress().rows()).isEqualTo(8_800L);
        assertThat(report.totals()).isEqualTo(new ImportReport.Totals(8_800, 8_800, 0, 0, 0));
        List<ImportReport.Row> rows = imports.rows(report.id());
        assertThat(rows).extracting(ImportReport.Row::line)
                .containsExactlyElementsOf(LongStream.rangeClosed(2, expected.size() + 1).boxed().toList());
        assertThat(rows).extracting(ImportReport.Row::externalRef)
                .containsExactlyElementsOf(expected.stream().map(cols -> cols[0]).toList());
        assertThat(contractRepository.count()).isZero();
    }

    @Test
    @Order(2)
    void theFourFilesApplyWithListPricesTeamsAndTheCrmsDatesAndStages() {
        ImportJob.View report = imports.run(fourFiles(false));

        assertThat(report.files()).containsExactly("pipeline=sales_pipeline.csv", "accounts=accounts.csv", "products=products.csv",
                "sales_teams=sales_teams.csv");
        assertThat(report.totals()).isEqualTo(new ImportReport.Totals(8_800, 8_800, 0, 0, 0));
        assertThat(imports.rows(report.id())).allSatisfy(r -> assertThat(r.contractId()).isNotNull());
        List<Contract> stored = contractRepository.findAll();
        assertThat(stored).hasSize(8_800);
        Map<ContractStatus, Long> byStatus = stored.stream().collect(Collectors.groupingBy(Contract::status, Collectors.counting()));
        Map<String, Long> stages = stages();
        assertThat(byStatus.get(ContractStatus.SIGNED)).isEqualTo(stages.get("Won"));
        assertThat(byStatus.get(ContractStatus.WITHDRAWN)).isEqualTo(stages.get("Lost"));
        assertThat(byStatus.get(ContractStatus.SUBMITTED)).isEqualTo(stages.get("Engaging") + stages.get("Prospecting"));

        // Every open deal without a close value is worth its product's list price; every agent has a team.
        Map<String, Contract> byRef = stored.stream().collect(Collectors.toMap(Contract::externalRef, c -> c));
        for (String[] cols : expected) {
            Contract c = byRef.get(cols[0]);
            BigDecimal value = cols[7].isEmpty() ? prices.get(product(cols)) : new BigDecimal(cols[7]);
            assertThat(c.dealAmount()).as(cols[0]).isEqualByComparingTo(value);
            assertThat(c.team()).as(cols[0]).isEqualTo(teams.get(cols[1]));
        }

        // Open deals without an account wait behind the account-named gate; with a list price for every product,
        // none lacks a price.
        Map<String, Long> dataGates = gateRepository.findAll().stream()
                .collect(Collectors.groupingBy(Gate::name, Collectors.counting()));
        assertThat(dataGates.get(CrmImport.ACCOUNT_GATE)).isEqualTo(expected.stream().filter(c -> open(c) && c[3].isEmpty()).count())
                .isEqualTo(1_425);
        assertThat(dataGates).doesNotContainKey(CrmImport.PRICE_GATE);

        Contract first = byRef.get(expected.get(0)[0]);
        assertThat(first.submittedAt()).hasToString("2016-10-20T09:00:00Z"); // engage_date 10/20/2016
        assertThat(first.targetCloseDate()).hasToString("2017-03-01");
        assertThat(first.readySince()).as("no gate is known from the CRM, so nothing is ready").isNull();
        assertThat(first.version()).as("stored as a repository save stores it, so later edits' version checks hold").isZero();
        assertThat(first.createdAt()).isEqualTo(first.updatedAt());
    }

    @Test
    @Order(3)
    void importingTheSameFilesAgainOrThePipelineAloneChangesNothing() {
        Map<Long, Contract> before = new HashMap<>();
        contractRepository.findAll().forEach(c -> before.put(c.id(), c));

        ImportJob.View again = imports.run(fourFiles(false));
        assertThat(again.totals().unchanged()).isEqualTo(8_800);
        // The pipeline alone has no list prices or teams: what the four files added stays as it was.
        ImportJob.View alone = imports.csv(csv, false);
        assertThat(alone.totals().unchanged()).isEqualTo(8_800);

        Map<Long, Contract> after = new HashMap<>();
        contractRepository.findAll().forEach(c -> after.put(c.id(), c));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aDealWithoutAnAccountOrPriceWaitsBehindAGateNamingItUntilItPasses() {
        String body = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
                + "GATE-1,Moses Frase,Brand New Thing,,Engaging,1/1/2017,,\n";
        ImportJob.View report = imports.csv(body, false);
        assertThat(report.totals().created()).isEqualTo(1);
        Contract c = contractRepository.findByExternalRef("GATE-1").orElseThrow();

        rankingService.fresh();
        ContractView view = api.get("/api/contracts/" + c.id(), ContractView.class);
        assertThat(view.ready()).isFalse();
        assertThat(view.missingGates()).contains(CrmImport.ACCOUNT_GATE, CrmImport.PRICE_GATE);
        String explanation = api.get("/api/contracts/" + c.id() + "/explanation", String.class);
        assertThat(explanation).contains("the checklist item 'account named' is still open").contains("the checklist item 'price known' is still open");

        // The CRM later names the account and a value: the import passes those two gates itself.
        ImportJob.View later = imports.csv(body.replace(",Engaging,1/1/2017,,", "Initech,Engaging,1/1/2017,,1200")
                .replace("Brand New Thing,,", "Brand New Thing,"), false);
        assertThat(later.totals().updated()).isEqualTo(1);
        assertThat(api.get("/api/contracts/" + c.id(), ContractView.class).missingGates())
                .doesNotContain(CrmImport.ACCOUNT_GATE, CrmImport.PRICE_GATE).containsAll(GATES);

        // Another deal: legal passes everything through the API, the data gates included, and it is ready.
        imports.csv(body.replace("GATE-1", "GATE-2"), false);
        long id = contractRepository.findByExternalRef("GATE-2").orElseThrow().id();
        for (String gate : List.of(GATES.get(0), GATES.get(1), GATES.get(2), GATES.get(3), CrmImport.ACCOUNT_GATE)) {
            api.exchange(HttpRequest.PUT("/api/contracts/" + id + "/gates/" + gate, Map.of("passed", true)), ContractView.class);
        }
        ContractView blocked = api.get("/api/contracts/" + id, ContractView.class);
        assertThat(blocked.ready()).isFalse();
        assertThat(blocked.missingGates()).containsExactly(CrmImport.PRICE_GATE);
        ContractView ready = api.exchange(HttpRequest.PUT("/api/contracts/" + id + "/gates/" + CrmImport.PRICE_GATE,
                Map.of("passed", true)), ContractView.class).body();
        assertThat(ready.ready()).isTrue();
        assertThat(ready.missingGates()).isEmpty();
        rankingService.fresh();
        assertThat(api.get("/api/contracts/" + id + "/explanation", String.class)).contains("\"lane\":\"READY\"")
                .contains("\"blockers\":[]");
    }

    @Test
    @Order(5)
    void aStageChangeFollowsTheLifecycleAndABadRowIsRejectedWithItsReason() {
        String header = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n";
        String[] lost = expected.stream().filter(cols -> cols[4].equals("Lost")).findFirst().orElseThrow();
        String[] won = expected.stream().filter(cols -> cols[4].equals("Won")).findFirst().orElseThrow();
        String[] open = expected.stream().filter(cols -> cols[4].equals("Engaging") && !cols[3].isEmpty()).findFirst().orElseThrow();
        String[] closing = expected.stream().filter(cols -> cols[4].equals("Engaging") && !cols[3].isEmpty()).skip(1).findFirst().orElseThrow();
        String body = header
                + String.join(",", lost[0], lost[1], lost[2], lost[3], "Engaging", lost[5], "", "") + "\n"
                + String.join(",", open[0], open[1], open[2], "Newco", open[4], open[5], "", "") + "\n"
                + "bad ref,Moses Frase,GTX Pro,Acme,Won,1/1/2017,2/30/2017,10\n"
                + "X1,Moses Frase,GTX Pro,Acme,Maybe,1/1/2017,,\n"
                + String.join(",", won[0], won[1], won[2], won[3], won[4], won[5], won[6], "1") + "\n"
                + String.join(",", closing[0], closing[1], closing[2], closing[3], "Lost", closing[5], "3/1/2017", "0") + "\n";
        long version = contractRepository.findByExternalRef(open[0]).orElseThrow().version();

        ImportJob.View report = imports.csv(body, false);

        List<ImportReport.Row> rows = imports.rows(report.id());
        assertThat(rows).extracting(ImportReport.Row::outcome).containsExactly(ImportReport.Outcome.REJECTED,
                ImportReport.Outcome.UPDATED, ImportReport.Outcome.REJECTED, ImportReport.Outcome.REJECTED,
                ImportReport.Outcome.REJECTED, ImportReport.Outcome.UPDATED);
        assertThat(rows.get(0).reason()).contains("cannot move from WITHDRAWN to SUBMITTED").contains("never reopens a closed contract");
        assertThat(rows.get(2).reason()).contains("opportunity_id 'bad ref'");
        assertThat(rows.get(3).reason()).contains("deal_stage 'Maybe'");
        assertThat(rows.get(4).reason()).contains("is SIGNED and a closed contract is not edited");
        Contract updated = contractRepository.findByExternalRef(open[0]).orElseThrow();
        assertThat(updated.account()).isEqualTo("Newco");
        assertThat(updated.version()).isEqualTo(version + 1);
        assertThat(contractRepository.findByExternalRef(lost[0]).orElseThrow().status()).isEqualTo(ContractStatus.WITHDRAWN);
        assertThat(contractRepository.findByExternalRef(won[0]).orElseThrow().dealAmount()).isEqualByComparingTo(won[7]);
        assertThat(contractRepository.findByExternalRef(closing[0]).orElseThrow().status()).isEqualTo(ContractStatus.WITHDRAWN);
    }

    @Test
    @Order(6)
    void everyImportIsInTheAuditLogWithWhoFilesTotalsAndKind() {
        @SuppressWarnings("unchecked")
        Map<String, Object> page = api.get("/api/audit?entity=import&size=1000", Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("items");
        assertThat(entries).extracting(e -> e.get("action")).contains("dry-run", "apply");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("actor")).isNotNull().isNotEqualTo("anonymous"));
        assertThat(entries).anySatisfy(e -> assertThat((String) e.get("after"))
                .contains("\"files\":[\"pipeline=sales_pipeline.csv\",\"accounts=accounts.csv\",\"products=products.csv\",\"sales_teams=sales_teams.csv\"]")
                .contains("\"dryRun\":false").contains("\"created\":8800"));
        assertThat(entries.stream().filter(e -> "dry-run".equals(e.get("action"))).findFirst().orElseThrow().get("after").toString())
                .contains("\"dryRun\":true").contains("\"rows\":8800");
    }

    /** 100,000 generated opportunities in one file, in the export's format, written to target/ by the test. */
    static Path generate(int rows) throws IOException {
        Path file = Path.of("target", "crm-generated-" + rows + ".csv");
        String[] agents = {"Moses Frase", "Darcel Schlecht", "Anna Snelling", "Versie Hillebrand"};
        String[] products = {"GTX Basic", "GTXPro", "MG Special", "GTK 500"};
        String[] stages = {"Won", "Lost", "Engaging", "Prospecting"};
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n");
            for (int i = 0; i < rows; i++) {
                String stage = stages[i % 4];
                boolean closed = i % 4 < 2;
                out.write("GEN" + i + "," + agents[i % agents.length] + "," + products[(i / 4) % products.length] + ","
                        + (i % 7 == 0 ? "" : "Account " + (i % 500)) + "," + stage + ","
                        + (stage.equals("Prospecting") ? "" : (1 + i % 12) + "/" + (1 + i % 28) + "/2017") + ","
                        + (closed ? (1 + i % 12) + "/" + (1 + i % 28) + "/2018," + (100 + i % 9000) : ",") + "\n");
            }
        }
        return file;
    }

    private HttpRequest<?> async(Path pipeline, boolean dryRun) {
        MultipartBody body = MultipartBody.builder()
                .addPart("pipeline", "generated.csv", MediaType.of("text/csv"), pipeline.toFile())
                .addPart("products", "products.csv", MediaType.of("text/csv"), folder.resolve("products.csv").toFile())
                .addPart("sales_teams", "sales_teams.csv", MediaType.of("text/csv"), folder.resolve("sales_teams.csv").toFile()).build();
        return HttpRequest.POST("/api/imports?dryRun=" + dryRun, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header("Prefer", "respond-async");
    }

    /** Polls the import at its Location until it has finished, keeping every progress figure it showed. */
    private ImportJob.View await(HttpRequest<?> request, List<Integer> percents) throws InterruptedException {
        var accepted = api.exchange(request, ImportJob.View.class);
        assertThat(accepted.status().getCode()).isEqualTo(202);
        String location = accepted.getHeaders().get("Location");
        assertThat(location).isEqualTo("/api/imports/" + accepted.body().id());
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            ImportJob.View view = api.get(location, ImportJob.View.class);
            percents.add(view.progress().percent());
            if (view.state() == ImportJob.State.DONE || view.state() == ImportJob.State.FAILED) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + location + " did not finish in 10 minutes");
    }

    @Test
    @Order(7)
    void aHundredThousandRowsStreamAsAJobWithProgressAndAPagedReport() throws Exception {
        emptyBacklog();
        int n = 100_000;
        Path file = generate(n);
        assertThat(Files.size(file)).as("more than the 1 MB a buffered body may have").isGreaterThan(4_000_000);
        long blank = Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", -1))
                .filter(c -> c[3].isEmpty() && (c[4].equals("Engaging") || c[4].equals("Prospecting"))).count();

        List<Integer> dryPercents = new java.util.ArrayList<>();
        ImportJob.View dry = await(async(file, true), dryPercents);
        assertThat(dry.state()).as(dry.error()).isEqualTo(ImportJob.State.DONE);
        assertThat(dry.totals()).isEqualTo(new ImportReport.Totals(n, n, 0, 0, 0));
        assertThat(dry.progress()).isEqualTo(new ImportJob.Progress((long) n, n, n, 0, 100));
        assertThat(dryPercents).isSorted().last().isEqualTo(100);
        List<ImportReport.Row> rows = imports.rows(dry.id());
        assertThat(rows).hasSize(n);
        assertThat(rows.get(n - 1).line()).isEqualTo(n + 1);
        CrmImportController.RowsPage lastPage = api.get("/api/imports/" + dry.id() + "/rows?page=9&size=10000",
                CrmImportController.RowsPage.class);
        assertThat(lastPage.total()).isEqualTo(n);
        assertThat(lastPage.rows()).hasSize(10_000).last().extracting(ImportReport.Row::externalRef).isEqualTo("GEN" + (n - 1));
        assertThat(contractRepository.count()).isZero();

        List<Integer> percents = new java.util.ArrayList<>();
        ImportJob.View applied = await(async(file, false), percents);
        assertThat(applied.state()).as(applied.error()).isEqualTo(ImportJob.State.DONE);
        assertThat(applied.totals().created()).isEqualTo(n);
        assertThat(percents).isSorted().last().isEqualTo(100);
        assertThat(contractRepository.count()).isEqualTo(n);
        assertThat(gateRepository.findAll().stream().filter(g -> g.name().equals(CrmImport.ACCOUNT_GATE)).count()).isEqualTo(blank);
    }

    @Test
    @Order(8)
    void badInputIsA4xxNamingWhatIsWrongAndStoresNothing() throws Exception {
        long before = contractRepository.count();
        byte[] pipeline = Files.readAllBytes(folder.resolve("sales_pipeline.csv"));
        java.util.function.Function<MultipartBody.Builder, Api.Failure> post = b -> api.fail(HttpRequest.POST("/api/imports",
                b.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));

        Api.Failure wrongPart = post.apply(MultipartBody.builder().addPart("pipeline", "p.csv", MediaType.of("text/csv"), pipeline)
                .addPart("teams", "t.csv", MediaType.of("text/csv"), new byte[]{'x'}));
        assertThat(wrongPart.status()).isEqualTo(400);
        assertThat(wrongPart.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("teams"));
        assertThat(wrongPart.problem().detail()).contains("sales_teams");

        Api.Failure noPipeline = post.apply(MultipartBody.builder().addPart("accounts", "a.csv", MediaType.of("text/csv"),
                folder.resolve("accounts.csv").toFile()));
        assertThat(noPipeline.status()).isEqualTo(400);
        assertThat(noPipeline.problem().detail()).contains("pipeline").contains("is required");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R', (byte) 0xff, (byte) 0xfe};
        Api.Failure notCsv = post.apply(MultipartBody.builder().addPart("pipeline", "logo.png", MediaType.of("image/png"), png));
        assertThat(notCsv.status()).isEqualTo(400);
        assertThat(notCsv.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("pipeline"));

        Api.Failure missingColumn = post.apply(MultipartBody.builder().addPart("pipeline", "p.csv", MediaType.of("text/csv"),
                "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date\nA1,x,y,z,Won,1/1/2017,2/1/2017\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(missingColumn.status()).isEqualTo(400);
        assertThat(missingColumn.problem().detail()).contains("lacks the column close_value");

        Api.Failure badProducts = post.apply(MultipartBody.builder().addPart("pipeline", "p.csv", MediaType.of("text/csv"), pipeline)
                .addPart("products", "products.csv", MediaType.of("text/csv"), "product,sales_price\nGTX Basic,cheap\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(badProducts.status()).isEqualTo(400);
        assertThat(badProducts.problem().detail()).contains("line 2").contains("sales_price 'cheap'");

        Api.Failure mappingUnknownHeader = post.apply(MultipartBody.builder().addPart("pipeline", "p.csv", MediaType.of("text/csv"), pipeline)
                .addPart("mapping", "{\"columns\": {\"close_value\": \"Amount\"}}"));
        assertThat(mappingUnknownHeader.status()).isEqualTo(400);
        assertThat(mappingUnknownHeader.problem().detail()).contains("lacks the column Amount");

        Api.Failure mappingUnknownColumn = post.apply(MultipartBody.builder().addPart("pipeline", "p.csv", MediaType.of("text/csv"), pipeline)
                .addPart("mapping", "{\"columns\": {\"deal_size\": \"Amount\"}}"));
        assertThat(mappingUnknownColumn.status()).isEqualTo(400);
        assertThat(mappingUnknownColumn.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("mapping.columns.deal_size"));

        assertThat(api.fail(HttpRequest.GET("/api/imports/1")).status()).isEqualTo(404);
        assertThat(api.fail(HttpRequest.GET("/api/imports/abc")).status()).as("an id that cannot be one names no import").isEqualTo(404);
        assertThat(api.fail(HttpRequest.GET("/api/imports/1/rows?size=0")).status()).isEqualTo(400);
        assertThat(api.fail(HttpRequest.GET("/api/imports/1/rows?outcome=MAYBE")).status()).isEqualTo(400);

        // Over the import's limit: refused on the declared length, before a byte of the body is read.
        assertThat(rawStatus("POST /api/imports HTTP/1.1", "text/csv", 300L * 1024 * 1024)).startsWith("HTTP/1.1 413");
        assertThat(rawStatus("POST /api/imports HTTP/1.1", "multipart/form-data; boundary=b", 300L * 1024 * 1024)).startsWith("HTTP/1.1 413");
        // The limit is raised for the streamed import only: a 2 MB JSON body is still refused.
        Api.Failure bigJson = api.fail(Api.json("POST", "/api/contracts", "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"));
        assertThat(bigJson.status()).isEqualTo(413);
        assertThat(contractRepository.count()).isEqualTo(before);
    }

    /** Sends only the request head, declaring a body of {@code length} bytes, and returns the status line. */
    private String rawStatus(String requestLine, String contentType, long length) throws IOException {
        try (var socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer " + RUNNER_TOKEN + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

}
