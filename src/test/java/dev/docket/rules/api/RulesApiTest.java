package dev.docket.rules.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import dev.docket.ranking.RankingPage;
import dev.docket.rules.RulesStatus;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/**
 * Base of the rules API tests: a Docket of the test's own, as DatabaseTest starts it, and the live rule set as the
 * rules API and /health report it, read and waited for the same way by every test that changes it.
 */
abstract class RulesApiTest extends DatabaseTest {

    /** How long a watched folder change or an activation may take to show in the status or the ranking. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    protected RulesStatus status() {
        return api.get("/api/rules/status", RulesStatus.class);
    }

    /** The health report, also when it answers 503 because something is down. */
    protected String health() {
        try {
            return api.get("/health", String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(String.class).orElse("");
        }
    }

    protected RulesStatus awaitStatus(Predicate<RulesStatus> condition) {
        return awaitStatus(condition, PATIENCE);
    }

    protected RulesStatus awaitStatus(Predicate<RulesStatus> condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        RulesStatus s = status();
        while (!condition.test(s)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("rules status never reached the expected state; last: " + s);
            }
            sleep(50);
            s = status();
        }
        return s;
    }

    /** A new rule set re-ranks the queue in the background; the old ranking serves until that is done. */
    protected String awaitRanking(String ruleVersion) {
        Instant deadline = Instant.now().plus(PATIENCE);
        String served = api.get("/api/ranking", RankingPage.class).ruleVersion();
        while (!served.equals(ruleVersion)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the ranking never switched to rule set " + ruleVersion);
            }
            sleep(50);
            served = api.get("/api/ranking", RankingPage.class).ruleVersion();
        }
        return served;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
