package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The metadata a pulled backup gets beside it ({@code FILE.db.json}, as {@code quorum snapshot save} writes it), so
 * the Snapshots tab, {@code snapshot list} and {@code restore} show its time and revision and check its sha256. Its
 * reason names where it came from: that is how a re-run knows the file is this backup's copy.
 */
final class PulledMetadata {
    private static final String PREFIX = "pulled from ";

    private PulledMetadata() {
    }

    static SnapshotInfo write(Path file, ListedBackup backup, String sha256, long size) throws IOException {
        SnapshotInfo info = new SnapshotInfo(file.toAbsolutePath(), sha256, size, backup.revision(), null,
                backup.time().orElse(Instant.now()), "unknown",
                backup.member().isEmpty() ? List.of() : List.of(backup.member()), PREFIX + backup.location(), false);
        SnapshotStore.writeMetadata(info);
        return info;
    }

    static Optional<String> pulledFrom(SnapshotInfo info) {
        return Optional.ofNullable(info.reason()).filter(r -> r.startsWith(PREFIX))
                .map(r -> r.substring(PREFIX.length()));
    }
}
