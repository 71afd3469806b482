package dev.quorum.core.lifecycle.maintenance;

/**
 * Which members are worth defragmenting.
 *
 * @param minReclaimBytes defragment a member only when its file holds at least this much free space
 *                        (db size minus size in use): below it, blocking the member buys nothing
 */
public record DefragRequest(long minReclaimBytes) {
    /**
     * 16 MiB: a member blocks while it copies its whole in-use data, and a few MiB of free pages in
     * a file of hundreds is normal churn that bbolt reuses by itself.
     */
    public static final long DEFAULT_MIN_RECLAIM_BYTES = 16L * 1024 * 1024;

    public DefragRequest {
        if (minReclaimBytes < 0) {
            throw new MaintenanceException("the reclaim threshold is negative", "give 0 or more bytes, e.g. 16MiB");
        }
    }

    public static DefragRequest defaults() {
        return new DefragRequest(DEFAULT_MIN_RECLAIM_BYTES);
    }

    public boolean worthIt(long dbSize, long dbSizeInUse) {
        long reclaimable = Math.max(0, dbSize - dbSizeInUse);
        return reclaimable > 0 && reclaimable >= minReclaimBytes;
    }
}
