package dev.docket.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.docket.facts.Lane;
import dev.docket.forecast.ForecastService;
import dev.docket.system.Gzip;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Ranking pages as the JSON the API sends, rendered once per ranking. Dashboards poll the same few pages;
 * a ranking never changes once made (an edit makes a new one), so a page rendered for it stays right until
 * the next edit, and the polls in between cost a lookup instead of formatting and serializing 50 entries.
 * The gzip form that browsers and most HTTP clients ask for is kept too: compressing 70 KB on every poll
 * cost more than everything else the request does.
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

    /** The page if it was rendered for this very ranking already, else null; never renders. */
    @Nullable Page rendered(Ranking ranking, @Nullable Lane lane, int page, int size) {
        Rendered r = rendered;
        return r.ranking == ranking ? r.pages.get(new Key(lane, page, size)) : null;
    }

    Page page(Ranking ranking, @Nullable Lane lane, int page, int size) {
        Rendered r = rendered;
        if (r.ranking != ranking) {
            r = new Rendered(ranking);
            rendered = r;
        }
        Key key = new Key(lane, page, size);
        Page found = r.pages.get(key);
        if (found != null) {
            return found;
        }
        if (r.pages.size() >= MAX_PAGES) {
            // A client walking every page fills the cache; start over rather than refuse the pages polled most,
            // which are back after one rendering each.
            r.pages.clear();
        }
        // Concurrent polls of the same page wait for one rendering instead of each doing it.
        return r.pages.computeIfAbsent(key, k -> render(ranking, k));
    }

    private Page render(Ranking ranking, Key key) {
        RankingPage page = new RankingPage(ranking.ruleVersion(), ranking.computedAt(), ranking.size(), ranking.readyCount(),
                ranking.size() - ranking.readyCount(), key.page(), key.size(),
                forecasts.forEntries(ranking, ranking.page(key.lane(), key.page(), key.size())));
        try {
            return new Page(json.writeValueAsBytes(page));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a ranking page as JSON", e);
        }
    }

    /** One page's JSON, and its gzip form once a client has asked for it. */
    static final class Page {

        private final byte[] json;
        private volatile byte[] gzip;

        Page(byte[] json) {
            this.json = json;
        }

        byte[] json() {
            return json;
        }

        byte[] gzip() {
            byte[] zipped = gzip;
            if (zipped == null) {
                // Two first requests may both compress; the results are equal, and one of them is kept.
                zipped = Gzip.of(json);
                gzip = zipped;
            }
            return zipped;
        }
    }

    private record Key(@Nullable Lane lane, int page, int size) {
    }

    private record Rendered(@Nullable Ranking ranking, Map<Key, Page> pages) {
        Rendered(@Nullable Ranking ranking) {
            this(ranking, new ConcurrentHashMap<>());
        }
    }
}
