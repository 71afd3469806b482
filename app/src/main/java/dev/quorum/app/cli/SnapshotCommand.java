package dev.quorum.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "snapshot",
        description = {"Save, list and verify snapshots of a cluster's data.",
                "Snapshots are kept on this workstation in ~/.quorum/clusters/NAME/snapshots with a sha256 and metadata."},
        subcommands = {SnapshotSaveCommand.class, SnapshotListCommand.class, SnapshotVerifyCommand.class})
final class SnapshotCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
