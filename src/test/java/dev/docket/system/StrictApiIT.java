package dev.docket.system;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.json;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractView;
import dev.docket.contract.Gate;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict API of issue 13: what Docket does not understand it refuses with a 4xx problem naming the field
 * in words a person reads, and it stores nothing. No coercion, no lenient JSON, sane dates, clean text.
 */
@MicronautTest(transactional = false)
class StrictApiIT extends DatabaseTest {

    long existingId;
    long existingVersion;

    @BeforeAll
    void seed() {
        ContractView existing = api.create(contract("STRICT-1"));
        existingId = existing.id();
        existingVersion = existing.version();
    }

    /** A valid create body with one raw JSON member replaced or added, so each case is one small deviation. */
    static String body(String member) {
        return "{\"externalRef\":\"S-NEW\",\"title\":\"MSA\",\"account\":\"Acme\",\"owner\":\"o\",\"team\":\"t\",\"product\":\"p\","
                + "\"contractType\":\"MSA\",\"paper\":\"OURS\",\"dealValue\":{\"amount\":100,\"currency\":\"USD\"}"
                + (member.isEmpty() ? "" : "," + member) + "}";
    }

    static HttpRequest<?> create(String member) {
        return json("POST", "/api/contracts", body(member));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("unknown field", id -> create("\"targetCloseDat\":\"2026-12-01\""), 400, "targetCloseDat", "unknown field"),
                bad("read-only status on create", id -> create("\"status\":\"SIGNED\""), 400, "status", "unknown field"),
                bad("read-only id on patch", id -> HttpRequest.PATCH("/api/contracts/" + id, map("version", 0, "id", 5)),
                        400, "id", "unknown field"),
                bad("number for a title", id -> json("POST", "/api/contracts", body("").replace("\"title\":\"MSA\"", "\"title\":123")),
                        400, "title", "must be text in quotes, not a number"),
                bad("boolean for a version", id -> json("PATCH", "/api/contracts/" + id, "{\"version\":true,\"title\":\"x\"}"),
                        400, "version", "must be a whole number, not true"),
                bad("fraction for a version", id -> json("PATCH", "/api/contracts/" + id, "{\"version\":0.5,\"title\":\"x\"}"),
                        400, "version", "must be a whole number"),
                bad("string for an amount", id -> json("POST", "/api/contracts", body("").replace("\"amount\":100", "\"amount\":\"100\"")),
                        400, "dealValue.amount", "must be a number, not text"),
                bad("list for an enum", id -> json("POST", "/api/contracts", body("").replace("\"contractType\":\"MSA\"", "\"contractType\":[\"MSA\"]")),
                        400, "contractType", "must be one of NDA, MSA"),
                bad("lower-case enum", id -> json("POST", "/api/contracts", body("").replace("\"paper\":\"OURS\"", "\"paper\":\"ours\"")),
                        400, "paper", "'ours' is not one of OURS, CUSTOMER"),
                bad("string for a gate state", id -> json("PUT", "/api/contracts/" + id + "/gates/pricing-approved",
                        "{\"passed\":\"yes\"}"), 400, "passed", "must be true or false, not text"),
                bad("number for a gate state", id -> json("PUT", "/api/contracts/" + id + "/gates/pricing-approved",
                        "{\"passed\":1}"), 400, "passed", "must be true or false, not a number"),
                bad("trailing garbage", id -> json("POST", "/api/contracts", body("") + "garbage"), 400, null, "after the JSON value"),
                bad("two documents", id -> json("POST", "/api/contracts", body("") + body("")), 400, null, "after the JSON value"),
                bad("duplicate key", id -> create("\"title\":\"Other\""), 400, "title", "more than once"),
                bad("date as a number", id -> create("\"targetCloseDate\":20261231"), 400, "targetCloseDate", "must be a date in quotes"),
                bad("date without dashes", id -> create("\"targetCloseDate\":\"20261231\""), 400, "targetCloseDate", "is not a date in the form YYYY-MM-DD"),
                bad("date in the year 1000", id -> create("\"targetCloseDate\":\"1000-01-01\""), 400, "targetCloseDate", "outside the years 1970 to 2199"),
                bad("date after 9999", id -> create("\"targetCloseDate\":\"+10000-01-01\""), 400, "targetCloseDate", "outside the years"),
                bad("impossible date", id -> create("\"targetCloseDate\":\"2026-02-30\""), 400, "targetCloseDate", "is not a date"),
                bad("NUL in a title", id -> HttpRequest.POST("/api/contracts", contract("S-N", "title", "a\u0000b")), 400, "title", "control character"),
                bad("ESC in a title", id -> HttpRequest.POST("/api/contracts", contract("S-E", "title", "a\u001b[31mb")), 400, "title", "control character"),
                bad("right-to-left override", id -> HttpRequest.POST("/api/contracts", contract("S-R", "account", "Acme\u202Efdp.exe")), 400, "account", "bidirectional"),
                bad("lone surrogate", id -> create("\"assignee\":\"a\\ud800b\""), 400, "assignee", "lone surrogate"),
                bad("zero-width-only title", id -> HttpRequest.POST("/api/contracts", contract("S-Z", "title", "\u200B\u200B")), 400, "title", "must not be blank"),
                bad("line break in a single-line field", id -> HttpRequest.POST("/api/contracts", contract("S-L", "owner", "a\nb")), 400, "owner", "one line"),
                bad("external reference with spaces", id -> HttpRequest.POST("/api/contracts", contract("a b c")), 400, "externalRef", "letters, digits"),
                bad("lower-case currency", id -> HttpRequest.POST("/api/contracts", contract("S-C", "dealValue", map("amount", 1, "currency", "usd"))),
                        400, "dealValue.currency", "upper case"),
                bad("ready=maybe", id -> HttpRequest.GET("/api/contracts?ready=maybe"), 400, "ready", "true or false"),
                bad("huge page", id -> HttpRequest.GET("/api/contracts?page=21474837"), 400, "page", "must be less than or equal to"),
                bad("huge ranking page", id -> HttpRequest.GET("/api/ranking?page=21474837"), 400, "page", "must be less than or equal to"),
                bad("null in a rule delete list", id -> json("POST", "/api/rules/validate", "{\"files\":[],\"delete\":[null]}"),
                        400, null, "delete[0]: must be the path of a file in the rule set"),
                bad("long URL", id -> HttpRequest.GET("/api/contracts?owner=" + "x".repeat(10_000)), 414, null, "URL is too long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedClearlyAndChangesNothing(String name, LongFunction<HttpRequest<?>> request, int status, String field, String message) {
        List<Contract> contractsBefore = contractRepository.findAll();
        List<Gate> gatesBefore = gateRepository.findAll();

        Api.Failure failure = api.fail(request.apply(existingId));

        assertThat(failure.status()).as("status of " + failure.problem()).isEqualTo(status);
        assertThat(failure.contentType()).isEqualTo("application/problem+json");
        assertThat(failure.problem().status()).isEqualTo(status);
        assertThat(failure.problem().detail()).as("detail").contains(message).doesNotContain("REDACTED").doesNotContain("Feature");
        if (field != null) {
            assertThat(failure.problem().errors()).as("errors").anySatisfy(e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.message()).contains(message);
            });
        }
        assertThat(contractRepository.findAll()).as("contracts after").containsExactlyInAnyOrderElementsOf(contractsBefore);
        assertThat(gateRepository.findAll()).as("gates after").containsExactlyInAnyOrderElementsOf(gatesBefore);
        assertThat(contractRepository.findById(existingId).orElseThrow().version()).isEqualTo(existingVersion);
    }

    /** Micronaut's client always sets a Content-Type, so this one goes out through the JDK's client. */
    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/contracts"))
                        .header("Authorization", "Bearer " + RUNNER_TOKEN)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(""))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("no Content-Type header");
        assertThat(contractRepository.findByExternalRef("S-NEW")).isEmpty();
    }

    @Test
    void listsWithoutAFilterOrWithAnEmptyOne() {
        assertThat(api.exchange(HttpRequest.GET("/api/contracts"), String.class).code()).isEqualTo(200);
        assertThat(api.exchange(HttpRequest.GET("/api/contracts?status="), String.class).code()).isEqualTo(200);
    }

    private static Arguments bad(String name, LongFunction<HttpRequest<?>> request, int status, String field, String message) {
        return Arguments.of(name, request, status, field, message);
    }
}
