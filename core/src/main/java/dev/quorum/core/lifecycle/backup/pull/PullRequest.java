package dev.quorum.core.lifecycle.backup.pull;

import java.nio.file.Path;
import java.util.Objects;

/** Which backup to pull, and into which folder (by default the cluster's snapshot folder). */
public record PullRequest(BackupLocation location, Path dir) {
    public PullRequest {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(dir, "dir");
    }

    /** The backup's copy: its own file name in {@code dir}. */
    public Path target() {
        return dir.resolve(location.fileName()).toAbsolutePath().normalize();
    }
}
