package dev.quorum.core.lifecycle.backup.pull;

import java.time.Instant;
import java.util.Optional;

/**
 * One backup as its host's listing or its object's metadata describes it: what a pull checks the copy against.
 *
 * @param sha256   empty when nothing says what the bytes should be
 * @param verified the host's job checked it when it was taken (off-site: the object carries its sha256)
 * @param problem  why it is not verified, when it is not
 */
public record ListedBackup(String location, String sha256, long size, long revision, Optional<Instant> time,
                           String member, boolean verified, Optional<String> problem) {
}
