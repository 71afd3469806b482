package dev.quorum.core.lifecycle.backup.offsite;

import java.nio.file.Path;

/**
 * A backup now on the workstation. {@code verified} is true when its sha256 matched the one the
 * object carried; an object without one is downloaded but not verified.
 */
public record DownloadedBackup(Path file, String sha256, boolean verified) {
}
