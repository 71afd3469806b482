package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.install.InstallPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "install",
        description = {"Install a TLS etcd cluster on the inventory's etcd hosts, laid out as Kubespray does.",
                "Safe to run again: what is already done is left alone; an interrupted run completes."})
final class InstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ChangeOptions change;

    @Override
    public Integer call() {
        try (ClusterSession session = cluster.open()) {
            Plan plan = InstallPlan.build(session);
            PlanExecution execution = new PlanExecution(spec.commandLine().getOut(), session.home());
            if (change.planOnly) {
                return execution.preview(plan);
            }
            int exit = execution.apply(plan, change.yes);
            if (exit == ExitCodes.OK) {
                spec.commandLine().getOut().println("See it with: quorum status -i " + cluster.inventory);
            }
            return exit;
        }
    }
}
