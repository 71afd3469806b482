package dev.quorum.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "apiservers", description = {"kube-apiserver as an etcd client on the control planes.",
        "update: set --etcd-servers in each kube-apiserver manifest to the inventory's etcd members."},
        subcommands = {ApiserversUpdateCommand.class})
final class ApiserversCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
