package dev.docket.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.docket.facts.Lane;
import dev.docket.explain.Explanation;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.RankingPage;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The quick start's promise: on an empty database the very first ranking is already real, ranked and explained. */
@MicronautTest(transactional = false)
class SampleBacklogIT extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.sample.enabled", "true");
    }

    @Test
    void theFirstRankingShowsTheCrmSampleRankedAndExplained() {
        RankingPage ranking = client.toBlocking().retrieve("/api/ranking?size=100", RankingPage.class);

        assertThat(ranking.total()).isEqualTo(88);
        assertThat(ranking.ready()).isPositive();
        assertThat(ranking.notReady()).isPositive();
        assertThat(ranking.items()).extracting(RankedEntry::rank).startsWith(1, 2, 3);
        assertThat(ranking.items()).allSatisfy(entry -> assertThat(entry.contributions().stream().mapToDouble(c -> c.points()).sum())
                .isCloseTo(entry.score(), org.assertj.core.data.Offset.offset(0.011)));
        assertThat(ranking.items().get(0).contributions()).extracting(c -> c.rule()).contains("First in, first out");
        assertThat(ranking.items()).extracting(e -> e.contract().externalRef()).contains("GRYHHER0");
        assertThat(ranking.items()).filteredOn(e -> e.lane() == Lane.NOT_READY)
                .allSatisfy(e -> assertThat(e.blockers()).isNotEmpty());
        assertThat(ranking.items()).extracting(e -> e.contract().account()).contains("Unknown account");

        long top = ranking.items().get(0).contract().id();
        Explanation why = client.toBlocking().retrieve("/api/contracts/" + top + "/explanation", Explanation.class);
        assertThat(why.position()).isEqualTo(1);
        assertThat(why.summary()).contains("#1 of 88").contains("next in line");
    }
}
