package dev.docket.system;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbc.micronaut.MicronautJdbcLockProvider;

/**
 * Work that must happen once across every instance on the database, under a ShedLock lock held in its
 * {@code shedlock} table: start-up seeding and the override expiry check. A lock outlives a crashed holder by at
 * most its {@code atMost}.
 */
@Singleton
public class Once {

    /** The lock start-up seeding takes: the first credentials, readiness reconciliation, the CRM sample, its showcase, a generated backlog. */
    private static final String SEEDING = "startup-seeding";
    /** Long enough to generate a backlog of 100,000 on a busy machine. */
    private static final Duration SEEDING_AT_MOST = Duration.ofMinutes(30);
    private static final Duration RETRY = Duration.ofMillis(100);

    private final LockingTaskExecutor locks;

    Once(TransactionOperations<Connection> transactions) {
        this.locks = new DefaultLockingTaskExecutor(new MicronautJdbcLockProvider(transactions));
    }

    /**
     * Runs {@code work} holding the named lock, first waiting while another instance holds it: for start-up work
     * that the second instance must not skip but do after the first, when it finds the work done and does nothing.
     */
    public <T> T inTurn(String name, Duration atMost, Supplier<T> work) {
        Instant giveUp = Instant.now().plus(atMost).plus(atMost);
        while (true) {
            LockingTaskExecutor.TaskResult<T> result = run(name, atMost, work);
            if (result.wasExecuted()) {
                return result.getResult();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Waited " + atMost.multipliedBy(2) + " for the lock '" + name
                        + "' that another instance holds; see its row in the shedlock table");
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the lock '" + name + "'", e);
            }
        }
    }

    /**
     * Runs start-up seeding (every step, in the order seeding/SeedingStep.Turn states) under the one seeding lock:
     * instances starting together on one database seed it in turn, and the later one finds the work done.
     */
    public void inSeedingTurn(Runnable work) {
        inTurn(SEEDING, SEEDING_AT_MOST, work);
    }

    /** {@link #inTurn(String, Duration, Supplier)} for work with no result. */
    public void inTurn(String name, Duration atMost, Runnable work) {
        inTurn(name, atMost, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} unless another instance holds the named lock (then it is that instance's turn); says whether it ran. */
    public boolean unlessRunningElsewhere(String name, Duration atMost, Runnable work) {
        return run(name, atMost, () -> {
            work.run();
            return null;
        }).wasExecuted();
    }

    private <T> LockingTaskExecutor.TaskResult<T> run(String name, Duration atMost, Supplier<T> work) {
        try {
            return locks.executeWithLock(work::get, new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Work under the lock '" + name + "' failed", e);
        }
    }
}
