package dev.quorum.app.cli;

import dev.quorum.core.snapshot.SnapshotIntegrity;
import dev.quorum.core.snapshot.SnapshotVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {"Check a snapshot file without a cluster, as etcdutl snapshot restore does (etcdctl on 3.4).",
        "Its trailing sha256 integrity hash, and the sha256 recorded beside it at save time."})
final class SnapshotVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The snapshot file.")
    Path file;

    @Option(names = "--skip-hash-check", description = "Accept a raw copy of member/snap/db (it has no integrity hash).")
    boolean skipHashCheck;

    @Override
    public Integer call() throws Exception {
        SnapshotIntegrity integrity = SnapshotVerifier.verify(file);
        PrintWriter out = spec.commandLine().getOut();
        switch (integrity.state()) {
            case INTACT -> out.println(file + ": intact (" + integrity.detail() + "), " + SnapshotListCommand.size(
                    integrity.sizeBytes()) + ", sha256 " + integrity.sha256());
            case RAW_DATABASE -> {
                if (!skipHashCheck) {
                    throw new UserError(file + ": " + integrity.detail(),
                            "if it is a copy of a member's member/snap/db you trust, verify and restore it with "
                                    + "--skip-hash-check");
                }
                out.println(file + ": a raw bbolt database without integrity hash, " + SnapshotListCommand.size(
                        integrity.sizeBytes()) + ", sha256 " + integrity.sha256());
            }
            case MISSING -> throw new UserError(file + " does not exist",
                    "give the path of a snapshot file (quorum snapshot list -i INVENTORY shows the saved ones)");
            case DAMAGED -> throw new UserError(file + " is damaged: " + integrity.detail(),
                    "do not restore from it; use another snapshot or copy this one again from where it was kept");
            case NOT_A_SNAPSHOT -> throw new UserError(file + ": " + integrity.detail(),
                    "give a file written by quorum snapshot save or etcdctl snapshot save");
        }
        return ExitCodes.OK;
    }
}
