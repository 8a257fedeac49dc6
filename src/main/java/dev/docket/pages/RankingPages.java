package dev.docket.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.docket.facts.Lane;
import dev.docket.forecast.ForecastService;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingPage;
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

    /** The page marked stale, rendered for this one response: staleness is the instance's, not the ranking's. */
    Page stale(Ranking ranking, @Nullable Lane lane, int page, int size) {
        Page fresh = page(ranking, lane, page, size);
        return new Page(write(fresh.content.asStale()), fresh.content, fresh.etag);
    }

    private Page render(Ranking ranking, Key key) {
        RankingPage page = new RankingPage(ranking.ruleVersion(), ranking.computedAt(), ranking.size(), ranking.readyCount(),
                ranking.size() - ranking.readyCount(), key.page(), key.size(),
                forecasts.forEntries(ranking, ranking.page(key.lane(), key.page(), key.size())), false);
        return new Page(write(page), page, etag(page, key));
    }

    /**
     * A digest of what the page says, leaving out only when it was computed: every instance that has applied the
     * same changes serves the same page under the same ETag, so a poller moved to another instance keeps its 304s.
     */
    private String etag(RankingPage page, Key key) {
        RankingPage timeless = new RankingPage(page.ruleVersion(), Instant.EPOCH, page.total(), page.ready(), page.notReady(),
                page.page(), page.size(), page.items(), false);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((key.lane() + "/" + key.page() + "/" + key.size() + "/").getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest.digest(write(timeless)), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private byte[] write(RankingPage page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a ranking page as JSON", e);
        }
    }

    /** One page's JSON, its ETag, and its gzip form once a client has asked for it. */
    static final class Page {

        private final byte[] json;
        private final RankingPage content;
        private final String etag;
        private volatile byte[] gzip;

        Page(byte[] json, RankingPage content, String etag) {
            this.json = json;
            this.content = content;
            this.etag = etag;
        }

        String etag() {
            return etag;
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
