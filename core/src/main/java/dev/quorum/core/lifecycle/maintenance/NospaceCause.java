package dev.quorum.core.lifecycle.maintenance;

import java.util.Optional;

/**
 * Whether what raised a NOSPACE alarm is gone on one member: its database file below its quota
 * (with a margin, or the next write raises the alarm again) and room on its disk.
 */
record NospaceCause(long dbSize, long quotaBytes, long freeDiskBytes) {
    /** etcd refuses a write once file size plus the request reaches the quota: keep 5 % headroom. */
    static final double QUOTA_MARGIN = 0.95;
    /** A defragmentation writes a whole new copy of the file beside the old one. */
    static final long MIN_FREE_DISK_BYTES = 64L * 1024 * 1024;

    long neededFreeDisk() {
        return Math.max(MIN_FREE_DISK_BYTES, dbSize);
    }

    /** Why disarming would not hold, or empty when the cause is gone. */
    Optional<String> remaining() {
        if (dbSize >= (long) (quotaBytes * QUOTA_MARGIN)) {
            return Optional.of("its database is " + Bytes.human(dbSize) + " of its " + Bytes.human(quotaBytes)
                    + " quota: disarmed now, etcd would raise NOSPACE again at the next write");
        }
        if (freeDiskBytes >= 0 && freeDiskBytes < neededFreeDisk()) {
            return Optional.of("only " + Bytes.human(freeDiskBytes) + " free on its data disk (it needs "
                    + Bytes.human(neededFreeDisk()) + " to grow and to defragment)");
        }
        return Optional.empty();
    }

    String describe() {
        return "db " + Bytes.human(dbSize) + " of quota " + Bytes.human(quotaBytes)
                + (freeDiskBytes >= 0 ? ", " + Bytes.human(freeDiskBytes) + " free on disk" : "");
    }
}
