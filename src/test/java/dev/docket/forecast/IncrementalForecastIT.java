package dev.docket.forecast;

import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.docket.calendar.LegalCalendar;
import dev.docket.contract.ContractView;
import dev.docket.explain.Explanation;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * After an edit the forecast is derived from the previous ranking's schedule instead of simulating the whole queue
 * again. Whatever the edits (values, types and papers, gates, reviews starting), every forecast read through the
 * API equals a from-scratch simulation of the ranking it was read from, and, at the end, every ready contract's
 * days equal ReviewSchedule's one-pass simulation.
 */
@MicronautTest(transactional = false)
class IncrementalForecastIT extends DatabaseTest {

    private static final List<String> TYPES = List.of("MSA", "NDA", "ORDER_FORM", "DPA", "AMENDMENT", "OTHER");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CapacityPolicy policy;

    @Inject
    LegalCalendar calendar;

    @Inject
    ForecastService forecasts;

    @Override
    protected Map<String, String> extraProperties() {
        // More ready contracts than several schedule checkpoints, so derivations resume from saved reviewer states.
        return Map.of("docket.sample.generated", "3000", "docket.sample.seed", "7");
    }

    @Test
    void forecastsReadAfterEachEdit_equalAFullSimulationOfTheRankingTheyWereReadFrom() {
        Api api = new Api(client.toBlocking());
        Random random = new Random(5);
        Ranking start = rankingService.fresh();
        assertThat(start.readyCount()).isGreaterThan(1_000);
        int compared = 0;
        for (int i = 0; i < 150; i++) {
            Ranking before = rankingService.fresh();
            long id = before.contractAt(random.nextInt(before.size())).id();
            ContractView c = api.get("/api/contracts/" + id, ContractView.class);
            Map<String, Object> patch = switch (random.nextInt(4)) {
                case 0 -> map("version", c.version(), "dealValue", map("amount", 1_000 + random.nextInt(5_000_000), "currency", "USD"));
                case 1 -> map("version", c.version(), "contractType", TYPES.get(random.nextInt(TYPES.size())),
                        "paper", random.nextBoolean() ? "OURS" : "CUSTOMER");
                case 2 -> map("version", c.version(), "status", random.nextInt(5) == 0 ? "IN_REVIEW" : "WAITING_ON_SALES");
                default -> map("version", c.version(), "targetCloseDate", "2026-11-" + (10 + random.nextInt(19)));
            };
            try {
                api.exchange(HttpRequest.PATCH("/api/contracts/" + id, patch), ContractView.class);
            } catch (HttpClientResponseException e) {
                assertThat(e.getStatus().getCode()).as(e.getResponse().body() + "").isEqualTo(409);
                continue;
            }
            Ranking after = rankingService.fresh();
            if (after.indexOf(id).isEmpty()) {
                continue;
            }
            Explanation explained = api.get("/api/contracts/" + id + "/explanation", Explanation.class);
            Ranking served = rankingService.fresh();
            if (served != after) {
                continue;
            }
            RankedEntry entry = after.entry(after.indexOf(id).orElseThrow());
            assertThat(explained.forecast()).as("forecast of contract %d after edit %d", id, i)
                    .isEqualTo(fromScratch().forEntry(after, entry));
            compared++;
        }
        assertThat(compared).isGreaterThan(50);

        Ranking last = rankingService.fresh();
        PrefixSchedule derived = forecasts.schedule(last);
        QueuePlan full = QueuePlan.build(last.size(), last.readyCount(), last::contractAt, policy, calendar, last.day());
        for (int i = 0; i < last.readyCount(); i++) {
            assertThat(derived.startDay(i)).as("start day at %d", i).isEqualTo(full.schedule.startDay(i));
            assertThat(derived.finishDay(i)).as("finish day at %d", i).isEqualTo(full.schedule.finishDay(i));
        }
    }

    private ForecastService fromScratch() {
        return new ForecastService(policy, calendar);
    }
}
