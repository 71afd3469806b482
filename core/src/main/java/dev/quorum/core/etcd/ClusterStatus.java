package dev.quorum.core.etcd;

import java.util.List;
import java.util.Optional;

/**
 * The cluster at one moment: each inventory member's own view, the member list, alarms, and
 * whether a linearizable read succeeded (which only a cluster with quorum can serve).
 */
public record ClusterStatus(List<MemberStatus> members, List<MemberInfo> memberList, List<String> alarms,
                            boolean quorum, String quorumError) {
    public ClusterStatus {
        members = List.copyOf(members);
        memberList = List.copyOf(memberList);
        alarms = List.copyOf(alarms);
    }

    public long healthyCount() {
        return members.stream().filter(MemberStatus::healthy).count();
    }

    /** Every inventory member answers with a leader, is in the member list, the cluster has quorum, no alarms. */
    public boolean healthy() {
        return quorum && alarms.isEmpty() && healthyCount() == members.size() && allListed();
    }

    private boolean allListed() {
        return members.stream().allMatch(m -> memberList.stream()
                .anyMatch(info -> info.name().equals(m.memberName())));
    }

    public Optional<MemberStatus> leader() {
        return members.stream().filter(m -> m.status().map(EndpointStatus::isLeader).orElse(false)).findFirst();
    }

    /**
     * A majority of the voting members answer, with a leader or not: without quorum now, an
     * election among them can bring it back.
     */
    public boolean majorityReachable() {
        long voters = memberList.stream().filter(m -> !m.learner()).count();
        long reachableVoters = members.stream().filter(MemberStatus::reachable)
                .filter(m -> !m.status().orElseThrow().learner()).count();
        return voters > 0 && reachableVoters >= voters / 2 + 1;
    }

    /** How many more voting members may fail before quorum is lost. */
    public int faultTolerance() {
        long voters = memberList.stream().filter(m -> !m.learner()).count();
        long quorumSize = voters / 2 + 1;
        return (int) Math.max(0, healthyCount() - quorumSize);
    }

    /** At least one member answered this workstation: without that, nothing is known about quorum. */
    public boolean anyAnswered() {
        return members.stream().anyMatch(MemberStatus::reachable);
    }

    /** Health in words, for the status line: "3/3 healthy, tolerates 1 failure" or "quorum lost". */
    public String sentence() {
        if (!quorum && !members.isEmpty() && !anyAnswered()) {
            return "unknown: no member answered this workstation (" + members.get(0).hostName() + ": "
                    + members.get(0).error() + "); that says nothing about quorum (a firewall may block port "
                    + "2379 from here): quorum diagnose asks each host over SSH";
        }
        if (!quorum) {
            return "quorum lost: " + (members.size() - healthyCount()) + " of " + members.size()
                    + " members unhealthy" + (quorumError.isEmpty() ? "" : " (" + quorumError + ")");
        }
        int tolerance = faultTolerance();
        String base = healthyCount() + "/" + members.size() + " healthy, tolerates " + tolerance
                + (tolerance == 1 ? " failure" : " failures");
        List<String> unlisted = members.stream().map(MemberStatus::memberName)
                .filter(name -> memberList.stream().noneMatch(info -> info.name().equals(name))).toList();
        String listed = unlisted.isEmpty() || memberList.isEmpty() ? base
                : base + "; not in the cluster's member list: " + String.join(", ", unlisted)
                + " (check the inventory's etcd group and etcd_member_name)";
        return alarms.isEmpty() ? listed : listed + "; alarms: " + String.join(", ", alarms);
    }
}
