package dev.docket.ranking;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.docket.facts.Lane;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Controller("/api/ranking")
@ExecuteOn(TaskExecutors.BLOCKING)
class RankingController {

    /** Ranking sequence numbers start again at every start; this keeps an old ETag from matching a new ranking. */
    private static final String PROCESS = Long.toHexString(ThreadLocalRandom.current().nextLong());

    private final RankingService rankings;
    private final RankingPages pages;
    private final RankingEvents.Archive archive;

    RankingController(RankingService rankings, RankingPages pages, RankingEvents.Archive archive) {
        this.rankings = rankings;
        this.pages = pages;
        this.archive = archive;
    }

    /**
     * The queue in rank order; {@code lane} narrows it to one lane while keeping overall ranks, and
     * {@code at} replays the queue as it stood at that moment. A live page carries an ETag: a poller that
     * sends it back in If-None-Match gets 304 until the ranking changes.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> ranking(@QueryValue(defaultValue = "0") @Min(0) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                            @QueryValue @Nullable Lane lane, @QueryValue @Nullable Instant at,
                            @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        if (at != null) {
            // The queue as it stood then, with that moment's rule version.
            return HttpResponse.ok(archive.replay(at, lane, page, size).orElseThrow(() -> new NoRankingRecordedException(at)));
        }
        Ranking ranking = rankings.current();
        String etag = "\"" + PROCESS + "-" + ranking.sequence() + "-" + (lane == null ? "ALL" : lane) + "-" + page + "-" + size + "\"";
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(pages.page(ranking, lane, page, size))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
