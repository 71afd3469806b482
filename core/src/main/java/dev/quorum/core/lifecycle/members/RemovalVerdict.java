package dev.quorum.core.lifecycle.members;

/**
 * Whether removing one member keeps a working cluster, and why not: what the remove guard decides
 * on the live cluster, also worded for the desktop app's member page before the plan is built.
 *
 * @param member        the member to remove
 * @param listed        members in the member list now (learners included)
 * @param voters        voting members now
 * @param healthyVoters voting members answering with a leader now
 * @param targetVotes   the member to remove is a voter (not a learner)
 * @param targetHealthy the member to remove is one of the healthy ones
 */
public record RemovalVerdict(String member, int listed, int voters, int healthyVoters, boolean targetVotes,
                             boolean targetHealthy) {

    public boolean lastMember() {
        return listed <= 1;
    }

    public boolean allowed() {
        return !lastMember() && QuorumMath.removalKeepsQuorum(voters, healthyVoters, targetVotes, targetHealthy);
    }

    public int votersAfter() {
        return targetVotes ? voters - 1 : voters;
    }

    /** Why the guard refuses (empty when allowed). */
    public String refusal() {
        if (lastMember()) {
            return member + " is the last member of the cluster";
        }
        if (healthyVoters < QuorumMath.quorum(voters)) {
            return "the cluster has no quorum now (" + healthyVoters + " of " + voters + " voting members healthy): "
                    + "no member can be removed";
        }
        if (!allowed()) {
            int healthyAfter = healthyVoters - (targetHealthy ? 1 : 0);
            return "removing " + member + " would leave the cluster without quorum (" + votersAfter() + " voters "
                    + "would need " + QuorumMath.quorum(votersAfter()) + " healthy, " + healthyAfter + " would be)";
        }
        return "";
    }

    /** What to do instead (empty when allowed). */
    public String hint() {
        if (allowed()) {
            return "";
        }
        return lastMember() ? "removing it would destroy the cluster; take a snapshot and stop etcd instead"
                : "bring the unhealthy members back first; if quorum is lost for good, restore from a snapshot";
    }

    /** The arithmetic in words: "3 voting members -> 2: still tolerates 0 failures (quorum 2)". */
    public String words() {
        if (!targetVotes) {
            return member + " is a learner: the " + voters + " voting members stay; still tolerates "
                    + failures(QuorumMath.tolerance(voters));
        }
        return voters + " voting members -> " + votersAfter() + (targetHealthy ? "" : " (" + member
                + " is not answering)") + ": still tolerates " + failures(QuorumMath.tolerance(votersAfter()))
                + " (quorum " + QuorumMath.quorum(votersAfter()) + ")";
    }

    private static String failures(int n) {
        return n + (n == 1 ? " failure" : " failures");
    }
}
