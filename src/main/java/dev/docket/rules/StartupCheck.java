package dev.docket.rules;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import dev.docket.rules.check.CandidateChecker;
import dev.docket.rules.check.CheckResult;
import dev.docket.rules.source.RuleFolder;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Checks the rules folder as the application starts, on a blocking executor's thread, while the database is opened
 * and migrated. In a fresh JVM the check (Drools compiling the rules for the first time) takes longer than anything
 * else at start-up, and it needs nothing from the database; only deciding what to do with the result does.
 */
@Singleton
class StartupCheck {

    private final CompletableFuture<CheckResult> result;

    StartupCheck(RulesProperties properties, CandidateChecker checker, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        Path folder = Path.of(properties.folder());
        Supplier<CheckResult> check = () -> checker.check(RuleFolder.read(folder));
        // In an empty context: the check needs nothing of whoever first asked for the rules.
        result = CompletableFuture.supplyAsync(PropagatedContext.empty().wrap(check), blocking);
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
