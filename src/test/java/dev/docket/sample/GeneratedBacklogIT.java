package dev.docket.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.docket.approval.ApprovalRepository;
import dev.docket.override.OverrideRepository;
import dev.docket.ranking.RankingPage;
import dev.docket.support.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * DOCKET_SAMPLE_GENERATED loads a generated backlog once, in batches, with gates, pending approvals and
 * overrides, and the ranking serves all of it; a second start with the same seed adds nothing.
 */
@MicronautTest(transactional = false)
class GeneratedBacklogIT extends DatabaseTest {

    private static final int GENERATED = 2_500;

    @Inject
    GeneratedBacklogLoader loader;

    @Inject
    ApprovalRepository approvals;

    @Inject
    OverrideRepository overrides;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.sample.generated", String.valueOf(GENERATED), "docket.sample.seed", "3");
    }

    @Test
    void generatedBacklog_isStoredOnceAndRanked() {
        assertThat(contractRepository.count()).isEqualTo(GENERATED);
        assertThat(contractRepository.findByExternalRef("GEN3-002499")).isPresent();
        assertThat(gateRepository.count()).isGreaterThan(GENERATED);
        assertThat(approvals.count()).isPositive();
        assertThat(overrides.count()).isPositive();

        rankingService.fresh();
        RankingPage page = api.get("/api/ranking?size=500&lane=NOT_READY", RankingPage.class);
        assertThat(page.total()).isEqualTo(GENERATED);
        assertThat(page.ready()).isBetween(GENERATED / 2, GENERATED * 3 / 4);
        assertThat(page.items()).anyMatch(e -> e.blockers().stream().anyMatch(b -> b.startsWith("waiting on approval from ")));

        loader.seed();
        assertThat(contractRepository.count()).isEqualTo(GENERATED);
    }
}
