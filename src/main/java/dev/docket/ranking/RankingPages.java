package dev.docket.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.docket.facts.Lane;
import dev.docket.forecast.ForecastService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Ranking pages as the JSON the API sends, rendered once per ranking. Dashboards poll the same few pages;
 * a ranking never changes once made (an edit makes a new one), so a page rendered for it stays right until
 * the next edit, and the polls in between cost a lookup instead of formatting and serializing 50 entries.
 */
@Singleton
class RankingPages {

    /** Pages kept per ranking; polls ask for a handful, and a client walking every page must not fill the heap. */
    private static final int MAX_PAGES = 64;

    private final ForecastService forecasts;
    private final JsonMapper json;
    private volatile Rendered rendered = new Rendered(null);

    RankingPages(ForecastService forecasts, JsonMapper json) {
        this.forecasts = forecasts;
        this.json = json;
    }

    byte[] page(Ranking ranking, @Nullable Lane lane, int page, int size) {
        Rendered r = rendered;
        if (r.ranking != ranking) {
            r = new Rendered(ranking);
            rendered = r;
        }
        Key key = new Key(lane, page, size);
        byte[] body = r.pages.get(key);
        if (body != null) {
            return body;
        }
        if (r.pages.size() >= MAX_PAGES) {
            return render(ranking, key);
        }
        // Concurrent polls of the same page wait for one rendering instead of each doing it.
        return r.pages.computeIfAbsent(key, k -> render(ranking, k));
    }

    private RankingPage build(Ranking ranking, @Nullable Lane lane, int page, int size) {
        return new RankingPage(ranking.ruleVersion(), ranking.computedAt(), ranking.size(), ranking.readyCount(),
                ranking.size() - ranking.readyCount(), page, size,
                forecasts.forEntries(ranking, ranking.page(lane, page, size)));
    }

    private byte[] render(Ranking ranking, Key key) {
        try {
            return json.writeValueAsBytes(build(ranking, key.lane(), key.page(), key.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a ranking page as JSON", e);
        }
    }

    private record Key(@Nullable Lane lane, int page, int size) {
    }

    private record Rendered(@Nullable Ranking ranking, Map<Key, byte[]> pages) {
        Rendered(@Nullable Ranking ranking) {
            this(ranking, new ConcurrentHashMap<>());
        }
    }
}
