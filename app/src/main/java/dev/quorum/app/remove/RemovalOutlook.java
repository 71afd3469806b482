package dev.quorum.app.remove;

import dev.quorum.app.wizard.ClusterMembers.Member;
import dev.quorum.core.lifecycle.members.QuorumMath;
import java.util.List;

/**
 * What removing one member does to the cluster's quorum, in words, from the members as last read:
 * either the arithmetic ("3 voting members -> 2: still tolerates 0 failures") or why the remove
 * guard will refuse it. The numbers are core's {@link QuorumMath}, the same the guard decides on;
 * the guard checks the live cluster again when the plan is reviewed and run.
 *
 * @param words   the arithmetic, empty when refused
 * @param refusal why the removal would be refused, empty when it is allowed
 */
public record RemovalOutlook(String words, String refusal) {

    public static RemovalOutlook of(List<Member> members, Member leaving) {
        if (members.size() == 1) {
            return refused(leaving.name() + " is the last member of the cluster: removing it would destroy the "
                    + "cluster. Take a snapshot and stop etcd instead.");
        }
        int voters = (int) members.stream().filter(Member::voter).count();
        int healthy = (int) members.stream().filter(m -> m.voter() && m.answering()).count();
        if (healthy < QuorumMath.quorum(voters)) {
            return refused("The cluster has no quorum now (" + healthy + " of " + voters + " voting members "
                    + "answering): no member can be removed. Bring the members back first (Diagnose / Recover...); "
                    + "if quorum is lost for good, restore from a snapshot (Restore...).");
        }
        if (!leaving.voter()) {
            return allowed(leaving.name() + " is a learner: the " + voters + " voting members stay; still tolerates "
                    + failures(QuorumMath.tolerance(voters)) + ".");
        }
        int after = voters - 1;
        int healthyAfter = healthy - (leaving.answering() ? 1 : 0);
        if (!QuorumMath.removalKeepsQuorum(voters, healthy, true, leaving.answering())) {
            return refused("Removing " + leaving.name() + " would leave the cluster without quorum: " + after
                    + " voting members need " + QuorumMath.quorum(after) + " answering, only " + healthyAfter
                    + " would be. Bring the members that do not answer back first.");
        }
        String down = leaving.answering() ? "" : " (" + leaving.name() + " is not answering)";
        return allowed(voters + " voting members -> " + after + down + ": still tolerates "
                + failures(QuorumMath.tolerance(after)) + " (quorum " + QuorumMath.quorum(after) + ").");
    }

    public boolean allowed() {
        return refusal.isEmpty();
    }

    private static String failures(int n) {
        return n + (n == 1 ? " failure" : " failures");
    }

    private static RemovalOutlook allowed(String words) {
        return new RemovalOutlook(words, "");
    }

    private static RemovalOutlook refused(String why) {
        return new RemovalOutlook("", why);
    }
}
