package dev.quorum.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command about one cluster: the inventory options, as every such command takes them, and where it prints. */
abstract class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
