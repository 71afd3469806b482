package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.install.InstallPlan;
import picocli.CommandLine.Command;

@Command(name = "install",
        description = {"Install a TLS etcd cluster on the inventory's etcd hosts, laid out as Kubespray does.",
                "Safe to run again: what is already done is left alone; an interrupted run completes."})
final class InstallCommand extends ClusterChangeCommand {
    @Override
    public Integer call() {
        try (ClusterSession session = cluster.open()) {
            return new PlanExecution(out(), session.home()).ignoring(session.inventory().ignoredEtcdVariables())
                    .run(InstallPlan.build(session), change,
                    () -> out().println("See it with: quorum status -i " + cluster.inventory));
        }
    }
}
