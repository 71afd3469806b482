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
        return new PlanExecution(out, session.home()).run(plan, options, () -> {
            out.println();
            SpaceTable.print(session.inventory().clusterName(), SpaceReport.read(session), out);
        });
    }
}
