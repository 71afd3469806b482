package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.members.MemberChange;
import java.io.PrintWriter;

/** Runs a membership plan like any other, then says what to update outside etcd. */
final class MemberChangeExecution {
    private MemberChangeExecution() {
    }

    static int run(ClusterSession session, MemberChange change, ChangeOptions options, PrintWriter out) {
        return new PlanExecution(out, session.home()).run(change.plan(), options, () -> {
            out.println();
            change.afterwards().forEach(out::println);
        });
    }
}
