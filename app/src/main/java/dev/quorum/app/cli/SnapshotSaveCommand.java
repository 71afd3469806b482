package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "save", description = {"Stream a snapshot from a healthy member to this workstation (etcdctl snapshot save).",
        "Recorded beside it: sha256, revision, key count, members, etcd version."})
final class SnapshotSaveCommand extends ClusterCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the snapshot here (metadata beside it as FILE.json) instead of the snapshot folder.")
    Path output;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "manual",
            description = "Why it was taken, kept in its metadata and name (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() throws Exception {
        if (output != null && Files.exists(output)) {
            throw new UserError(output + " already exists", "choose another file name; Quorum never overwrites a snapshot");
        }
        PrintWriter out = out();
        try (ClusterSession session = cluster.openExisting()) {
            long started = System.nanoTime();
            SnapshotInfo info = ClusterSnapshots.save(session, reason, Optional.ofNullable(output));
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println("Snapshot saved: " + info.file());
            out.println(String.format(Locale.ROOT, "  %s in %.1f s (%.1f MB/s), revision %d, %s, etcd %s, members %s",
                    SnapshotListCommand.size(info.sizeBytes()), seconds, info.sizeBytes() / 1e6 / Math.max(seconds, 1e-3),
                    info.revision(), info.knownKeyCount().map(k -> k + " keys").orElse("keys not counted"),
                    info.etcdVersion(), String.join(", ", info.members())));
            out.println("  sha256 " + info.sha256());
            out.println("  metadata " + SnapshotStore.metadataFile(info.file()));
            return ExitCodes.OK;
        }
    }
}
