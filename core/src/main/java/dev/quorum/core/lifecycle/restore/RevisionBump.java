package dev.quorum.core.lifecycle.restore;

/**
 * How far a restore raises the snapshot's revisions (decision 0079). A restored cluster would otherwise count its
 * revisions again from the snapshot's: a watcher (kube-apiserver's watch cache, an informer) that saw a higher one
 * before the disaster waits for revisions that mean other changes, or misses them. Raised past anything the old
 * cluster can have written and marked compacted, every watcher is told its revision is gone and lists again.
 *
 * @param amount added to the snapshot's revision ({@code etcdutl snapshot restore --bump-revision}); 0 keeps it
 */
record RevisionBump(long amount) {
    /**
     * One billion, as Kubernetes' own restore guide takes: more than a cluster writing a thousand times a second
     * commits in eleven days, and far from the end of etcd's 64-bit revisions.
     */
    static final RevisionBump PAST_THE_OLD_CLUSTER = new RevisionBump(1_000_000_000L);
    static final RevisionBump NONE = new RevisionBump(0);

    /** The flag etcdutl and etcdctl (3.5.10 on) know it by: a tool whose help names it can raise revisions. */
    static final String FLAG = "--bump-revision";

    RevisionBump {
        if (amount < 0) {
            throw new IllegalArgumentException("a revision bump is never negative: " + amount);
        }
    }

    boolean raises() {
        return amount > 0;
    }

    /** What {@code snapshot restore} takes: etcd requires --mark-compacted with any bump. */
    String flags() {
        return raises() ? " " + FLAG + " " + amount + " --mark-compacted" : "";
    }
}
