package dev.docket.rules;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.docket.rules.check.CandidateChecker;
import dev.docket.rules.check.CheckResult;
import dev.docket.rules.source.RuleFolder;
import jakarta.inject.Singleton;

/**
 * Checks the rules folder as the application starts, on a thread of its own, while the database is opened and
 * migrated. In a fresh JVM the check (Drools compiling the rules for the first time) takes longer than anything
 * else at start-up, and it needs nothing from the database; only deciding what to do with the result does.
 */
@Singleton
class StartupCheck {

    private final CompletableFuture<CheckResult> result;

    StartupCheck(RulesProperties properties) {
        Path folder = Path.of(properties.folder());
        result = CompletableFuture.supplyAsync(() -> CandidateChecker.check(RuleFolder.read(folder)), task -> {
            Thread thread = new Thread(task, "docket-startup-rules");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for the check; a folder that cannot be read fails here as it would have without the head start. */
    CheckResult result() {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
