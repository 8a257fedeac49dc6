package dev.docket.crm;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One import as it runs: its uploaded files on disk, how far it has got, and, once done, its totals and the file
 * holding its per-row report. Counters are written by the import's thread and read by anyone polling it.
 */
final class ImportJob {

    enum State { QUEUED, RUNNING, DONE, FAILED }

    final long id;
    final boolean dryRun;
    final ImportSource source;
    final String actor;
    final String via;
    final @Nullable String requestId;
    final Instant startedAt;
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong rowsDecided = new AtomicLong();
    final AtomicLong rowsRejected = new AtomicLong();
    private volatile long rowsTotal = -1;
    private volatile State state = State.QUEUED;
    private volatile @Nullable Instant finishedAt;
    private volatile @Nullable ImportReport.Totals totals;
    private volatile @Nullable String error;
    private volatile @Nullable Path report;
    private final CompletableFuture<State> finished = new CompletableFuture<>();

    ImportJob(long id, boolean dryRun, ImportSource source, String actor, String via, @Nullable String requestId, Instant startedAt) {
        this.id = id;
        this.dryRun = dryRun;
        this.source = source;
        this.actor = actor;
        this.via = via;
        this.requestId = requestId;
        this.startedAt = startedAt;
    }

    void running(long total) {
        rowsTotal = total;
        state = State.RUNNING;
    }

    void done(ImportReport.Totals result, Path reportFile, Instant at) {
        totals = result;
        report = reportFile;
        finishedAt = at;
        state = State.DONE;
        finished.complete(state);
    }

    void failed(String why, Instant at) {
        error = why;
        finishedAt = at;
        state = State.FAILED;
        finished.complete(state);
    }

    CompletableFuture<State> whenFinished() {
        return finished;
    }

    State state() {
        return state;
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    @Nullable Path report() {
        return report;
    }

    @Nullable Instant finishedAt() {
        return finishedAt;
    }

    View view() {
        long total = rowsTotal;
        long decided = rowsDecided.get();
        int percent = state == State.DONE ? 100 : total <= 0 ? 0 : (int) Math.min(99, decided * 100 / total);
        return new View(id, state, dryRun, source.fileNames(), actor, startedAt, finishedAt,
                new Progress(total < 0 ? null : total, rowsRead.get(), decided, rowsRejected.get(), percent), totals,
                "/api/imports/" + id + "/rows", error);
    }

    /**
     * What GET /api/imports/{id} answers. {@code progress.rows} is the number of data rows in the pipeline file
     * (null until counted), {@code read} how many were parsed, {@code decided} how many have an outcome (stored, in
     * an apply, but not committed before the state is DONE), {@code percent} is decided over rows.
     */
    @Serdeable
    record View(long id, State state, boolean dryRun, List<String> files, String startedBy, Instant startedAt,
                @Nullable Instant finishedAt, Progress progress, @Nullable ImportReport.Totals totals, String rows,
                @Nullable String error) {
    }

    @Serdeable
    record Progress(@Nullable Long rows, long read, long decided, long rejected, int percent) {
    }
}
