package dev.docket.system;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import dev.docket.contract.Contract;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a newcomer gets wrong in the URL, the query or the framing of a request is refused in Docket's words: the
 * parameter, what it must be and what came instead, never Java's text ("For input string", "No enum constant
 * dev.docket...", "More than 1 route matched", a parser's "[Source: REDACTED ...]"). An id that cannot be one
 * names no resource, so it is the 404 an unknown id gets.
 */
@MicronautTest(transactional = false)
class ClearRefusalsIT extends DatabaseTest {

    private static final List<String> JAVA_TEXT = List.of("For input string", "No enum constant", "dev.docket", "More than 1 route",
            "could not be parsed", "REDACTED", "Required Body", "Required QueryValue", "VALUE_STRING", "START_OBJECT");

    @Inject
    EmbeddedServer server;

    @BeforeAll
    void seed() {
        api.create(contract("CLEAR-1"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // Path variables that cannot be ids: each numeric one of each kind of resource.
                refused("uuid import id", HttpRequest.GET("/api/imports/0b9c4f3e-1111-2222-3333-444455556666"), 404, "id",
                        "No import has id '0b9c4f3e-1111-2222-3333-444455556666': import ids are whole numbers"),
                refused("word contract id", HttpRequest.GET("/api/contracts/abc"), 404, "id", "No contract has id 'abc': contract ids are whole numbers"),
                refused("huge contract id", HttpRequest.GET("/api/contracts/99999999999999999999/explanation"), 404, "id",
                        "contract ids are whole numbers up to 9223372036854775807"),
                refused("contract id with a space", HttpRequest.GET("/api/contracts/1%20"), 404, "id", "No contract has id '1 '"),
                refused("contract id with a control character", HttpRequest.GET("/api/contracts/%01"), 404, "id", "No contract has id '\\u0001'"),
                refused("fraction delivery id", HttpRequest.POST("/api/webhooks/1/deliveries/1.5/replay", ""), 404, "deliveryId",
                        "No delivery has id '1.5': delivery ids are whole numbers"),
                refused("word rule set version", HttpRequest.GET("/api/rules/versions/latest"), 404, "number",
                        "No version has number 'latest': version numbers are whole numbers"),
                refused("word approval id", json("POST", "/api/approvals/first/decision", "{}"), 404, "approvalId", "No approval has id 'first'"),
                refused("word override id", HttpRequest.POST("/api/overrides/x/approve", ""), 404, "overrideId", "No override has id 'x'"),
                refused("word token id", HttpRequest.POST("/api/admin/tokens/me/revoke", ""), 404, "id", "No token has id 'me'"),
                refused("unknown health group", HttpRequest.GET("/health/nosuch"), 404, "type", "must be one of LIVENESS, READINESS, not 'nosuch'"),
                refused("unknown path", HttpRequest.GET("/api/contract/1"), 404, null, "Docket has no endpoint at this path; GET /swagger/docket.yml"),
                // Query parameters of each type.
                refused("word page", HttpRequest.GET("/api/contracts?page=first"), 400, "page", "must be a whole number, not 'first'"),
                refused("huge size", HttpRequest.GET("/api/ranking?size=99999999999"), 400, "size", "must be a whole number up to 2147483647"),
                refused("unknown status", HttpRequest.GET("/api/contracts?status=open"), 400, "status", "must be one of SUBMITTED"),
                refused("unknown lane", HttpRequest.GET("/api/ranking?lane=fast"), 400, "lane", "must be one of"),
                refused("day-first date", HttpRequest.GET("/api/reports/flow?from=05-11-2026&to=2026-11-30"), 400, "from",
                        "must be a date in the form YYYY-MM-DD, not '05-11-2026'"),
                refused("date for a time", HttpRequest.GET("/api/ranking?at=2026-11-05"), 400, "at", "must be a time in ISO 8601 form"),
                refused("word for a number", HttpRequest.GET("/contracts/1/what-if?expansion=lots"), 400, "expansion", "must be a number"),
                refused("a long value is cut", HttpRequest.GET("/api/contracts?page=" + "x".repeat(500)), 400, "page", "…(500 characters)"),
                refused("missing required query parameter", HttpRequest.GET("/api/approvals/inbox"), 400, "decisionMaker",
                        "is required: send the query parameter decisionMaker (text)"),
                refused("missing version to compare", HttpRequest.GET("/rules/diff?to=1"), 400, "from", "is required: send the query parameter from (a whole number)"),
                // Bodies that are not objects, or not JSON.
                refused("text for the body", json("POST", "/api/contracts", "\"contract\""), 400, null, "the body must be a JSON object {...}, not text"),
                refused("list for the body", json("POST", "/api/contracts", "[]"), 400, null, "the body must be a JSON object {...}, not a list"),
                refused("text for a money field", json("POST", "/api/contracts", StrictApiIT.body("").replace(
                        "{\"amount\":100,\"currency\":\"USD\"}", "\"100 USD\"")), 400, "dealValue", "must be a JSON object {...}, not text"),
                refused("text where JSON goes", HttpRequest.POST("/api/contracts", "hello").contentType(MediaType.TEXT_PLAIN_TYPE), 415, null,
                        "POST /api/contracts takes a body of Content-Type application/json, and this request has Content-Type text/plain"),
                refused("unterminated object", json("POST", "/api/contracts", "{\"title\":\"x\""), 400, null, "the body is not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedInDocketsWords(String name, HttpRequest<?> request, int status, String field, String message) {
        List<Contract> before = contractRepository.findAll();

        Api.Failure failure = api.fail(request);

        assertThat(failure.status()).as("status of " + failure.problem()).isEqualTo(status);
        assertThat(failure.contentType()).isEqualTo("application/problem+json");
        assertThat(failure.problem().detail()).as("detail").contains(message);
        JAVA_TEXT.forEach(text -> assertThat(failure.problem().detail()).as("detail").doesNotContain(text));
        if (field != null) {
            assertThat(failure.problem().errors()).as("errors").anySatisfy(e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.message()).contains(message);
            });
        }
        assertThat(contractRepository.findAll()).as("contracts after").containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void anImportWithoutContentTypeIs415NamingTheTwoItTakes() throws Exception {
        HttpResponse<String> response = send("POST", "/api/imports?dryRun=false", null, "");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("POST /api/imports takes a body of Content-Type").contains("text/csv").contains("multipart/form-data")
                .contains("this request has no Content-Type").doesNotContain("More than 1 route");
    }

    @Test
    void aJsonRouteWithoutABodySaysSo() throws Exception {
        List<Contract> before = contractRepository.findAll();

        HttpResponse<String> response = send("POST", "/api/contracts", null, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("the request has no body; POST /api/contracts takes a body of Content-Type application/json")
                .doesNotContain("Required Body");
        assertThat(contractRepository.findAll()).containsExactlyInAnyOrderElementsOf(before);
    }

    /** Through the JDK's client: Micronaut's sets a Content-Type even on an empty body. */
    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + RUNNER_TOKEN)
                .method(method, body.isEmpty() ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Arguments refused(String name, HttpRequest<?> request, int status, String field, String message) {
        return Arguments.of(name, request, status, field, message);
    }
}
