package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.apiservers.ApiserverPlan;
import dev.quorum.core.lifecycle.apiservers.ApiserverPlans;
import dev.quorum.core.lifecycle.apiservers.ApiserverRequest;
import java.io.PrintWriter;

/** Observes the control planes, then previews or runs the kube-apiserver update like any other plan. */
final class ApiserverExecution {
    private ApiserverExecution() {
    }

    static int run(ClusterSession session, ApiserverRequest request, ChangeOptions options, PrintWriter out) {
        if (session.inventory().controlPlaneHosts().isEmpty()) {
            out.println("No kube_control_plane (or kube-master) hosts in the inventory: no kube-apiserver to update. "
                    + "Elsewhere, set " + request.flagText() + " by hand.");
            return ExitCodes.OK;
        }
        ApiserverPlan plan = ApiserverPlans.update(session, request);
        return new PlanExecution(out, session.home()).run(plan.plan(), options, () -> {
            out.println();
            out.println("kube-apiserver " + request.flagText() + " on " + String.join(", ", plan.updated())
                    + (plan.noManifest().isEmpty() ? "" : "; no manifest (left alone): "
                    + String.join(", ", plan.noManifest())));
        });
    }

    /** What --update-apiservers would do, for a member change's --plan (the members are not changed yet). */
    static void describeAfterwards(ClusterSession session, ApiserverRequest request, PrintWriter out) {
        out.println();
        out.println("With --update-apiservers, once the change succeeded: kube-apiserver " + request.flagText() + " on "
                + (session.inventory().controlPlaneHosts().isEmpty() ? "no control plane (the inventory has none)" : String.join(", ", session.inventory().controlPlaneHosts())
                + ", one at a time"));
    }
}
