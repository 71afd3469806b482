package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.RecoverPlan;
import dev.quorum.core.lifecycle.recover.RecoverRequest;
import picocli.CommandLine.Command;

@Command(name = "recover", description = {"Bring the cluster back to health after a partition or a member failure.",
        "Waits for cut-off members to rejoin, starts stopped ones, re-seeds those that cannot rejoin "
                + "(snapshot first, data moved aside). Without quorum it only starts members that are stopped with "
                + "their data intact, when they make a majority; otherwise it refuses: then restore from a snapshot."})
final class RecoverCommand extends ClusterChangeCommand {
    @Override
    public Integer call() throws Exception {
        var out = out();
        // as the hints spell it: with --cluster events, the commands they suggest act on the events cluster too
        String inventory = cluster.inventory + cluster.clusterArgument();
        try (ClusterSession session = cluster.openExisting(DiagnoseCommand.SSH_CONNECT_TIMEOUT)) {
            RecoverPlan.Recovery recovery = RecoverPlan.build(session, RecoverRequest.of(inventory));
            DiagnosisText.print(recovery.diagnosis(), out);
            out.println();
            return new PlanExecution(out, session.home()).run(recovery.plan(), change, () -> {
                out.println();
                out.println("Now: " + new Diagnoser(session).diagnose(inventory).sentence());
            });
        }
    }
}
