package dev.quorum.app.wizard;

/**
 * Builds the core plan(s) a wizard runs, off the UI thread, against a cluster session it owns.
 * Most changes are one plan; adding several hosts is one plan per host, each built once the
 * previous join has finished (etcd takes one join at a time), as {@code quorum add} does.
 */
public interface PlanSource extends AutoCloseable {

    default int parts() {
        return 1;
    }

    /** Plan number {@code part} (0-based), against the cluster as it is now. Never on the UI thread. */
    PreparedPlan build(int part) throws Exception;

    /** Releases SSH and etcd connections. */
    @Override
    void close();
}
