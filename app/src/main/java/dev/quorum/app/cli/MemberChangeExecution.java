package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.apiservers.ApiserverPlans;
import dev.quorum.core.lifecycle.members.MemberChange;
import java.io.PrintWriter;

/**
 * Runs a membership plan like any other, then says what to update outside etcd, and with --update-apiservers
 * updates kube-apiserver on the control planes to the members after the change.
 */
final class MemberChangeExecution {
    private MemberChangeExecution() {
    }

    static int run(ClusterSession session, MemberChange change, ChangeOptions options, ApiserverOptions apiservers,
                   PrintWriter out) {
        int exit = new PlanExecution(out, session.home()).run(change.plan(), options, () -> {
            out.println();
            change.afterwards().forEach(out::println);
        });
        if (!apiservers.update || exit != ExitCodes.OK) {
            return exit;
        }
        if (options.planOnly) {
            ApiserverExecution.describeAfterwards(session, ApiserverPlans.forMembers(change.membersAfter()), out);
            return exit;
        }
        out.println();
        out.println("Updating kube-apiserver on the control planes (--update-apiservers):");
        return ApiserverExecution.run(session, ApiserverPlans.forMembers(change.membersAfter()), options, out);
    }
}
