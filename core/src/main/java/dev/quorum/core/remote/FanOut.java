package dev.quorum.core.remote;

import dev.quorum.core.threads.DaemonThreads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the same work on many hosts, at most {@code parallelism} at a time, and reports every
 * host's outcome in input order: one host failing does not stop the others.
 */
public final class FanOut {

    private FanOut() {
    }

    public static <T> Map<String, Outcome<T>> forEach(Collection<String> hostNames, int parallelism,
                                                      ThrowingFunction<String, T> work) {
        return forEach(hostNames, parallelism, Cancellation.NONE, work);
    }

    /**
     * @param cancellation checked before each host starts; hosts not started get a
     *                     {@link CancellationException} outcome
     */
    public static <T> Map<String, Outcome<T>> forEach(Collection<String> hostNames, int parallelism,
                                                      Cancellation cancellation, ThrowingFunction<String, T> work) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (hostNames.isEmpty()) {
            return new LinkedHashMap<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, hostNames.size()),
                DaemonThreads.numbered("quorum-fanout"));
        try {
            return forEach(hostNames, pool, cancellation, work);
        } finally {
            pool.shutdownNow(); // after all futures completed this only releases the threads
        }
    }

    /**
     * The same on the caller's executor, whose threads live on between calls (work repeated every few seconds for
     * hours); the caller shuts it down. Interrupted while waiting, the hosts' work still running is cancelled.
     */
    public static <T> Map<String, Outcome<T>> forEach(Collection<String> hostNames, ExecutorService executor,
                                                      Cancellation cancellation, ThrowingFunction<String, T> work) {
        if (new LinkedHashSet<>(hostNames).size() != hostNames.size()) {
            throw new IllegalArgumentException("duplicate host names: " + hostNames);
        }
        List<Future<Outcome<T>>> futures = new ArrayList<>();
        for (String host : hostNames) {
            futures.add(executor.submit(() -> attempt(host, cancellation, work)));
        }
        Map<String, Outcome<T>> outcomes = new LinkedHashMap<>();
        try {
            int i = 0;
            for (String host : hostNames) {
                outcomes.put(host, await(futures.get(i++)));
            }
            return outcomes;
        } catch (CancellationException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        }
    }

    private static <T> Outcome<T> attempt(String host, Cancellation cancellation, ThrowingFunction<String, T> work) {
        if (cancellation.isCancelled()) {
            return Outcome.failure(new CancellationException("cancelled before " + host + " started"));
        }
        try {
            return Outcome.success(work.apply(host));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure(e);
        } catch (Exception e) {
            return Outcome.failure(e);
        }
    }

    private static <T> Outcome<T> await(Future<Outcome<T>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            // The caller is being stopped: stop the workers too (finally block) and say so.
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for hosts");
        } catch (ExecutionException e) {
            // attempt() catches every Exception, so only an Error can get here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
