package dev.quorum.app.cli;

import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import dev.quorum.core.workspace.QuorumHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "list", description = "The cluster's snapshots on this workstation, newest first.")
final class SnapshotListCommand extends ClusterCommand {
    @Override
    public Integer call() throws Exception {
        Inventory inventory = cluster.readInventory();
        Path dir = QuorumHome.fromEnvironment().snapshots(inventory.clusterName());
        List<SnapshotInfo> snapshots = new SnapshotStore(dir).list();
        PrintWriter out = out();
        if (snapshots.isEmpty()) {
            out.println("No snapshots of cluster " + inventory.clusterName() + " in " + dir + ".");
            out.println("Take one with: quorum snapshot save -i " + cluster.inventory);
            return ExitCodes.OK;
        }
        out.println("Snapshots of cluster " + inventory.clusterName() + " in " + dir + ":");
        out.println(String.format("%-20s %10s %9s %8s  %-36s %s", "TAKEN (UTC)", "SIZE", "REVISION", "KEYS", "REASON", "FILE"));
        for (SnapshotInfo info : snapshots) {
            out.println(String.format(Locale.ROOT, "%-20s %10s %9s %8s  %-36s %s",
                    info.takenAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""),
                    size(info.sizeBytes()), info.revision() > 0 ? Long.toString(info.revision()) : "-",
                    info.knownKeyCount().map(String::valueOf).orElse("-"),
                    info.reason() + (info.rawCopy() ? " [raw db]" : ""), info.file().getFileName()));
        }
        out.println("Check one with: quorum snapshot verify FILE");
        return ExitCodes.OK;
    }

    static String size(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
