package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.recovery.Diagnoser;
import dev.quorum.core.lifecycle.recovery.RecoverPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "recover", description = {"Bring the cluster back to health after a partition or a member failure.",
        "Waits for cut-off members to rejoin, starts stopped ones, re-seeds those that cannot rejoin "
                + "(snapshot first, data moved aside). Refuses without quorum: then restore from a snapshot."})
final class RecoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ChangeOptions change;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        String inventory = cluster.inventory.toString();
        try (ClusterSession session = cluster.openExisting(DiagnoseCommand.SSH_CONNECT_TIMEOUT)) {
            RecoverPlan.Recovery recovery = RecoverPlan.build(session, inventory);
            DiagnosisText.print(recovery.diagnosis(), out);
            out.println();
            PlanExecution execution = new PlanExecution(out, session.home());
            if (change.planOnly) {
                return execution.preview(recovery.plan());
            }
            int exit = execution.apply(recovery.plan(), change.yes);
            if (exit == ExitCodes.OK) {
                out.println();
                out.println("Now: " + new Diagnoser(session).diagnose(inventory).sentence());
            }
            return exit;
        }
    }
}
