package dev.quorum.app.cli;

import picocli.CommandLine.Option;

/** --plan and --yes, shared by every command that changes a cluster. */
final class ChangeOptions {
    @Option(names = "--plan", description = "Show the steps and what would change; change nothing.")
    boolean planOnly;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;
}
