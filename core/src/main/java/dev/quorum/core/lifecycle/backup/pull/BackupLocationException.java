package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.ActionableException;

/** A backup location that is malformed, or names no backup Quorum can pull; nothing was copied. */
public final class BackupLocationException extends ActionableException {
    /** Where the valid locations are listed: the hint of every refusal of a location. */
    public static final String WHERE_LISTED = "quorum backup list -i INVENTORY prints every backup's location "
            + "(HOST:/var/backups/quorum-etcd/FILE.db); give one of those, or an off-site copy as "
            + "s3://BUCKET/PREFIX/MEMBER/FILE.db";

    public BackupLocationException(String message) {
        super(message, WHERE_LISTED);
    }

    public BackupLocationException(String message, String hint) {
        super(message, hint);
    }
}
