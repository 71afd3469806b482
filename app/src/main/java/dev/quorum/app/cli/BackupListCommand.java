package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupList;
import dev.quorum.core.lifecycle.backup.HostBackups;
import dev.quorum.core.lifecycle.backup.OffsiteListing;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = {"Every backup on every member's host, oldest first, with its revision, size, sha256 "
        + "and whether it was verified; with a schedule's --copy-to, also each member's off-site copies "
        + "(s3://BUCKET/PREFIX/MEMBER/FILE.db, listed with this workstation's AWS key).",
        "A host or store that cannot be read is listed as unknown, with why."})
final class BackupListCommand extends ClusterCommand {
    @Option(names = "--json", description = "Print one JSON object: {\"backups\": [...], \"unknown\": [...]}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (ClusterSession session = cluster.open()) {
            List<HostBackups> hosts = new ArrayList<>(BackupList.read(session));
            hosts.addAll(OffsiteListing.read(session, OffsiteListing.workstation()));
            if (json) {
                out.println(BackupListJson.render(hosts));
            } else {
                print(hosts, out);
            }
            return hosts.stream().anyMatch(h -> h.unknown().isPresent()) ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    private void print(List<HostBackups> hosts, PrintWriter out) {
        out.println(String.format("%-20s %9s %10s  %-8s %-16s %s", "TIME (UTC)", "REVISION", "SIZE", "VERIFIED",
                "SHA256", "LOCATION"));
        for (HostBackups host : hosts) {
            host.unknown().ifPresent(reason -> out.println(host.host() + ": unknown, " + reason));
            for (BackupEntry b : host.backups()) {
                out.println(String.format(Locale.ROOT, "%-20s %9s %10s  %-8s %-16s %s",
                        b.time().map(t -> t.toString().replace('T', ' ').replace("Z", "")).orElse("-"),
                        b.revision() > 0 ? Long.toString(b.revision()) : "-", SnapshotListCommand.size(b.size()),
                        b.verified() ? "yes" : "NO", b.sha256().isEmpty() ? "-" : b.sha256().substring(0, 16),
                        b.location() + b.problem().map(p -> "  (" + p + ")").orElse("")));
            }
            if (host.unknown().isEmpty() && host.backups().isEmpty()) {
                out.println(host.host() + ": no backups");
            }
        }
    }
}
