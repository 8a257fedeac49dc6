package dev.docket.forecast;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.explain.Explanation;
import dev.docket.ranking.Forecast;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pickup forecasts over HTTP. One reviewer with 8 review hours a day, Wednesday 2026-11-04 off; the clock
 * starts Monday 2026-11-02. The queue, by deal value: an MSA on customer paper (16 h), an MSA on our paper
 * (8 h), an NDA on our paper (4 h), and a not-ready NDA on customer paper (2 h).
 */
@MicronautTest(transactional = false)
class ForecastIT extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestClock clock;

    Api api;
    ContractView msaCustomer;
    ContractView msaOurs;
    ContractView nda;
    ContractView blocked;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "docket.capacity.reviewers", "1",
                "docket.capacity.hours-per-reviewer-week", "40",
                "docket.capacity.holidays", "2026-11-04,2026-11-26,2026-11-28",
                "docket.capacity.effort-hours.nda.ours", "4");
    }

    @BeforeEach
    void setUp() {
        api = new Api(client.toBlocking());
        clock.set(TestClock.START);
        emptyBacklog();
        // Created oldest first, so the MSA on our paper has waited longest though it ranks second.
        msaOurs = api.create(contract("FC-2", "gates", allGatesPassed(), "dealValue", usd(100_000)));
        clock.advance(Duration.ofMinutes(1));
        msaCustomer = api.create(contract("FC-1", "gates", allGatesPassed(), "paper", "CUSTOMER", "dealValue", usd(10_000_000)));
        clock.advance(Duration.ofMinutes(1));
        nda = api.create(contract("FC-3", "contractType", "NDA", "gates", allGatesPassed(), "dealValue", usd(1_000)));
        blocked = api.create(contract("FC-4", "contractType", "NDA", "paper", "CUSTOMER", "dealValue", usd(50_000_000)));
    }

    @Test
    void theRankingAndTheExplanationShowWhenReviewStartsAndEnds() {
        RankingPage ranking = api.get("/api/ranking", RankingPage.class);

        assertThat(ranking.items()).extracting(e -> e.contract().id())
                .containsExactly(msaCustomer.id(), msaOurs.id(), nda.id(), blocked.id());
        assertForecast(ranking.items().get(0), "2026-11-02", "2026-11-03", 0, 16);
        // Wednesday is off: the MSA on our paper takes Thursday, the NDA half of Friday.
        assertForecast(ranking.items().get(1), "2026-11-05", "2026-11-05", 2, 8);
        assertForecast(ranking.items().get(2), "2026-11-06", "2026-11-06", 3, 4);
        assertThat(ranking.items().get(3).forecast()).isNull();
        assertThat(ranking.items().get(1).forecast().summary())
                .isEqualTo("review expected to start in about 2 business days (Thu 2026-11-05) and finish by Thu 2026-11-05");

        Explanation why = explain(msaOurs);
        assertThat(why.forecast()).isEqualTo(ranking.items().get(1).forecast());
        assertThat(why.summary()).endsWith(" Review expected to start in about 2 business days (Thu 2026-11-05)"
                + " and finish by Thu 2026-11-05.");

        Explanation notReady = explain(blocked);
        assertThat(notReady.forecast()).isNull();
        assertThat(notReady.summary()).contains("not-ready lane").contains("It has no pickup forecast");

        assertThat(api.get("/api/ranking?lane=NOT_READY", RankingPage.class).items())
                .singleElement().satisfies(e -> assertThat(e.forecast()).isNull());
        assertThat(api.get("/api/ranking?page=1&size=2", RankingPage.class).items().get(0).forecast())
                .isEqualTo(ranking.items().get(2).forecast());
    }

    @Test
    void capacityShowsWhatFitsThisWeekTheBacklogAndWhoWaitedLongest() {
        CapacityReport capacity = api.get("/api/capacity", CapacityReport.class);

        assertThat(capacity.today()).isEqualTo("2026-11-02");
        assertThat(capacity.reviewers()).isEqualTo(1);
        assertThat(capacity.hoursPerReviewerWeek()).isEqualTo(40);
        assertThat(capacity.hoursPerReviewerDay()).isEqualTo(8);
        // Monday, Tuesday, Thursday and Friday: 32 hours for 28 hours of ready work.
        assertThat(capacity.thisWeek()).isEqualTo(new CapacityReport.ThisWeek(LocalDate.parse("2026-11-06"), 4, 32, 0, 28, 3, 3));
        assertThat(capacity.backlog()).isEqualTo(new CapacityReport.Backlog(3, 0, 1, 3.5, 3.75, LocalDate.parse("2026-11-06")));
        assertThat(capacity.oldestWaiting()).isEqualTo(new CapacityReport.Waiting(msaOurs.id(), msaOurs.title(), 2,
                msaOurs.readySince(), 0));
        // The Saturday holiday costs no work, so it is not listed.
        assertThat(capacity.nextHolidays()).containsExactly(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-26"));
    }

    @Test
    void onThursdayTheQueueRunsIntoNextWeekAndWaitingSkipsTheHoliday() {
        clock.set(Instant.parse("2026-11-05T09:00:00Z"));
        rankingService.fresh();

        List<RankedEntry> items = api.get("/api/ranking", RankingPage.class).items();

        assertForecast(items.get(0), "2026-11-05", "2026-11-06", 0, 16);
        assertForecast(items.get(1), "2026-11-09", "2026-11-09", 2, 8);
        assertForecast(items.get(2), "2026-11-10", "2026-11-10", 3, 4);
        assertThat(items.get(0).forecast().summary()).startsWith("review expected to start today (Thu 2026-11-05)");

        CapacityReport capacity = api.get("/api/capacity", CapacityReport.class);
        assertThat(capacity.thisWeek()).isEqualTo(new CapacityReport.ThisWeek(LocalDate.parse("2026-11-06"), 2, 16, 0, 28, 1, 1));
        // Ready since Monday: Tuesday and Thursday count, the Wednesday holiday does not.
        assertThat(capacity.oldestWaiting().businessDaysWaiting()).isEqualTo(2);
        assertThat(capacity.backlog().readyClearedBy()).isEqualTo("2026-11-10");
    }

    @Test
    void aContractInReviewIsWorkedOnFirstAndTheRestQueueBehindIt() {
        api.exchange(HttpRequest.PATCH("/api/contracts/" + nda.id(), map("version", nda.version(), "status", "IN_REVIEW")),
                ContractView.class);

        List<RankedEntry> items = api.get("/api/ranking", RankingPage.class).items();

        assertThat(items).extracting(e -> e.contract().id()).containsExactly(msaCustomer.id(), msaOurs.id(), nda.id(), blocked.id());
        Forecast inReview = items.get(2).forecast();
        assertThat(inReview.inReview()).isTrue();
        assertThat(inReview.summary()).isEqualTo("in review now and expected to finish by Mon 2026-11-02");
        assertForecast(items.get(2), "2026-11-02", "2026-11-02", 0, 4);
        // The NDA takes Monday morning; the first in rank starts Monday afternoon and runs into Thursday.
        assertForecast(items.get(0), "2026-11-02", "2026-11-05", 0, 16);
        assertForecast(items.get(1), "2026-11-05", "2026-11-06", 2, 8);

        CapacityReport capacity = api.get("/api/capacity", CapacityReport.class);
        assertThat(capacity.thisWeek()).isEqualTo(new CapacityReport.ThisWeek(LocalDate.parse("2026-11-06"), 4, 32, 4, 24, 2, 2));
        assertThat(capacity.backlog().inReview()).isEqualTo(1);
        assertThat(capacity.oldestWaiting().contractId()).isEqualTo(msaOurs.id());
    }

    private void assertForecast(RankedEntry entry, String start, String finish, int daysUntilStart, double hours) {
        Forecast f = entry.forecast();
        assertThat(f).as("forecast of #%d", entry.rank()).isNotNull();
        assertThat(f.expectedStart()).as("start of #%d", entry.rank()).isEqualTo(start);
        assertThat(f.expectedFinish()).as("finish of #%d", entry.rank()).isEqualTo(finish);
        assertThat(f.businessDaysUntilStart()).as("days until #%d starts", entry.rank()).isEqualTo(daysUntilStart);
        assertThat(f.effortHours()).isEqualTo(hours);
    }

    private Explanation explain(ContractView c) {
        return api.get("/api/contracts/" + c.id() + "/explanation", Explanation.class);
    }

    private static Map<String, Object> usd(long amount) {
        return map("amount", amount, "currency", "USD");
    }
}
