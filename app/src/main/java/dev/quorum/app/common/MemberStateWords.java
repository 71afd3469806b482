package dev.quorum.app.common;

import dev.quorum.core.lifecycle.recover.MemberDiagnosis;

/** A diagnosed member's state in a word or two: {@code quorum diagnose}'s STATE column and the wizard's rows. */
public final class MemberStateWords {
    private MemberStateWords() {
    }

    public static String of(MemberDiagnosis m) {
        if (!m.reachable()) {
            return "unreachable (SSH)";
        }
        if (!m.running().orElse(false)) {
            return "etcd not running";
        }
        if (m.isolated().orElse(false)) {
            return "isolated";
        }
        if (m.status().map(s -> s.learner()).orElse(false)) {
            return "learner";
        }
        if (!m.hasLeader().orElse(false)) {
            return "no leader";
        }
        return m.leader() ? "leader" : "follower";
    }
}
