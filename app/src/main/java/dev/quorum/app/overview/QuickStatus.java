package dev.quorum.app.overview;

import dev.quorum.core.lifecycle.backup.BackupHealth;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One short status read of a known cluster, for its card: may block on the network (the view model calls it in the
 * background only, one at a time) and never touches JavaFX.
 */
@FunctionalInterface
public interface QuickStatus {

    Reading read(Path inventory) throws Exception;

    /**
     * The cluster's backups as {@code quorum status} judges them (SSH to every member's host, read-only), read after
     * the status so the health shows first; empty when Quorum keeps no backups of this cluster.
     */
    default Optional<BackupHealth> backups(Path inventory) throws Exception {
        return Optional.empty();
    }

    /** Health in words ("3/3 healthy, tolerates 1 failure") and the versions ("etcd v3.6.14, cluster version 3.6"). */
    record Reading(String health, String versions) {
    }
}
