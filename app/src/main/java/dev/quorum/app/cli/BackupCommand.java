package dev.quorum.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backup",
        description = {"Backups that run on the hosts by themselves: a systemd timer on every member snapshots its own "
                + "member, verifies the snapshot and keeps the newest N in /var/backups/quorum-etcd (the events "
                + "cluster's, with --cluster events, in /var/backups/quorum-etcd-events).",
                "They keep running without this workstation; run and list them from here."},
        subcommands = {BackupScheduleCommand.class, BackupUnscheduleCommand.class, BackupRunCommand.class,
                BackupListCommand.class, BackupPullCommand.class})
final class BackupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
