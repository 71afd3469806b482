package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.members.MemberPlans;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add", description = {"Add an inventory host to the cluster as a new member.",
        "Joins as a learner, is promoted once caught up; one host at a time. Takes a snapshot first."})
final class AddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ChangeOptions change;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "A host of the inventory's all.hosts.")
    String host;

    @Override
    public Integer call() throws Exception {
        try (ClusterSession session = cluster.openExisting()) {
            return MemberChangeExecution.run(session, MemberPlans.add(session, host), change,
                    spec.commandLine().getOut());
        }
    }
}
