package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that changes one cluster: the inventory options and --plan / --yes, as every such command takes them. */
abstract class ClusterChangeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ChangeOptions change;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
