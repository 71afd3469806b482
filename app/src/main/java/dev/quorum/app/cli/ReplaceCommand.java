package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replace", description = {"Replace a member (dead or alive) by another inventory host.",
        "Snapshot, remove the old member FIRST, then add the new host as a learner and promote it."})
final class ReplaceCommand extends ClusterChangeCommand {
    @Mixin
    ApiserverOptions apiservers;

    @Option(names = "--member", required = true, paramLabel = "OLD", description = "The member to replace: name or host.")
    String member;

    @Option(names = "--with", required = true, paramLabel = "NEWHOST", description = "An inventory host to take its place.")
    String newHost;

    @Option(names = "--keep-name", description = "Give the new member the old member's name.")
    boolean keepName;

    @Override
    public Integer call() throws Exception {
        try (ClusterSession session = cluster.openExisting()) {
            return MemberChangeExecution.run(session, MemberPlans.replace(session, new ReplaceRequest(member, newHost, keepName)), change,
                    apiservers, out());
        }
    }
}
