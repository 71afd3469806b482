package dev.quorum.core.lifecycle.backup;

import java.util.List;
import java.util.Optional;

/**
 * One host's backups, or why they are unknown (unreachable, unreadable): a host that could not be asked is
 * never shown as a host without backups.
 */
public record HostBackups(String host, List<BackupEntry> backups, Optional<String> unknown) {
    public HostBackups {
        backups = List.copyOf(backups);
    }

    public static HostBackups unknown(String host, String reason) {
        return new HostBackups(host, List.of(), Optional.of(reason));
    }

    public Optional<BackupEntry> newest() {
        return backups.stream().reduce((older, newer) -> newer);
    }
}
