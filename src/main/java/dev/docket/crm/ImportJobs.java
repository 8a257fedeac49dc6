package dev.docket.crm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imports of this instance: each runs on the crm-import executor, one at a time, and the last {@link #KEPT} stay
 * readable (state, progress, per-row report) until newer ones push them out. They live in this instance's memory and
 * temporary directory, so a poll must reach the instance that took the upload; the audit log keeps every import for good.
 */
@Singleton
class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    /** Enough for a sync script to poll its own imports; each kept one holds only a report file on disk. */
    static final int KEPT = 50;

    private final CrmImport imports;
    private final ExecutorService executor;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
    private final Map<Long, ImportJob> jobs = new ConcurrentSkipListMap<>();

    ImportJobs(CrmImport imports, @Named("crm-import") ExecutorService executor, Clock clock) {
        this.imports = imports;
        this.executor = executor;
        this.clock = clock;
    }

    ImportJob start(boolean dryRun, ImportSource source, String actor, String via, @Nullable String requestId) {
        ImportJob job = new ImportJob(ids.incrementAndGet(), dryRun, source, actor, via, requestId, clock.instant());
        jobs.put(job.id, job);
        executor.execute(() -> {
            try {
                imports.run(job);
            } catch (RuntimeException e) {
                LOG.error("CRM import {} failed", job.id, e);
                job.failed("the import failed and nothing was stored: " + e, clock.instant());
            } finally {
                delete(source.pipeline());
                forgetOld();
            }
        });
        return job;
    }

    Optional<ImportJob> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void forgetOld() {
        // Oldest first, and only finished ones: a queued import's files must stay until it has run.
        var finished = jobs.values().stream().filter(ImportJob::finished).iterator();
        while (jobs.size() > KEPT && finished.hasNext()) {
            ImportJob job = finished.next();
            jobs.remove(job.id);
            deleteTree(job.source.directory());
        }
    }

    @PreDestroy
    void close() {
        jobs.values().forEach(j -> deleteTree(j.source.directory()));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(ImportJobs::delete);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", directory, e.toString());
        }
    }
}
