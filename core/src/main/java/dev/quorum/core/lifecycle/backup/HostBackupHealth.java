package dev.quorum.core.lifecycle.backup;

import java.time.Duration;
import java.util.Optional;

/**
 * One host's backup health.
 *
 * @param newestVerified the host's newest verified backup, if any
 * @param age            how old that backup is on the host's clock
 * @param lastRun        the service's last run, when the host could be read
 * @param unknown        why the host could not be read (with {@link BackupFinding#UNREADABLE})
 */
public record HostBackupHealth(String host, BackupFinding finding, Optional<BackupEntry> newestVerified,
                               Optional<Duration> age, Optional<LastRun> lastRun, Optional<String> unknown) {
    public BackupStatus status() {
        return finding.status();
    }
}
