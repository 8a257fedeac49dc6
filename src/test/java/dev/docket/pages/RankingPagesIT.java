package dev.docket.pages;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingPage;
import dev.docket.support.DatabaseTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Ranking pages are rendered once per ranking and revalidated with ETags: a poll of an unchanged ranking gets 304
 * and no body, and any edit gives the next poll a fresh page with a new ETag, never the page cached before it.
 */
@MicronautTest(transactional = false)
class RankingPagesIT extends DatabaseTest {

    @Inject
    RankingPages pages;

    @Test
    void pollWithETag_getsNotModifiedUntilAnEdit_thenTheNewPage() {
        emptyBacklog();
        ContractView first = api.create(contract("PG-1", "gates", allGatesPassed()));
        api.create(contract("PG-2", "gates", allGatesPassed(), "dealValue", map("amount", 900_000, "currency", "USD")));
        rankingService.fresh();

        HttpResponse<RankingPage> page = api.exchange(HttpRequest.GET("/api/ranking?size=10"), RankingPage.class);
        String etag = page.header(HttpHeaders.ETAG);
        assertThat(etag).startsWith("\"").endsWith("\"");
        String cacheControl = page.header(HttpHeaders.CACHE_CONTROL);
        assertThat(cacheControl).isEqualTo("no-cache");
        assertThat(page.body().items()).extracting(e -> e.contract().externalRef()).containsExactly("PG-2", "PG-1");

        HttpResponse<String> again = api.exchange(HttpRequest.GET("/api/ranking?size=10").header(HttpHeaders.IF_NONE_MATCH, etag),
                String.class);
        assertThat(again.code()).isEqualTo(HttpStatus.NOT_MODIFIED.getCode());
        assertThat(again.getBody().isPresent()).isFalse();
        // Another page of the same ranking is another resource with its own tag.
        HttpResponse<RankingPage> otherSize = api.exchange(HttpRequest.GET("/api/ranking?size=1")
                .header(HttpHeaders.IF_NONE_MATCH, etag), RankingPage.class);
        assertThat(otherSize.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(otherSize.body().items()).hasSize(1);

        api.exchange(HttpRequest.PATCH("/api/contracts/" + first.id(), map("version", first.version(),
                "dealValue", map("amount", 9_000_000, "currency", "USD"))), ContractView.class);

        HttpResponse<RankingPage> changed = api.exchange(HttpRequest.GET("/api/ranking?size=10")
                .header(HttpHeaders.IF_NONE_MATCH, etag), RankingPage.class);
        assertThat(changed.code()).isEqualTo(HttpStatus.OK.getCode());
        String newTag = changed.header(HttpHeaders.ETAG);
        assertThat(newTag).isNotEqualTo(etag);
        assertThat(changed.body().items()).extracting(e -> e.contract().externalRef()).containsExactly("PG-1", "PG-2");
    }

    @Test
    void clientWalkingEveryPage_doesNotStopThePolledPageFromBeingCached() {
        emptyBacklog();
        for (int i = 0; i < 70; i++) {
            api.create(contract("PG-W" + i, "gates", allGatesPassed()));
        }
        rankingService.fresh();
        Ranking ranking = rankingService.current();

        for (int page = 0; page < 70; page++) {  // more pages than the cache keeps
            api.get("/api/ranking?size=1&page=" + page, RankingPage.class);
        }
        api.get("/api/ranking?size=50", RankingPage.class);

        assertThat(pages.rendered(ranking, null, 0, 50)).isNotNull();
    }

    @Test
    void cachedPage_isTheJsonTheApiAlwaysServed() {
        emptyBacklog();
        api.create(contract("PG-3", "gates", allGatesPassed()));
        rankingService.fresh();

        Map<String, Object> page = api.get("/api/ranking", Argument.mapOf(String.class, Object.class).getType());
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = ((java.util.List<Map<String, Object>>) page.get("items")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) entry.get("contract");

        // Every field every time, as micronaut.serde.serialization.inclusion says: an unset assignee is null, not absent.
        assertThat(summary).containsKey("assignee").containsEntry("assignee", null);
        assertThat(entry).containsKeys("rank", "score", "lane", "contributions", "blockingGates", "blockers", "forecast");
        assertThat(page).containsKeys("ruleVersion", "computedAt", "total", "ready", "notReady", "page", "size");
    }

    @Test
    void gzipClient_getsThePageCompressedOnce_sameJsonAsEveryoneElse() throws Exception {
        emptyBacklog();
        api.create(contract("PG-5", "gates", allGatesPassed()));
        rankingService.fresh();
        // The JDK client passes bodies through as they arrive, so the test sees exactly what went over the wire.
        java.net.http.HttpClient raw = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = server.getURI().resolve("/api/ranking?size=10");

        for (int poll = 0; poll < 2; poll++) {  // rendered, then served from memory
            java.net.http.HttpResponse<byte[]> zipped = raw.send(java.net.http.HttpRequest.newBuilder(uri)
                    .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            java.net.http.HttpResponse<byte[]> plain = raw.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());

            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("\"externalRef\":\"PG-5\"");
            }
        }
    }

    @Test
    void health_reportsTheRankingBeingServed() {
        emptyBacklog();
        api.create(contract("PG-4", "gates", allGatesPassed()));
        rankingService.fresh();

        Map<String, Object> health = api.get("/health", Argument.mapOf(String.class, Object.class).getType());

        assertThat(health).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> ranking = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("ranking");
        assertThat(ranking).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) ranking.get("details");
        assertThat(details).containsEntry("contracts", 1).containsKeys("ruleVersion", "computedAt");
    }
}
