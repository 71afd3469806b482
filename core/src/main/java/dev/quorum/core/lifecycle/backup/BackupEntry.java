package dev.quorum.core.lifecycle.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * One backup as its host describes it.
 *
 * @param location {@code HOST:/path/file.db}, what {@code quorum restore --snapshot} will be given
 * @param verified true only when the run that took it checked it (snapshot status) and its manifest agrees
 *                 with the file on disk; a file without a readable manifest is listed, never verified
 * @param problem  why it is not verified, when it is not
 */
public record BackupEntry(String host, String location, Optional<Instant> time, long revision, long size,
                          String sha256, boolean verified, Optional<String> problem) {
}
