package dev.docket.flow;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.docket.contract.ContractView;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Flow analytics from status transitions recorded as contracts move through the real API. */
@MicronautTest(transactional = false)
class FlowIT extends DatabaseTest {

    @Inject
    TestClock clock;

    @Test
    void waitCycleServiceLevelAndCloseRateFollowWhatTheContractsDid() {
        clock.set(TestClock.START);
        ContractView reviewed = api.create(contract("FL-1", "gates", allGatesPassed()));
        ContractView withdrawn = api.create(contract("FL-2", "gates", allGatesPassed(), "contractType", "NDA", "team", "West"));
        ContractView waiting = api.create(contract("FL-3", "gates", allGatesPassed()));
        ContractView notReady = api.create(contract("FL-4"));

        clock.advance(Duration.ofDays(2));
        reviewed = api.exchange(HttpRequest.PATCH("/api/contracts/" + reviewed.id(),
                map("version", reviewed.version(), "status", "IN_REVIEW")), ContractView.class).body();
        api.exchange(HttpRequest.POST("/api/contracts/" + withdrawn.id() + "/withdraw", map("version", withdrawn.version())),
                ContractView.class);
        clock.advance(Duration.ofDays(1));
        api.exchange(HttpRequest.PATCH("/api/contracts/" + reviewed.id(),
                map("version", reviewed.version(), "status", "APPROVED")), ContractView.class);
        clock.advance(Duration.ofDays(4));

        FlowReport report = api.get("/api/reports/flow?from=2026-11-01&to=2026-11-30", FlowReport.class);

        FlowReport.Group all = report.overall();
        assertThat(all.deals()).as("contracts that became ready; FL-4 never did").isEqualTo(3);
        assertThat(all.reviewed()).isEqualTo(1);
        assertThat(all.closed()).isEqualTo(1);
        assertThat(all.withdrawn()).isEqualTo(1);
        assertThat(all.medianWaitHours()).isEqualTo(48.0);
        assertThat(all.medianCycleHours()).isEqualTo(72.0);
        assertThat(all.closeRate()).isEqualTo(0.5);
        assertThat(all.overServiceLevel()).as("FL-3 has waited 7 days against a 5-day service level").isEqualTo(0.33);
        assertThat(report.byType()).extracting(FlowReport.Group::name).containsExactly("MSA", "NDA");
        assertThat(report.byTeam()).extracting(FlowReport.Group::name).containsExactly("Central", "West");
        assertThat(report.byRuleVersion()).singleElement().satisfies(g -> assertThat(g.deals()).isEqualTo(3));
        assertThat(report.throughput()).filteredOn(w -> w.closed() > 0).singleElement()
                .satisfies(w -> assertThat(w.weekStart()).isEqualTo("2026-11-02"));
        assertThat(notReady.id()).isNotNull();

        HttpResponse<String> csv = api.exchange(HttpRequest.GET("/api/reports/flow.csv?from=2026-11-01&to=2026-11-30"), String.class);
        assertThat(csv.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("dimension,group,deals,reviewed,closed,withdrawn,")
                .contains("all,all,3,1,1,1,48.0,48.0,72.0,72.0,0.33,0.5");
    }

    @Test
    void aMoveShowsInTheNextReportAtOnce() {
        // December, so the other test's November report does not see this contract, in whichever order they run.
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        ContractView c = api.create(contract("FL-NOW", "gates", allGatesPassed(), "contractType", "DPA", "team", "Now"));
        String flow = "/api/reports/flow?from=2026-12-01&to=2026-12-31";
        FlowReport before = api.get(flow, FlowReport.class);
        assertThat(team(before, "Now")).satisfies(g -> {
            assertThat(g.deals()).isEqualTo(1);
            assertThat(g.reviewed()).isZero();
        });

        clock.advance(Duration.ofHours(3));
        api.exchange(HttpRequest.PATCH("/api/contracts/" + c.id(), map("version", c.version(), "status", "IN_REVIEW")),
                ContractView.class);

        FlowReport after = api.get(flow, FlowReport.class);
        assertThat(team(after, "Now")).satisfies(g -> {
            assertThat(g.reviewed()).isEqualTo(1);
            assertThat(g.medianWaitHours()).isEqualTo(3.0);
        });
        assertThat(after.overall().reviewed()).isEqualTo(before.overall().reviewed() + 1);
    }

    private static FlowReport.Group team(FlowReport report, String name) {
        return report.byTeam().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBackwardsOrOverlongPeriodIsA400NamingTheField() {
        Api.Failure backwards = api.fail(HttpRequest.GET("/api/reports/flow?from=2026-11-30&to=2026-11-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problem().errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("from"));
        Api.Failure tooLong = api.fail(HttpRequest.GET("/api/reports/flow?from=2020-01-01&to=2026-11-01"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(api.fail(HttpRequest.GET("/api/reports/flow?from=yesterday")).status()).isEqualTo(400);
    }
}
