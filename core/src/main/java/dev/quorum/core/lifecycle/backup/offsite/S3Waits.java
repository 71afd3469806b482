package dev.quorum.core.lifecycle.backup.offsite;

import java.time.Duration;

/**
 * How long an S3 client waits: to connect, for the next byte of a read (also in the middle of a
 * large transfer), and for the whole of a small call (list, head, check), retries included.
 */
record S3Waits(Duration connect, Duration read, Duration apiCall) {
    static final S3Waits DEFAULT = new S3Waits(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30));

    /** A transfer's whole-call bound: generous (1 MiB/s at least), since a stall is caught by the read wait. */
    Duration transfer(long bytes) {
        return apiCall.plusSeconds(bytes / (1024 * 1024));
    }
}
