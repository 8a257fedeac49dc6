package dev.docket.ranking;

import dev.docket.facts.Lane;
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
    private final RankingEvents.Archive archive;

    RankingController(RankingService rankings, RankingEvents.Archive archive) {
        this.rankings = rankings;
        this.archive = archive;
    }

    /** The queue in rank order; {@code lane} narrows it to one lane while keeping overall ranks. */
    @Get
    RankingPage ranking(@QueryValue(defaultValue = "0") @Min(0) int page,
                        @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                        @QueryValue @Nullable Lane lane, @QueryValue @Nullable java.time.Instant at) {
        if (at != null) {
            return archive.replay(at, lane, page, size).orElseThrow(() -> new NoRankingRecordedException(at));
        }
        Ranking ranking = rankings.current();
        return new RankingPage(ranking.ruleVersion(), ranking.computedAt(), ranking.size(), ranking.readyCount(),
                ranking.size() - ranking.readyCount(), page, size, ranking.page(lane, page, size));
    }
}
