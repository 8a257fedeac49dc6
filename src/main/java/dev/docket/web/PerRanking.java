package dev.docket.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.docket.ranking.Ranking;

/**
 * Values worked out from one ranking, kept until the ranking moves on (a ranking never changes once made). Bounded:
 * past {@code max} entries it starts over. A plain map rather than a cache library: the only eviction it needs is
 * "a new ranking", which no size- or time-based policy expresses.
 */
final class PerRanking<K, V> {

    private final int max;
    private volatile Kept<K, V> kept = new Kept<>(null);

    PerRanking(int max) {
        this.max = max;
    }

    /** The value for {@code key} worked out from {@code ranking}; a request still holding an older ranking is not kept. */
    V of(Ranking ranking, K key, Supplier<V> compute) {
        Kept<K, V> k = kept;
        if (k.ranking != ranking) {
            if (k.ranking != null && ranking.sequence() < k.ranking.sequence()) {
                return compute.get();
            }
            k = new Kept<>(ranking);
            kept = k;
        }
        V found = k.values.get(key);
        if (found == null) {
            found = compute.get();
            if (k.values.size() >= max) {
                k.values.clear();
            }
            k.values.put(key, found);
        }
        return found;
    }

    private record Kept<K, V>(Ranking ranking, Map<K, V> values) {
        Kept(Ranking ranking) {
            this(ranking, new ConcurrentHashMap<>());
        }
    }
}
