package dev.quorum.core.lifecycle.backup.offsite;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Backups kept away from the cluster, at one location. Every method either does what it says or
 * throws an {@link OffsiteException} naming the endpoint and bucket and what to do; a store that
 * could not be reached is reported as such, never as "no backups".
 */
public interface OffsiteStore extends AutoCloseable {

    S3Location location();

    /** The backups directly under the location, newest first. */
    List<OffsiteBackup> list();

    /** The backup {@code name} directly under the location (one HEAD request), or empty when there is none. */
    Optional<OffsiteBackup> find(String name);

    /**
     * Copies {@code backup} to {@code target}: written to {@code target.partial} first, checked
     * against the object's sha256 when it has one, then renamed, so {@code target} is either
     * complete and checked or absent. A {@code target} that already holds the same bytes is success.
     */
    DownloadedBackup download(OffsiteBackup backup, Path target);

    /** Stores {@code file} as {@code name} under the location, with its sha256 added to {@code metadata}. */
    OffsiteBackup upload(Path file, String name, BackupMetadata metadata);

    /** Proves the location can be listed with these credentials, and tells whether it can be written. */
    OffsiteAccess check();

    @Override
    void close();
}
