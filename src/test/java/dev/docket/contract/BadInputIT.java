package dev.docket.contract;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.json;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad request gets a precise 4xx problem naming the field, and the database is left exactly as it was. */
@MicronautTest(transactional = false)
class BadInputIT extends DatabaseTest {

    long existingId;
    long existingVersion;

    @BeforeAll
    void seed() {
        ContractView existing = api.create(contract("EXISTING-1"));
        existingId = existing.id();
        existingVersion = existing.version();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("missing title", id -> HttpRequest.POST("/api/contracts", contract("B-1", "title", null)),
                        400, "title", "must not be blank"),
                bad("blank owner", id -> HttpRequest.POST("/api/contracts", contract("B-2", "owner", "  ")),
                        400, "owner", "must not be blank"),
                bad("negative deal value", id -> HttpRequest.POST("/api/contracts",
                        contract("B-3", "dealValue", map("amount", -5, "currency", "USD"))),
                        400, "dealValue.amount", "must be greater than or equal to 0"),
                bad("negative expansion potential", id -> HttpRequest.POST("/api/contracts",
                        contract("B-4", "expansionPotential", map("amount", -1, "currency", "USD"))),
                        400, "expansionPotential.amount", "must be greater than or equal to 0"),
                bad("deal value is not a number", id -> json("POST", "/api/contracts",
                        "{\"externalRef\":\"B-5\",\"title\":\"t\",\"account\":\"a\",\"owner\":\"o\",\"team\":\"t\",\"product\":\"p\","
                                + "\"contractType\":\"MSA\",\"paper\":\"OURS\",\"dealValue\":{\"amount\":\"lots\",\"currency\":\"USD\"}}"),
                        400, "dealValue.amount", "must be a number, not text"),
                bad("fractions of a cent", id -> HttpRequest.POST("/api/contracts",
                        contract("B-6", "dealValue", map("amount", 10.005, "currency", "USD"))),
                        400, "dealValue.amount", "numeric value out of bounds"),
                bad("missing deal value", id -> HttpRequest.POST("/api/contracts", contract("B-7", "dealValue", null)),
                        400, "dealValue", "must not be null"),
                bad("unknown contract type", id -> HttpRequest.POST("/api/contracts", contract("B-8", "contractType", "LEASE")),
                        400, null, "LEASE"),
                bad("not an ISO currency", id -> HttpRequest.POST("/api/contracts",
                        contract("B-9", "dealValue", map("amount", 100, "currency", "XYZ"))),
                        400, "dealValue.currency", "'XYZ' is not an ISO 4217 currency code"),
                bad("currency without a rate", id -> HttpRequest.POST("/api/contracts",
                        contract("B-10", "dealValue", map("amount", 100, "currency", "BRL"))),
                        400, "dealValue.currency", "BRL has no exchange rate to USD"),
                bad("malformed JSON", id -> json("POST", "/api/contracts", "{\"externalRef\": \"B-11\", \"title\": "),
                        400, null, "JSON"),
                bad("empty body", id -> json("POST", "/api/contracts", ""),
                        400, null, "body"),
                bad("oversized body", id -> HttpRequest.POST("/api/contracts", contract("B-12", "title", "x".repeat(1_100_000))),
                        413, null, "takes at most 1048576 bytes (1 MB)"),
                bad("title too long", id -> HttpRequest.POST("/api/contracts", contract("B-13", "title", "x".repeat(201))),
                        400, "title", "size must be between 0 and 200"),
                bad("date in the wrong format", id -> HttpRequest.POST("/api/contracts", contract("B-14", "targetCloseDate", "31/12/2026")),
                        400, null, "31/12/2026"),
                bad("unknown gate on create", id -> HttpRequest.POST("/api/contracts", contract("B-15", "gates", Map.of("vibes-good", true))),
                        400, "gates.vibes-good", "unknown gate 'vibes-good'"),
                bad("plain text body", id -> HttpRequest.POST("/api/contracts", "title=x").contentType(MediaType.TEXT_PLAIN_TYPE),
                        415, null, "text/plain"),
                bad("duplicate external reference", id -> HttpRequest.POST("/api/contracts", contract("EXISTING-1")),
                        409, "externalRef", "already belongs to contract " ),
                bad("upsert body names another reference", id -> HttpRequest.PUT("/api/contracts/by-ref/EXISTING-1", contract("OTHER-9")),
                        400, "externalRef", "body names 'OTHER-9' but the path names 'EXISTING-1'"),
                bad("unknown id", id -> HttpRequest.GET("/api/contracts/987654"), 404, null, "No contract has id 987654"),
                bad("id is not a number", id -> HttpRequest.GET("/api/contracts/abc"), 404, "id", "No contract has id 'abc': contract ids are whole numbers"),
                bad("update of an unknown id", id -> HttpRequest.PATCH("/api/contracts/987654", map("version", 0, "title", "x")),
                        404, null, "No contract has id 987654"),
                bad("update without a version", id -> HttpRequest.PATCH("/api/contracts/" + id, map("title", "x")),
                        400, "version", "must not be null"),
                bad("update with a stale version", id -> HttpRequest.PATCH("/api/contracts/" + id, map("version", 99, "title", "x")),
                        409, "version", "the request was based on version 99"),
                bad("update to a blank title", id -> HttpRequest.PATCH("/api/contracts/" + id, map("version", 0, "title", " ")),
                        400, "title", "must not be blank"),
                bad("status jump from submitted to signed", id -> HttpRequest.PATCH("/api/contracts/" + id, map("version", 0, "status", "SIGNED")),
                        409, "status", "cannot move from SUBMITTED to SIGNED"),
                bad("negative value on update", id -> HttpRequest.PATCH("/api/contracts/" + id,
                        map("version", 0, "dealValue", map("amount", -1, "currency", "USD"))),
                        400, "dealValue.amount", "must be greater than or equal to 0"),
                bad("unknown gate", id -> HttpRequest.PUT("/api/contracts/" + id + "/gates/vibes-good", map("passed", true)),
                        400, "gate", "unknown gate 'vibes-good'"),
                bad("gate without a state", id -> HttpRequest.PUT("/api/contracts/" + id + "/gates/pricing-approved", map("version", 0)),
                        400, "passed", "must not be null"),
                bad("gate on an unknown contract", id -> HttpRequest.PUT("/api/contracts/987654/gates/pricing-approved",
                        map("passed", true)), 404, null, "No contract has id 987654"),
                bad("gate with a stale version", id -> HttpRequest.PUT("/api/contracts/" + id + "/gates/pricing-approved",
                        map("passed", true, "version", 42)), 409, "version", "based on version 42"),
                bad("withdraw with a stale version", id -> HttpRequest.POST("/api/contracts/" + id + "/withdraw", map("version", 7)),
                        409, "version", "based on version 7"),
                bad("explanation of an unknown id", id -> HttpRequest.GET("/api/contracts/987654/explanation"),
                        404, null, "No contract has id 987654"),
                bad("ranking page size zero", id -> HttpRequest.GET("/api/ranking?size=0"), 400, "size", "must be greater than or equal to 1"),
                bad("ranking negative page", id -> HttpRequest.GET("/api/ranking?page=-1"), 400, "page", "must be greater than or equal to 0"),
                bad("ranking unknown lane", id -> HttpRequest.GET("/api/ranking?lane=FAST"), 400, null, "FAST"),
                bad("list with an unknown status", id -> HttpRequest.GET("/api/contracts?status=DONE"), 400, null, "DONE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedPreciselyAndChangesNothing(String name, LongFunction<HttpRequest<?>> request, int status,
                                             String field, String message) {
        List<Contract> contractsBefore = contractRepository.findAll();
        List<Gate> gatesBefore = gateRepository.findAll();

        Api.Failure failure = api.fail(request.apply(existingId));

        assertThat(failure.status()).as("status").isEqualTo(status);
        assertThat(failure.contentType()).isEqualTo("application/problem+json");
        assertThat(failure.problem().status()).isEqualTo(status);
        assertThat(failure.problem().detail()).as("detail").contains(message);
        if (field != null) {
            assertThat(failure.problem().errors()).as("errors").anySatisfy(e -> assertThat(e.field()).isEqualTo(field));
        }
        assertThat(contractRepository.findAll()).as("contracts after").containsExactlyInAnyOrderElementsOf(contractsBefore);
        assertThat(gateRepository.findAll()).as("gates after").containsExactlyInAnyOrderElementsOf(gatesBefore);
        assertThat(contractRepository.findById(existingId).orElseThrow().version()).isEqualTo(existingVersion);
    }

    private static Arguments bad(String name, LongFunction<HttpRequest<?>> request, int status, String field, String message) {
        return Arguments.of(name, request, status, field, message);
    }
}
