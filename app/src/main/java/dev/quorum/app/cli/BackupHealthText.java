package dev.quorum.app.cli;

import dev.quorum.app.common.BackupHealthWords;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.HostBackupHealth;
import java.io.PrintWriter;
import java.util.List;

/** {@code quorum diagnose}'s backups section: printed only when the scheduled backups are stale or failed. */
final class BackupHealthText {
    private BackupHealthText() {
    }

    static void print(BackupHealth health, String inventory, ClusterLayout layout, PrintWriter out) {
        if (!health.status().needsAttention()) {
            return;
        }
        out.println();
        out.println("Scheduled backups: " + BackupHealthWords.label(health.status()));
        for (HostBackupHealth host : health.troubled()) {
            out.println("  " + BackupHealthWords.hostProblem(host));
        }
        List<String> todo = BackupHealthWords.whatToDo(health, inventory, layout);
        if (!todo.isEmpty()) {
            out.println("What to do about the backups:");
            out.println("  " + todo.get(0));
            todo.stream().skip(1).forEach(command -> out.println("     " + command));
        }
    }
}
