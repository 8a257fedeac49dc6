package dev.docket.ranking;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.docket.contract.ContractView;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * An edit re-scores only the edited contract, yet the ranking it yields is exactly the one a full
 * re-rank of the database gives: checked after each of many random edits.
 */
@MicronautTest(transactional = false)
class IncrementalRankingIT extends DatabaseTest {

    private static final List<String> GATES = List.of("commercial-terms-agreed", "pricing-approved",
            "security-review-done", "signatory-known");

    @Inject
    MeterRegistry meters;

    @Test
    void everyEditLeavesTheSameRankingAFullReRankWould() {
        emptyBacklog();
        Random random = new Random(7);
        List<ContractView> live = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            live.add(api.create(contract("INC-" + i, "gates", random.nextBoolean() ? allGatesPassed() : java.util.Map.of(),
                    "dealValue", map("amount", 1_000 + random.nextInt(2_000_000), "currency", "USD"))));
        }
        rankingService.fresh();
        double fullBefore = fullReranks();

        for (int edit = 0; edit < 60; edit++) {
            ContractView target = live.get(random.nextInt(live.size()));
            ContractView current = api.get("/api/contracts/" + target.id(), ContractView.class);
            switch (edit % 4) {
                case 0 -> api.exchange(HttpRequest.PATCH("/api/contracts/" + current.id(), map("version", current.version(),
                        "dealValue", map("amount", random.nextInt(5_000_000), "currency", "EUR"))), ContractView.class);
                case 1 -> api.exchange(HttpRequest.PUT("/api/contracts/" + current.id() + "/gates/" + GATES.get(random.nextInt(4)),
                        map("passed", random.nextBoolean())), ContractView.class);
                case 2 -> live.add(api.create(contract("INC-NEW-" + edit, "gates", allGatesPassed())));
                default -> {
                    if (current.status().isOpen()) {
                        api.exchange(HttpRequest.POST("/api/contracts/" + current.id() + "/withdraw",
                                map("version", current.version())), ContractView.class);
                    }
                }
            }
            List<String> incremental = snapshot(rankingService.current());
            assertThat(fullReranks()).as("edit %d re-ranked everything", edit).isEqualTo(fullBefore);

            rankingService.invalidate();
            assertThat(snapshot(rankingService.fresh())).as("after edit %d", edit).isEqualTo(incremental);
            fullBefore = fullReranks();
        }
    }

    @Test
    void aNewRuleSetReScoredInMemoryEqualsAFullReRankFromTheDatabase() {
        emptyBacklog();
        Random random = new Random(11);
        for (int i = 0; i < 25; i++) {
            api.create(contract("RS-" + i, "gates", random.nextBoolean() ? allGatesPassed() : java.util.Map.of(),
                    "dealValue", map("amount", 1_000 + random.nextInt(3_000_000), "currency", "USD")));
        }
        rankingService.fresh();
        // The scenarios pin today's points; this test is about how a new policy reaches the ranking, so it leaves them out.
        java.util.List<dev.docket.rules.source.RuleSource> steeper = rules.get().sources().stream()
                .filter(s -> s.kind() != dev.docket.rules.source.RuleSource.Kind.SCENARIO)
                .map(s -> s.path().equals("expansion.drl")
                        ? new dev.docket.rules.source.RuleSource(s.path(), s.text().replace("capped at 36", "capped at thirty-six"))
                        : s.path().equals("value.drl")
                        ? new dev.docket.rules.source.RuleSource(s.path(), s.text().replace("Math.min(40.0, 10.0", "Math.min(40.0, 9.0"))
                        : s)
                .toList();
        assertThat(rules.activate(steeper, dev.docket.rules.version.RuleVersion.Source.API, "test").ok()).isTrue();

        List<String> inMemory = snapshot(rankingService.fresh());
        rankingService.invalidate();

        assertThat(snapshot(rankingService.fresh())).isEqualTo(inMemory);
    }

    @Test
    void aRuleComparingContractsThroughASecondObjectPatternIsReRankedWholeSoEveryEditEqualsAFullReRank() {
        emptyBacklog();
        java.util.List<dev.docket.rules.source.RuleSource> original = rules.get().sources();
        try {
            crowdedQueue(api, original);
        } finally {
            assertThat(rules.activate(original, dev.docket.rules.version.RuleVersion.Source.API, "test").ok()).isTrue();
        }
    }

    private void crowdedQueue(Api api, java.util.List<dev.docket.rules.source.RuleSource> original) {
        java.util.List<dev.docket.rules.source.RuleSource> comparing = new ArrayList<>(original.stream()
                .filter(s -> s.kind() != dev.docket.rules.source.RuleSource.Kind.SCENARIO).toList());
        comparing.add(new dev.docket.rules.source.RuleSource("crowd.drl", """
                package docket.policy;
                import dev.docket.facts.ContractFact;
                rule "Crowded queue"
                when
                    $c : ContractFact( )
                    $o : Object( this != $c, this instanceof ContractFact )
                then
                    $c.add(drools.getRule().getName(), 1.0, "one more contract in the queue");
                end
                """));
        assertThat(rules.activate(comparing, dev.docket.rules.version.RuleVersion.Source.API, "test").ok()).isTrue();
        assertThat(rules.get().perContract()).isFalse();
        List<ContractView> live = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            live.add(api.create(contract("CROWD-" + i, "gates", allGatesPassed())));
        }
        rankingService.fresh();

        for (int edit = 0; edit < 6; edit++) {
            if (edit % 2 == 0) {
                live.add(api.create(contract("CROWD-NEW-" + edit, "gates", allGatesPassed())));
            } else {
                ContractView current = api.get("/api/contracts/" + live.remove(0).id(), ContractView.class);
                api.exchange(HttpRequest.POST("/api/contracts/" + current.id() + "/withdraw", map("version", current.version())),
                        ContractView.class);
            }
            // A policy that compares contracts is re-ranked whole in the background; wait for the ranking that is then served.
            List<String> served = snapshot(awaitCrowdCounted(live.size()));

            rankingService.invalidate();
            assertThat(snapshot(rankingService.fresh())).as("after edit %d", edit).isEqualTo(served);
        }
    }

    /** The served ranking once every contract's "Crowded queue" points count all the others, or the last one after 15 s. */
    private Ranking awaitCrowdCounted(int contracts) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Ranking ranking = rankingService.current();
        while (System.nanoTime() < deadline && !crowdCounted(ranking, contracts)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ranking = rankingService.current();
        }
        return ranking;
    }

    private static boolean crowdCounted(Ranking ranking, int contracts) {
        if (ranking.size() != contracts) {
            return false;
        }
        for (int i = 0; i < ranking.size(); i++) {
            double crowd = ranking.entry(i).contributions().stream().filter(c -> c.rule().equals("Crowded queue"))
                    .mapToDouble(dev.docket.facts.Contribution::points).sum();
            if (crowd != contracts - 1) {
                return false;
            }
        }
        return true;
    }

    @Inject
    dev.docket.rules.ActiveRuleSet rules;

    private double fullReranks() {
        return meters.get("docket.ranking.updates").tag("kind", "full").timer().count();
    }

    private static List<String> snapshot(Ranking ranking) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ranking.size(); i++) {
            RankedEntry e = ranking.entry(i);
            rows.add(e.rank() + ":" + e.contract().id() + ":" + e.lane() + ":" + e.score() + ":" + e.contributions());
        }
        return rows;
    }
}
