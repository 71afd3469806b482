package dev.quorum.core.threads;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Quorum's background threads are daemons: a read or a pump still going when its caller gave up (a failed command, a
 * closed window) must never keep the JVM alive.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Runs each task on a new thread of its own, so it never waits for (or holds up) a shared pool. */
    public static Executor ownThread(String name) {
        return task -> start(task, name);
    }

    /** For a pool: threads named {@code prefix-1}, {@code prefix-2}... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> unstarted(task, prefix + "-" + count.incrementAndGet());
    }

    public static Thread start(Runnable task, String name) {
        Thread thread = unstarted(task, name);
        thread.start();
        return thread;
    }

    private static Thread unstarted(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
