package dev.docket.webhook;

import java.util.concurrent.Executor;

import io.micronaut.core.propagation.PropagatedContext;

/**
 * Hands work to an executor without the caller's propagated context. Micronaut's executors carry the submitter's
 * context over, and a caller inside a transaction (or just after its commit) would hand over its connection, closed
 * by the time the work runs.
 */
final class Detached {

    private Detached() {
    }

    static void execute(Executor executor, Runnable work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
            executor.execute(work);
        }
    }
}
