package dev.quorum.core.lifecycle.backup.offsite;

import java.time.Instant;

/** One object under an off-site location, with what it says about itself. */
public record OffsiteBackup(S3Location location, String key, long size, Instant lastModified,
                            BackupMetadata metadata) {

    /** The object's file name: its key without the location's prefix. */
    public String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The object as an {@code s3://} URL. */
    public String url() {
        return "s3://" + location.bucket() + "/" + key;
    }
}
