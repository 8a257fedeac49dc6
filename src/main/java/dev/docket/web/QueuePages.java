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
 * Pages through the in-memory ranking for the queue page. A ranking never changes once made (an edit makes a new
 * one), so what a page shows is kept per ranking: the queue page and its htmx refreshes ask for the same few pages
 * again and again, and paging through a search reads the positions it matched instead of testing every contract
 * again (a search is one pass over 100,000 summaries; its pages are then lookups until the ranking moves on).
 */
@Singleton
class QueuePages {

    /** Pages and searches kept per ranking; a client walking every page or trying many searches starts it over. */
    private static final int MAX_KEPT = 256;

    private final RankingService rankings;
    private final ForecastService forecasts;
    private final PerRanking<QueueQuery, QueueView> views;
    private final PerRanking<QueueQuery, int[]> matches;

    QueuePages(RankingService rankings, ForecastService forecasts) {
        this.rankings = rankings;
        this.forecasts = forecasts;
        this.views = new PerRanking<>(MAX_KEPT);
        this.matches = new PerRanking<>(MAX_KEPT);
    }

    QueueView page(QueueQuery query) {
        Ranking ranking = rankings.current();
        return views.of(ranking, query, () -> render(ranking, query));
    }

    private QueueView render(Ranking ranking, QueueQuery query) {
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
            int[] positions = matches.of(ranking, query.firstPage(), () -> matching(ranking, query, from, to));
            matching = positions.length;
            for (long i = skip; i < positions.length && entries.size() < query.size(); i++) {
                entries.add(ranking.entry(positions[(int) i]));
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

    private static int[] matching(Ranking ranking, QueueQuery query, int from, int to) {
        int[] found = new int[Math.max(0, to - from)];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (query.matches(ranking.contractAt(i))) {
                found[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }
}
