package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.lifecycle.maintenance.SpaceReport;
import java.io.PrintWriter;

/** Runs a maintenance plan like any other (--plan previews it), then shows the members' sizes after it. */
final class MaintainExecution {
    private MaintainExecution() {
    }

    static int run(ClusterSession session, Plan plan, ChangeOptions options, PrintWriter out) {
        PlanExecution execution = new PlanExecution(out, session.home());
        if (options.planOnly) {
            return execution.preview(plan);
        }
        int exit = execution.apply(plan, options.yes);
        if (exit == ExitCodes.OK) {
            out.println();
            SpaceTable.print(session.inventory().clusterName(), SpaceReport.read(session), out);
        }
        return exit;
    }
}
