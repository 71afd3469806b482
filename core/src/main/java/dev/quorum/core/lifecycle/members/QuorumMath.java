package dev.quorum.core.lifecycle.members;

/** Raft's arithmetic, for refusing changes that would cost the cluster its quorum. */
final class QuorumMath {
    private QuorumMath() {
    }

    static int quorum(int voters) {
        return voters / 2 + 1;
    }

    /**
     * Whether removing a member keeps a working majority.
     *
     * @param voters          voting members now
     * @param healthyVoters   voting members answering with a leader now
     * @param targetVotes     the member to remove is a voter (not a learner)
     * @param targetHealthy   the member to remove is one of the healthy ones
     */
    static boolean removalKeepsQuorum(int voters, int healthyVoters, boolean targetVotes, boolean targetHealthy) {
        boolean commitsNow = healthyVoters >= quorum(voters);
        if (!targetVotes) {
            return commitsNow;
        }
        int remainingHealthy = healthyVoters - (targetHealthy ? 1 : 0);
        return commitsNow && voters > 1 && remainingHealthy >= quorum(voters - 1);
    }

    /** How many voters may fail while the rest still make a majority (0 for one or two voters). */
    static int tolerance(int voters) {
        return voters < 1 ? 0 : voters - quorum(voters);
    }
}
