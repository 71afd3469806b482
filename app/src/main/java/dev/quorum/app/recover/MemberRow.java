package dev.quorum.app.recover;

import dev.quorum.core.lifecycle.recovery.MemberDiagnosis;
import dev.quorum.core.lifecycle.recovery.Problem;
import java.util.List;

/** One member on the diagnosis page: who, its state in a word or two, and its problems in words. */
public record MemberRow(String host, String name, String state, String lag, List<String> problems) {
    public MemberRow {
        problems = List.copyOf(problems);
    }

    static MemberRow of(MemberDiagnosis m) {
        return new MemberRow(m.host(), m.name(), state(m), m.lag().map(String::valueOf).orElse("-"),
                m.problems().stream().map(Problem::text).toList());
    }

    /** The same words as {@code quorum diagnose}'s STATE column. */
    static String state(MemberDiagnosis m) {
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

    public String line() {
        return host + " (" + name + "): " + state + (problems.isEmpty() ? "" : " - " + String.join("; ", problems));
    }
}
