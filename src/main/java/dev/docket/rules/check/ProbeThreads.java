package dev.docket.rules.check;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of the rule-probe executor (application.yml's thread-factory-class): daemon threads, because a rule that
 * never returns keeps its thread for good, and that thread must not keep the JVM from exiting.
 */
public final class ProbeThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, RuleSetProbe.EXECUTOR + "-executor-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
