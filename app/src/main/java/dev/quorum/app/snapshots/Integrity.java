package dev.quorum.app.snapshots;

import dev.quorum.core.snapshot.SnapshotIntegrity;

/** What the Snapshots tab says about a file's integrity, by icon and by word. */
public enum Integrity {
    /** etcd's trailing hash (and the sha256 recorded at save time) match. */
    VERIFIED("verified"),
    /** A raw copy of a member's database: no hash to check (restore needs the hash check skipped). */
    RAW("raw database, no hash"),
    /** Hash mismatch, truncated, missing, or not a snapshot at all: never restore from it. */
    DAMAGED("damaged"),
    CHECKING("checking...");

    private final String word;

    Integrity(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Integrity of(SnapshotIntegrity integrity) {
        return switch (integrity.state()) {
            case INTACT -> VERIFIED;
            case RAW_DATABASE -> RAW;
            case DAMAGED, NOT_A_SNAPSHOT, MISSING -> DAMAGED;
        };
    }
}
