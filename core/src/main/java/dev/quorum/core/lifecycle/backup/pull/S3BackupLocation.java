package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.lifecycle.backup.offsite.S3Location;

/** An off-site backup: the object {@code name} directly under {@code dir} ({@code s3://BUCKET/PREFIX/MEMBER/}). */
public record S3BackupLocation(S3Location dir, String name) implements BackupLocation {
    public S3BackupLocation {
        BackupLocation.checkFileName(dir + name, name);
    }

    @Override
    public String text() {
        return dir + name;
    }

    @Override
    public String fileName() {
        return name;
    }
}
