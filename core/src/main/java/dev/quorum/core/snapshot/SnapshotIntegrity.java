package dev.quorum.core.snapshot;

import java.util.Optional;

/**
 * What a look at a snapshot file found.
 *
 * @param sha256   of the whole file
 * @param recorded the sha256 the metadata file beside it recorded, if there is one
 */
public record SnapshotIntegrity(State state, long sizeBytes, String sha256, Optional<String> recorded,
                                String detail) {

    public enum State {
        /** etcd's trailing hash matches the bytes before it (and the recorded sha256, if any). */
        INTACT,
        /** No trailing hash but a bbolt database: a raw copy of member/snap/db (restore needs --skip-hash-check). */
        RAW_DATABASE,
        /** The trailing hash or the recorded sha256 does not match: the file changed or is truncated. */
        DAMAGED,
        /** Neither a snapshot nor a bbolt database. */
        NOT_A_SNAPSHOT,
        MISSING
    }

    /** Restoring from this file is safe (with skip-hash-check for a raw database). */
    public boolean usable(boolean skipHashCheck) {
        return state == State.INTACT || state == State.RAW_DATABASE && skipHashCheck;
    }
}
