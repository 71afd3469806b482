package dev.quorum.core.lifecycle.maintenance;

import java.util.OptionalLong;

/**
 * How far to compact: to an exact revision, or to the current one minus a number of revisions kept.
 *
 * @param toRevision     compact exactly to this revision, when given
 * @param keepRevisions  otherwise keep this many of the newest revisions (watchers behind by fewer
 *                       can resume without a full re-read)
 */
public record CompactRequest(OptionalLong toRevision, long keepRevisions) {
    /**
     * etcd's own example for revision-based auto-compaction keeps 1000 revisions: enough for a
     * watcher that missed a few seconds of a busy cluster, small next to a history that filled a
     * quota. The periodic auto-compaction in the env file (8 hours) keeps far more; this is for
     * when that is not enough.
     */
    public static final long DEFAULT_KEEP_REVISIONS = 1000;

    public CompactRequest {
        if (keepRevisions < 0) {
            throw new MaintenanceException("--keep-revisions is " + keepRevisions, "give 0 or more revisions to keep");
        }
        if (toRevision.isPresent() && toRevision.getAsLong() < 1) {
            throw new MaintenanceException("--to-revision is " + toRevision.getAsLong(), "revisions start at 1");
        }
    }

    public static CompactRequest keep(long revisions) {
        return new CompactRequest(OptionalLong.empty(), revisions);
    }

    public static CompactRequest to(long revision) {
        return new CompactRequest(OptionalLong.of(revision), 0);
    }

    /** The revision to compact to when the cluster is at {@code current}; 0 or less: nothing to compact. */
    public long target(long current) {
        return toRevision.isPresent() ? toRevision.getAsLong() : current - keepRevisions;
    }

    public String describe() {
        return toRevision.isPresent() ? "to revision " + toRevision.getAsLong()
                : "keeping the last " + keepRevisions + " revisions";
    }
}
