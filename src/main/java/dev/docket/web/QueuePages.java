package dev.docket.web;

import java.util.ArrayList;
import java.util.List;

import dev.docket.facts.Lane;
import dev.docket.forecast.ForecastService;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingService;
import jakarta.inject.Singleton;

/**
 * Pages through the in-memory ranking for the queue page: filters test the light contract summary of each place,
 * and only the page's own entries are built, so a page costs one pass over the summaries at 100,000 contracts.
 */
@Singleton
class QueuePages {

    private final RankingService rankings;
    private final ForecastService forecasts;

    QueuePages(RankingService rankings, ForecastService forecasts) {
        this.rankings = rankings;
        this.forecasts = forecasts;
    }

    QueueView page(QueueQuery query) {
        Ranking ranking = rankings.current();
        int from = query.lane() == Lane.NOT_READY ? ranking.readyCount() : 0;
        int to = query.lane() == Lane.READY ? ranking.readyCount() : ranking.size();
        long skip = (long) query.page() * query.size();
        List<RankedEntry> entries = new ArrayList<>(query.size());
        int matching;
        if (!query.isFiltered()) {
            matching = to - from;
            for (long i = from + skip; i < to && entries.size() < query.size(); i++) {
                entries.add(ranking.entry((int) i));
            }
        } else {
            matching = 0;
            for (int i = from; i < to; i++) {
                if (query.matches(ranking.contractAt(i))) {
                    if (matching >= skip && entries.size() < query.size()) {
                        entries.add(ranking.entry(i));
                    }
                    matching++;
                }
            }
        }
        List<RankedEntry> withForecasts = forecasts.forEntries(ranking, entries);
        double scale = withForecasts.stream().mapToDouble(e -> Bar.length(e.contributions())).max().orElse(0);
        List<QueueView.Row> rows = withForecasts.stream()
                .map(e -> new QueueView.Row(e, Bar.of(e.contributions(), scale)))
                .toList();
        return new QueueView(query, rows, matching, ranking.size(), ranking.readyCount(), ranking.ruleVersion(),
                ranking.computedAt().toString(), "");
    }
}
