package dev.docket.ranking;

import java.time.Instant;

import dev.docket.facts.Lane;
import dev.docket.forecast.ForecastService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Controller("/api/ranking")
@ExecuteOn(TaskExecutors.BLOCKING)
class RankingController {

    private final RankingService rankings;
    private final ForecastService forecasts;
    private final RankingEvents.Archive archive;

    RankingController(RankingService rankings, ForecastService forecasts, RankingEvents.Archive archive) {
        this.rankings = rankings;
        this.forecasts = forecasts;
        this.archive = archive;
    }

    /**
     * The queue in rank order; {@code lane} narrows it to one lane while keeping overall ranks, and
     * {@code at} replays the queue as it stood at that moment.
     */
    @Get
    RankingPage ranking(@QueryValue(defaultValue = "0") @Min(0) int page,
                        @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                        @QueryValue @Nullable Lane lane, @QueryValue @Nullable Instant at) {
        if (at != null) {
            // The queue as it stood then, with that moment's rule version.
            return archive.replay(at, lane, page, size).orElseThrow(() -> new NoRankingRecordedException(at));
        }
        Ranking ranking = rankings.current();
        return new RankingPage(ranking.ruleVersion(), ranking.computedAt(), ranking.size(), ranking.readyCount(),
                ranking.size() - ranking.readyCount(), page, size,
                forecasts.forEntries(ranking, ranking.page(lane, page, size)));
    }
}
