package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.members.AddRequest;
import dev.quorum.core.lifecycle.members.MemberPlans;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "add", description = {"Add inventory hosts to the cluster as new members.",
        "Each joins as a learner and is promoted once caught up, strictly one host after the other.",
        "Takes a snapshot first."})
final class AddCommand extends ClusterChangeCommand {
    @Mixin
    ApiserverOptions apiservers;

    @Option(names = "--host", required = true, paramLabel = "HOST",
            description = "A host of the inventory's all.hosts; repeat it to add several, one after the other.")
    List<String> hosts;

    /** Each plan is built once the previous join has finished: etcd takes one join at a time. */
    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        try (ClusterSession session = cluster.openExisting()) {
            for (String host : hosts) {
                if (hosts.size() > 1) {
                    out.println("== add " + host + " ==");
                }
                // kube-apiserver restarts once, with the final members
                boolean last = host.equals(hosts.get(hosts.size() - 1));
                int exit = MemberChangeExecution.run(session, MemberPlans.add(session, new AddRequest(host)), change,
                        last ? apiservers : new ApiserverOptions(), out);
                if (exit != ExitCodes.OK) {
                    return exit;
                }
            }
            return ExitCodes.OK;
        }
    }
}
