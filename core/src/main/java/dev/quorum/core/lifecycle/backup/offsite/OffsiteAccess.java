package dev.quorum.core.lifecycle.backup.offsite;

/** What {@link OffsiteStore#check()} proved these credentials may do at the location. */
public enum OffsiteAccess {
    /** Listed, wrote and removed a probe object: backups can be stored and read. */
    READ_WRITE,
    /** Listed, but writing was refused: backups there can be read, not stored. */
    READ_ONLY
}
