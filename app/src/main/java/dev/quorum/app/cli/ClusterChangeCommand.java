package dev.quorum.app.cli;

import picocli.CommandLine.Mixin;

/** A command that changes one cluster: the inventory options and --plan / --yes, as every such command takes them. */
abstract class ClusterChangeCommand extends ClusterCommand {
    @Mixin
    ChangeOptions change;
}
