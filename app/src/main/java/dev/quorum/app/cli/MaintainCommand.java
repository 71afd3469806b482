package dev.quorum.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "maintain",
        description = {"Keep the backend small: compact the key history, defragment members, list and disarm alarms.",
                "etcd's cure for a NOSPACE alarm, in order: compact, defrag, alarms --disarm "
                        + "(or alarms --disarm --reclaim)."},
        subcommands = {MaintainCompactCommand.class, MaintainDefragCommand.class, MaintainAlarmsCommand.class})
final class MaintainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
