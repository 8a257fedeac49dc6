package dev.docket.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractStatus;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** A HubSpot-style export imports with a column mapping and no code; a mapping that makes no sense is a 400 naming the entry. */
@MicronautTest(transactional = false)
class ColumnMappingIT extends DatabaseTest {

    static final String HUBSPOT = """
            Record ID,Deal Name,Deal owner,Product,Associated Company,Deal Stage,Create Date,Close Date,Amount
            9001,Renewal,Ada Lovelace,GTX Pro,Initech,appointmentscheduled,2026-09-01,,
            9002,Upsell,Ada Lovelace,MG Special,Globex,closedwon,2026-08-03,2026-10-30,5400.50
            9003,New logo,Alan Turing,GTX Basic,,closedlost,2026-07-15,2026-09-01,0
            9004,Odd,Alan Turing,GTX Basic,Initech,decisionmakerboughtin,2026-07-15,,
            """;
    static final String MAPPING = """
            {"columns": {"opportunity_id": "Record ID", "sales_agent": "Deal owner", "product": "Product",
                         "account": "Associated Company", "deal_stage": "Deal Stage", "engage_date": "Create Date",
                         "close_date": "Close Date", "close_value": "Amount"},
             "stages": {"appointmentscheduled": "Prospecting", "closedwon": "Won", "closedlost": "Lost"},
             "dateFormat": "yyyy-MM-dd"}
            """;

    private HttpRequest<?> request(String csv, String mapping) {
        return HttpRequest.POST("/api/imports?dryRun=false", MultipartBody.builder()
                        .addPart("file", "deals.csv", MediaType.of("text/csv"), csv.getBytes(StandardCharsets.UTF_8))
                        .addPart("mapping", mapping).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    @Test
    void aHubSpotExportImportsThroughItsMapping() {
        Imports imports = new Imports(api);
        ImportJob.View report = imports.run(request(HUBSPOT, MAPPING));

        assertThat(report.totals()).isEqualTo(new ImportReport.Totals(4, 3, 0, 0, 1));
        assertThat(imports.rows(report.id()).get(3).reason()).contains("deal_stage 'decisionmakerboughtin'");
        Contract won = contractRepository.findByExternalRef("9002").orElseThrow();
        assertThat(won.status()).isEqualTo(ContractStatus.SIGNED);
        assertThat(won.dealAmount()).isEqualByComparingTo("5400.50");
        assertThat(won.submittedAt()).hasToString("2026-08-03T09:00:00Z");
        assertThat(contractRepository.findByExternalRef("9001").orElseThrow().status()).isEqualTo(ContractStatus.SUBMITTED);
        assertThat(contractRepository.findByExternalRef("9003").orElseThrow().account()).isEqualTo(CrmImport.NO_ACCOUNT);
    }

    @Test
    void aMappingThatMakesNoSenseIsA400NamingTheEntry() {
        long before = contractRepository.count();

        Api.Failure unknownColumn = api.fail(request(HUBSPOT, "{\"columns\": {\"deal_size\": \"Amount\"}}"));
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("mapping.columns.deal_size"));

        Api.Failure badStage = api.fail(request(HUBSPOT, "{\"stages\": {\"closedwon\": \"Signed\"}}"));
        assertThat(badStage.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("mapping.stages.closedwon"));

        Api.Failure notJson = api.fail(request(HUBSPOT, "{\"columns\": 5}"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("mapping"));

        assertThat(contractRepository.count()).isEqualTo(before);
    }
}
