package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.ClusterLayout;

/**
 * Where one cluster's scheduled backup lives on a host (decision 0043): the main cluster's keeps the names it always
 * had; the events cluster's has its own script, settings, service, timer and folder, and snapshots 127.0.0.1:2383,
 * so both can be scheduled, run and unscheduled side by side without touching each other's files.
 *
 * @param script     the script the service runs (each cluster its own copy: unscheduling one keeps the other's)
 * @param envFile    the settings the service and the script read (root only: it may hold the S3 secret)
 * @param service    the oneshot unit
 * @param timer      the timer that starts it
 * @param defaultDir the folder the backups are kept in
 * @param endpoint   the local member's client URL on loopback
 * @param etcdUnit   the etcd service the backup runs after
 */
public record BackupUnits(String script, String envFile, String service, String timer, String defaultDir,
                          String endpoint, String etcdUnit) {
    public static final BackupUnits MAIN = of(ClusterLayout.MAIN);
    public static final BackupUnits EVENTS = of(ClusterLayout.EVENTS);

    private static BackupUnits of(ClusterLayout layout) {
        String suffix = layout.folderSuffix();
        return new BackupUnits("/usr/local/bin/quorum-backup" + suffix, "/etc/quorum-backup" + suffix + ".env",
                "quorum-backup" + suffix + ".service", "quorum-backup" + suffix + ".timer",
                BackupSchedule.DEFAULT_DIR + suffix, "https://127.0.0.1:" + layout.clientPort(),
                layout.unitName() + ".service");
    }

    public static BackupUnits of(ClusterSession cluster) {
        return cluster.inventory().layout() == ClusterLayout.EVENTS ? EVENTS : MAIN;
    }

    public String serviceFile() {
        return "/etc/systemd/system/" + service;
    }

    public String timerFile() {
        return "/etc/systemd/system/" + timer;
    }

    /** The main cluster's script reads /etc/quorum-backup.env unless told otherwise; the others say so. */
    boolean namesItsEnvFile() {
        return !envFile.equals(MAIN.envFile);
    }
}
