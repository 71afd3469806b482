package dev.quorum.core.lifecycle.backup.offsite;

/** A downloaded backup whose bytes do not match the sha256 the object carries; it was not kept. */
public final class BackupChecksumMismatchException extends OffsiteException {
    BackupChecksumMismatchException(OffsiteBackup backup, String expected, String actual) {
        super(backup.url() + " downloaded with sha256 " + actual + " but its metadata says " + expected
                        + "; the download was discarded",
                "download it again; if it fails the same way the object is damaged or was replaced without its "
                        + "metadata: use another backup from the list",
                null);
    }
}
