package dev.docket.system;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractView;
import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query parameter an API route does not take is a 400 naming it and what the route does take, never silently
 * ignored: a dashboard's {@code sise=5} would otherwise get the default page and nobody would notice.
 */
@MicronautTest(transactional = false)
class UnknownQueryParametersIT extends DatabaseTest {

    private ContractView seeded;

    @BeforeAll
    void seed() {
        seeded = api.create(contract("QUERY-1"));
    }

    @Test
    void aTypoOnTheRankingIsRefusedNamingWhatItTakes() {
        Api.Failure failure = api.fail(HttpRequest.GET("/api/ranking?sise=5"));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.contentType()).isEqualTo("application/problem+json");
        assertThat(failure.problem().detail()).isEqualTo("sise: is not a query parameter of GET /api/ranking; it takes page, size, lane, at");
        assertThat(failure.problem().errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("sise");
            assertThat(e.message()).isEqualTo("is not a query parameter of GET /api/ranking; it takes page, size, lane, at");
        });
    }

    @Test
    void eachUnknownNameIsNamed() {
        Api.Failure failure = api.fail(HttpRequest.GET("/api/ranking?size=5&pgae=2&Lane=READY"));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.problem().errors()).extracting(Problem.FieldProblem::field).containsExactly("pgae", "Lane");
    }

    @Test
    void aRouteWithAPathVariableNamesItsOwnPathAndParameters() {
        Api.Failure withParameters = api.fail(HttpRequest.GET("/api/contracts/" + seeded.id() + "/history?form=2026-11-01T00:00:00Z"));
        Api.Failure withNone = api.fail(HttpRequest.GET("/api/contracts/" + seeded.id() + "/explanation?lang=de"));

        assertThat(withParameters.status()).isEqualTo(400);
        assertThat(withParameters.problem().detail())
                .isEqualTo("form: is not a query parameter of GET /api/contracts/" + seeded.id() + "/history; it takes from, to");
        assertThat(withNone.status()).isEqualTo(400);
        assertThat(withNone.problem().detail())
                .isEqualTo("lang: is not a query parameter of GET /api/contracts/" + seeded.id() + "/explanation; it takes no query parameters");
    }

    @Test
    void aRefusedWriteChangesNothing() {
        List<Contract> before = contractRepository.findAll();
        String patch = "{\"version\":" + seeded.version() + ",\"title\":\"Renamed by a refused request\"}";

        Api.Failure create = api.fail(HttpRequest.POST("/api/contracts?dryRun=true", contract("QUERY-2")));
        Api.Failure edit = api.fail(json("PATCH", "/api/contracts/" + seeded.id() + "?force=true", patch));

        assertThat(create.status()).isEqualTo(400);
        assertThat(create.problem().detail()).isEqualTo("dryRun: is not a query parameter of POST /api/contracts; it takes no query parameters");
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.problem().errors()).extracting(Problem.FieldProblem::field).containsExactly("force");
        assertThat(contractRepository.findAll()).as("contracts after").containsExactlyInAnyOrderElementsOf(before);
        ContractView after = api.get("/api/contracts/" + seeded.id(), ContractView.class);
        assertThat(after.title()).isEqualTo(seeded.title());
        assertThat(after.version()).isEqualTo(seeded.version());
    }

    @Test
    void declaredParametersAreStillTaken() {
        RankingPage page = api.get("/api/ranking?page=0&size=1", RankingPage.class);
        // Repeating a declared name is the binding's business (a whole number takes one value), not an unknown name.
        Api.Failure repeated = api.fail(HttpRequest.GET("/api/ranking?size=1&size=2"));

        assertThat(page.size()).isEqualTo(1);
        assertThat(page.items()).hasSize(1);
        assertThat(repeated.problem().errors()).extracting(Problem.FieldProblem::field).containsExactly("size");
        assertThat(repeated.problem().detail()).doesNotContain("is not a query parameter");
        // A stray '&' names no parameter.
        assertThat(api.get("/api/ranking?size=1&", RankingPage.class).size()).isEqualTo(1);
    }

    @Test
    void browserPagesStayLenient() {
        var response = api.exchange(HttpRequest.GET("/?sise=5").accept(MediaType.TEXT_HTML_TYPE), String.class);

        assertThat(response.code()).isEqualTo(200);
    }
}
