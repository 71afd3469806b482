package dev.quorum.core.lifecycle.disaster;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What to restore from: a snapshot file on this workstation, or the database of one surviving
 * member (copied to the workstation first, with what that may lose).
 *
 * @param skipHashCheck restore a file without etcd's integrity hash (a raw copy of member/snap/db)
 */
public record RestoreRequest(Optional<Path> snapshot, Optional<String> survivor, boolean skipHashCheck) {
    public RestoreRequest {
        if (snapshot.isPresent() == survivor.isPresent()) {
            throw new IllegalArgumentException("restore from a snapshot file or from a survivor, exactly one");
        }
    }

    public static RestoreRequest fromSnapshot(Path file, boolean skipHashCheck) {
        return new RestoreRequest(Optional.of(file), Optional.empty(), skipHashCheck);
    }

    /** A raw database has no integrity hash: the hash check is skipped by necessity. */
    public static RestoreRequest fromSurvivor(String host) {
        return new RestoreRequest(Optional.empty(), Optional.of(host), true);
    }
}
