package dev.quorum.core.snapshot;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot file on the workstation and what is known about it (kept beside it as JSON).
 *
 * @param reason   why it was taken, e.g. "before add lab4"
 * @param revision the cluster's revision just before the snapshot (a lower bound of what it holds)
 * @param members  member names at the time
 */
public record SnapshotInfo(Path file, String sha256, long sizeBytes, long revision, Instant takenAt,
                           String etcdVersion, List<String> members, String reason) {
    public SnapshotInfo {
        members = List.copyOf(members);
    }
}
