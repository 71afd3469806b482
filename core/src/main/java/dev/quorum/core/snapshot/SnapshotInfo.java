package dev.quorum.core.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot file on the workstation and what is known about it (kept beside it as JSON).
 *
 * @param sha256   of the whole file, as {@code sha256sum} prints it
 * @param revision the cluster's revision just before the snapshot (a lower bound of what it holds)
 * @param keyCount how many keys the cluster held at {@code revision}, or null when not known (a raw
 *                 copy of a member's database, or a snapshot taken by an older Quorum)
 * @param members  member names at the time
 * @param rawCopy  a copy of a member's {@code member/snap/db}, without etcd's integrity hash
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotInfo(Path file, String sha256, long sizeBytes, long revision, Long keyCount, Instant takenAt,
                           String etcdVersion, List<String> members, String reason, boolean rawCopy) {
    public SnapshotInfo {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Optional<Long> knownKeyCount() {
        return Optional.ofNullable(keyCount);
    }

    public SnapshotInfo at(Path moved) {
        return new SnapshotInfo(moved, sha256, sizeBytes, revision, keyCount, takenAt, etcdVersion, members, reason,
                rawCopy);
    }
}
