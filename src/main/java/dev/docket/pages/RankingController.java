package dev.docket.pages;

import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import dev.docket.facts.Lane;
import dev.docket.feed.ChangeFeed;
import dev.docket.ranking.NoRankingRecordedException;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingEvents;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The ranking as dashboards poll it. A poll of a page already rendered for the current ranking is answered on the
 * event loop, from memory, like the cheapest endpoint the server has; anything that may wait (the first ranking after
 * start-up, rendering a page, replaying history from the database) moves to the blocking pool, as controllers that
 * touch JDBC or rules do.
 */
@Controller("/api/ranking")
@Secured(Roles.VIEWER)
class RankingController {

    private final RankingService rankings;
    private final RankingPages pages;
    private final RankingEvents.Archive archive;
    private final ChangeFeed feed;
    private final ExecutorService blocking;

    RankingController(RankingService rankings, RankingPages pages, RankingEvents.Archive archive, ChangeFeed feed,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.rankings = rankings;
        this.pages = pages;
        this.archive = archive;
        this.feed = feed;
        this.blocking = blocking;
    }

    /**
     * The queue in rank order; {@code lane} narrows it to one lane while keeping overall ranks, and
     * {@code at} replays the queue as it stood at that moment. A live page carries an ETag: a poller that
     * sends it back in If-None-Match gets 304 until the ranking changes.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> ranking(@QueryValue(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                               @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                                               @QueryValue @Nullable Lane lane, @QueryValue @Nullable Instant at,
                                               @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
                                               @Header(HttpHeaders.ACCEPT_ENCODING) @Nullable String acceptEncoding) {
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        if (at != null) {
            // The queue as it stood then, with that moment's rule version.
            return CompletableFuture.supplyAsync(() -> HttpResponse.ok(archive.replay(at, lane, page, size)
                    .orElseThrow(() -> new NoRankingRecordedException(at))), blocking);
        }
        boolean stale = feed.stale();
        Ranking fresh = stale ? null : rankings.publishedIfFresh();
        if (fresh != null) {
            RankingPages.Page rendered = pages.rendered(fresh, lane, page, size);
            if (rendered != null) {
                return CompletableFuture.completedFuture(answer(rendered, ifNoneMatch, gzip, false));
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            Ranking ranking = rankings.current();
            RankingPages.Page rendered = stale ? pages.stale(ranking, lane, page, size) : pages.page(ranking, lane, page, size);
            return answer(rendered, ifNoneMatch, gzip, stale);
        }, blocking);
    }

    /** The ETag is a digest of the page's content (see RankingPages), so it agrees across instances. */
    private static HttpResponse<?> answer(RankingPages.Page page, @Nullable String ifNoneMatch, boolean gzip, boolean stale) {
        MutableHttpResponse<?> response = ifNoneMatch != null && ifNoneMatch.contains(page.etag())
                ? HttpResponse.notModified().header(HttpHeaders.ETAG, page.etag()) : ok(page, gzip);
        return stale ? response.header(ChangeFeed.STALE_HEADER, "true") : response;
    }

    /** The page as JSON, or gzipped once and kept: the server's own compression would redo it for every poll. */
    private static MutableHttpResponse<?> ok(RankingPages.Page page, boolean gzip) {
        MutableHttpResponse<byte[]> response = HttpResponse.ok(gzip ? page.gzip() : page.json())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, page.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip") : response;
    }
}
