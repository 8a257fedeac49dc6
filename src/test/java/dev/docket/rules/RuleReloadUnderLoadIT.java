package dev.docket.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.RulesFolderCopy;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rewrites the watched rules folder 100 times, one in five broken, while ranking requests run in a loop:
 * no request may fail, every good version must become active, and no broken one may.
 */
@MicronautTest(transactional = false)
class RuleReloadUnderLoadIT extends DatabaseTest {

    @RegisterExtension
    static final RulesFolderCopy FOLDER = new RulesFolderCopy();
    static final int REWRITES = 100;

    @Override
    protected Map<String, String> extraProperties() {
        return FOLDER.settings("docket.rules.debounce", "30ms");
    }

    @Test
    void hundredRewritesUnderLoadLoseNoRequestAndActivateEveryGoodVersion() throws Exception {
        BlockingHttpClient http = client.toBlocking();
        for (int i = 0; i < 20; i++) {
            api.create(Api.contract("LOAD-" + i, "gates", Api.allGatesPassed()));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    RankingPage page = http.retrieve("/api/ranking?size=5", RankingPage.class);
                    if (page.total() != 20) {
                        failures.add("ranking had " + page.total() + " entries");
                    }
                    served.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        });
        reader.start();

        String ageRule = FOLDER.read("age.drl");
        List<String> activated = new ArrayList<>();
        try {
            for (int i = 1; i <= REWRITES; i++) {
                boolean broken = i % 5 == 0;
                String content = broken
                        ? ageRule.replace("businessDaysReady > 0 )", "businessDaysReady > )")
                        : ageRule.replace("(3 points a day)", "(3 points a day, edit " + i + ")");
                RulesStatus previous = status(http);
                String before = previous.active().hash();
                FOLDER.write("age.drl", content);
                RulesStatus after = awaitAttemptAfter(http, previous.lastAttempt().number());
                if (broken) {
                    assertThat(after.lastAttempt().activated()).as("rewrite %d (broken)", i).isFalse();
                    assertThat(after.active().hash()).as("rewrite %d keeps the last good version", i).isEqualTo(before);
                } else {
                    assertThat(after.lastAttempt().activated()).as("rewrite %d: %s", i, after.lastAttempt().problems()).isTrue();
                    assertThat(after.active().hash()).as("rewrite %d is live", i).isNotEqualTo(before);
                    activated.add(after.active().hash());
                }
            }
        } finally {
            running.set(false);
            reader.join();
        }

        assertThat(failures).isEmpty();
        assertThat(served.get()).isGreaterThan(REWRITES);
        assertThat(activated).hasSize(REWRITES - REWRITES / 5).doesNotHaveDuplicates();
    }

    private static RulesStatus status(BlockingHttpClient http) {
        return http.retrieve("/api/rules/status", RulesStatus.class);
    }

    private static RulesStatus awaitAttemptAfter(BlockingHttpClient http, long attempt) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            RulesStatus s = status(http);
            // Picked up, and if accepted, live: the attempt is recorded a moment before the swap.
            if (s.lastAttempt().number() > attempt
                    && (!s.lastAttempt().activated() || s.active().hash().equals(s.lastAttempt().hash()))) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no reload attempt after attempt " + attempt);
    }
}
