package dev.quorum.core.lifecycle.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * How the backup service's last run ended, as systemd keeps it ({@code Result}, {@code ExecMainStatus},
 * {@code ExecMainExitTimestamp}). A service that never ran reads as {@code success} with status 0, as systemd shows it.
 */
public record LastRun(String result, int exitStatus, Optional<Instant> ended) {
    public boolean failed() {
        return !"success".equals(result) || exitStatus != 0;
    }
}
