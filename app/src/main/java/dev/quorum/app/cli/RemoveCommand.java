package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "remove", description = {"Remove a member; works when its host is dead.",
        "Refused if the rest would lose quorum. Its data dir is moved aside, never deleted."})
final class RemoveCommand extends ClusterChangeCommand {
    @Mixin
    ApiserverOptions apiservers;

    @Option(names = "--member", required = true, paramLabel = "NAME-or-HOST",
            description = "The member name (etcd2) or its inventory host.")
    String member;

    @Override
    public Integer call() throws Exception {
        try (ClusterSession session = cluster.openExisting()) {
            return MemberChangeExecution.run(session, MemberPlans.remove(session, new RemoveRequest(member)), change,
                    apiservers, out());
        }
    }
}
