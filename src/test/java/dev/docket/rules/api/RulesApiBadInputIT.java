package dev.docket.rules.api;

import static dev.docket.support.Api.json;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import dev.docket.rules.RulesStatus;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed requests to the rules API get a precise 4xx, and the active version keeps serving. */
@MicronautTest(transactional = false)
class RulesApiBadInputIT extends DatabaseTest {

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("no files", json("POST", "/api/rules/validate", "{}"), 400, "files", "must not be null"),
                bad("path escaping the folder", HttpRequest.POST("/api/rules/validate",
                        map("files", List.of(map("path", "../etc/passwd.drl", "content", "x")))),
                        400, "files[0].path", "must be a relative path without '..'"),
                bad("absolute path", HttpRequest.POST("/api/rules/validate",
                        map("files", List.of(map("path", "/tmp/x.drl", "content", "x")))),
                        400, "files[0].path", "must be a relative path"),
                bad("not a rule file", HttpRequest.POST("/api/rules/validate",
                        map("files", List.of(map("path", "notes.txt", "content", "x")))),
                        400, "files[0].path", "'notes.txt' is not a rule file"),
                bad("content missing", HttpRequest.POST("/api/rules/validate",
                        map("files", List.of(map("path", "x.drl")))),
                        400, "files[0].content", "must not be null"),
                bad("unknown encoding", HttpRequest.POST("/api/rules/validate",
                        map("files", List.of(map("path", "x.xlsx", "content", "AAAA", "encoding", "zip")))),
                        400, "files[0].encoding", "must be 'text' or 'base64'"),
                bad("broken base64", HttpRequest.POST("/api/rules/validate",
                        map("files", List.of(map("path", "x.xlsx", "content", "***", "encoding", "base64")))),
                        400, "files[0].content", "is not valid base64"),
                bad("deleting a file that is not there", HttpRequest.POST("/api/rules/preview",
                        map("files", List.of(), "delete", List.of("nothing.drl"))),
                        400, "delete[0]", "'nothing.drl' is not in the rule set"),
                bad("deleting null", json("POST", "/api/rules/validate", "{\"files\":[],\"delete\":[null]}"),
                        400, "delete[0]", "must be the path of a file in the rule set"),
                bad("deleting null in a preview", json("POST", "/api/rules/preview", "{\"files\":[],\"delete\":[\"age.drl\", null]}"),
                        400, "delete[1]", "must be the path of a file in the rule set"),
                bad("malformed JSON", json("POST", "/api/rules/preview", "{\"files\": [ {\"path\": "), 400, null,
                        "the body is not valid JSON: Unexpected end-of-input"),
                bad("unknown version", HttpRequest.GET("/api/rules/versions/424242"), 404, null, "No rule set version has number 424242"),
                bad("version is not a number", HttpRequest.GET("/api/rules/versions/latest"), 404, "number", "No version has number 'latest': version numbers are whole numbers"),
                bad("rollback to an unknown version", HttpRequest.POST("/api/rules/versions/424242/activate", ""), 404, null,
                        "No rule set version has number 424242"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAndTheActiveVersionKeepsServing(String name, HttpRequest<?> request, int status, String field, String message) {
        RulesStatus before = api.get("/api/rules/status", RulesStatus.class);

        Api.Failure failure = api.fail(request);

        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.problem().detail()).contains(message);
        if (field != null) {
            assertThat(failure.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo(field));
        }
        RulesStatus after = api.get("/api/rules/status", RulesStatus.class);
        assertThat(after.active()).isEqualTo(before.active());
    }

    @org.junit.jupiter.api.Test
    void aCandidateThatFailsItsChecksIsRefusedWith422AndProblems() {
        String active = api.get("/api/rules/status", RulesStatus.class).active().hash();

        Api.Failure failure;
        try {
            api.exchange(HttpRequest.POST("/api/rules/activate", map("files", List.of(map("path", "empty.drl", "content", "")))),
                    String.class);
            throw new AssertionError("an empty rule file was activated");
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(422);
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
            RejectedCandidate verdict = e.getResponse().getBody(RejectedCandidate.class).orElseThrow();
            assertThat(verdict.status()).isEqualTo(422);
            assertThat(verdict.errors()).anySatisfy(p -> assertThat(p.field()).isEqualTo("files[empty.drl]"));
            assertThat(verdict.valid()).isFalse();
            assertThat(verdict.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("empty.drl"));
        }
        assertThat(api.get("/api/rules/status", RulesStatus.class).active().hash()).isEqualTo(active);
    }

    private static Arguments bad(String name, HttpRequest<?> request, int status, String field, String message) {
        return Arguments.of(name, request, status, field, message);
    }
}
