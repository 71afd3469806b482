package dev.quorum.app.common;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupStatus;
import dev.quorum.core.lifecycle.backup.BackupUnits;
import dev.quorum.core.lifecycle.backup.Durations;
import dev.quorum.core.lifecycle.backup.HostBackupHealth;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scheduled backups' health in words, from core's typed {@link BackupHealth}: {@code quorum status}'s line,
 * {@code quorum diagnose}'s section and the app's Backups view and badge say the same.
 */
public final class BackupHealthWords {
    private BackupHealthWords() {
    }

    /** One line: the status, then what it rests on. */
    public static String line(BackupHealth health) {
        String schedule = health.every().map(e -> "every " + Durations.words(e)).orElse("")
                + (health.keep().isPresent() ? ", keep " + health.keep().getAsInt() : "");
        return switch (health.status()) {
            case NOT_SCHEDULED -> "not scheduled";
            case PENDING -> "scheduled " + schedule + ", the first run is not due yet";
            case FRESH -> "fresh, " + newest(health) + " (" + schedule + ")";
            case UNKNOWN, STALE, FAILED -> label(health.status()) + ": " + health.troubled().stream()
                    .map(BackupHealthWords::hostProblem).collect(Collectors.joining("; "));
        };
    }

    /** The status as one word, upper case when someone should act. */
    public static String label(BackupStatus status) {
        return switch (status) {
            case NOT_SCHEDULED -> "not scheduled";
            case FRESH -> "fresh";
            case PENDING -> "pending";
            case UNKNOWN -> "unknown";
            case STALE -> "STALE";
            case FAILED -> "FAILED";
        };
    }

    /** What one host's finding means: {@code lab2: the last run failed (exit status 1)}. */
    public static String hostProblem(HostBackupHealth host) {
        String what = switch (host.finding()) {
            case UNREADABLE -> host.unknown().orElse("could not be read");
            case NOT_SCHEDULED -> "no backup timer (the others have one)";
            case LAST_RUN_FAILED -> "the last run failed (" + host.lastRun().map(r -> "result " + r.result()
                    + ", exit status " + r.exitStatus()).orElse("?") + ")";
            case TIMER_STOPPED -> "the backup timer is installed but not running";
            case TOO_OLD -> "the newest verified backup is " + age(host.age().orElse(Duration.ZERO)) + " old";
            case NONE_VERIFIED -> "no verified backup since it was scheduled";
            case FIRST_RUN_DUE -> "the first run is not due yet";
            case RECENT -> "newest verified backup " + age(host.age().orElse(Duration.ZERO)) + " old";
        };
        return host.host() + ": " + what;
    }

    /** What to do about the worst finding on the main cluster; empty when nothing needs doing. */
    public static List<String> whatToDo(BackupHealth health, String inventory) {
        return whatToDo(health, inventory, ClusterLayout.MAIN);
    }

    /** What to do about the worst finding on the cluster of {@code layout}: its commands and its backup unit. */
    public static List<String> whatToDo(BackupHealth health, String inventory, ClusterLayout layout) {
        String i = " -i " + inventory + (layout == ClusterLayout.MAIN ? "" : " --cluster " + layout.word());
        BackupUnits units = layout == ClusterLayout.MAIN ? BackupUnits.MAIN : BackupUnits.EVENTS;
        if (health.status() == BackupStatus.FAILED) {
            List<String> failed = health.troubled().stream().filter(h -> h.status() == BackupStatus.FAILED)
                    .map(HostBackupHealth::host).toList();
            return List.of("Run the backup again to see why it failed (the script's reason; journalctl -u "
                            + units.service() + " on the host shows the whole run), fix the cause (a full disk, "
                            + "etcd down, an unwritable backup directory), and run it once more:",
                    "quorum backup run" + i + " --host " + failed.get(0));
        }
        if (health.status() == BackupStatus.STALE) {
            return List.of("Take a backup now, and re-install the schedule where a timer is missing or stopped "
                            + "(re-running schedule is safe):",
                    "quorum backup run" + i, "quorum backup schedule" + i + " --every "
                            + health.every().map(Durations::words).orElse("1h") + " --keep "
                            + (health.keep().isPresent() ? health.keep().getAsInt() : 24));
        }
        return List.of();
    }

    private static String newest(BackupHealth health) {
        return health.newest().map(BackupHealthWords::entry).orElse("no verified backup yet");
    }

    private static String entry(BackupEntry b) {
        return "newest verified " + b.time().map(t -> t.toString().replace('T', ' ').replace("Z", " UTC")).orElse("?")
                + " on " + b.host() + ", revision " + b.revision();
    }

    /** A rough age: {@code 45 s}, {@code 25 min}, {@code 5 h}, {@code 3 days}. */
    public static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86400 + " days";
    }
}
