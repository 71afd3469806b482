package dev.quorum.core.lifecycle.restore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether one restore raises the snapshot's revisions (decision 0079), decided once for every member: members of one
 * cluster must hold the same data, so either all are raised by the same amount or none is. An interrupted run's
 * members decide for the rest; else the request and every host's restore tool do.
 */
final class RestoredRevisions {
    private final boolean keepAsked;
    private final List<String> hosts;
    private final Map<String, Boolean> toolRaises = new ConcurrentHashMap<>();
    private final AtomicReference<OptionalLong> interrupted = new AtomicReference<>(OptionalLong.empty());
    private final AtomicLong snapshotRevision = new AtomicLong(-1);

    RestoredRevisions(boolean keepAsked, List<String> hosts) {
        this.keepAsked = keepAsked;
        this.hosts = List.copyOf(hosts);
    }

    /** What a preview shows: the tools have not been asked yet. */
    RevisionBump planned() {
        return keepAsked ? RevisionBump.NONE : RevisionBump.PAST_THE_OLD_CLUSTER;
    }

    /** The bump the members an interrupted run restored already hold (from their markers). */
    void continuing(OptionalLong bumpOfThatRun) {
        interrupted.set(bumpOfThatRun);
    }

    void toolOn(String host, boolean raises) {
        toolRaises.put(host, raises);
    }

    /** For this run's restores: a host whose tool was not asked counts as one that cannot raise. */
    RevisionBump decided() {
        OptionalLong earlier = interrupted.get();
        if (earlier.isPresent()) {
            return new RevisionBump(earlier.getAsLong());
        }
        if (keepAsked || !hosts.stream().allMatch(host -> toolRaises.getOrDefault(host, false))) {
            return RevisionBump.NONE;
        }
        return RevisionBump.PAST_THE_OLD_CLUSTER;
    }

    /**
     * Why {@link #decided()} keeps the snapshot's revisions when nobody asked for that, for the run log: empty when
     * it raises them or keeps them as asked (--keep-revisions).
     */
    Optional<String> keptUnasked() {
        if (decided().raises() || keepAsked) {
            return Optional.empty();
        }
        if (interrupted.get().isPresent()) {
            return Optional.of("the interrupted run this one finishes kept them on the members it restored");
        }
        List<String> cannot = hosts.stream().filter(host -> !toolRaises.getOrDefault(host, false)).toList();
        return Optional.of("the restore tool on " + String.join(", ", cannot) + " cannot raise them ("
                + RevisionBump.FLAG + " came with etcd 3.5.10)");
    }

    /** The snapshot's own revision, as its restore tool read it from the file. */
    void snapshotAt(long revision) {
        snapshotRevision.compareAndSet(-1, revision);
    }

    OptionalLong snapshotRevision() {
        long known = snapshotRevision.get();
        return known < 0 ? OptionalLong.empty() : OptionalLong.of(known);
    }
}
