package dev.quorum.core.known;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A cluster folder in the workstation's Quorum home.
 *
 * @param inventory the inventory it was last opened from; empty for folders an older Quorum left (it did not record it)
 */
public record KnownCluster(String name, Optional<Path> inventory, Optional<LastRun> lastRun,
                           Optional<CertificateExpiry> soonestExpiry) {
}
