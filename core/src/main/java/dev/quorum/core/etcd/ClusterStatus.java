package dev.quorum.core.etcd;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The cluster at one moment: each inventory member's own view, the member list, alarms,
 * whether a linearizable read succeeded (which only a cluster with quorum can serve), and the
 * cluster version (what the cluster as a whole speaks; empty when no member told it).
 */
public record ClusterStatus(List<MemberStatus> members, List<MemberInfo> memberList, List<String> alarms,
                            boolean quorum, String quorumError, Optional<EtcdVersion> clusterVersion) {
    public ClusterStatus {
        members = List.copyOf(members);
        memberList = List.copyOf(memberList);
        alarms = List.copyOf(alarms);
    }

    /** Without the cluster version: reads that did not ask for it. */
    public ClusterStatus(List<MemberStatus> members, List<MemberInfo> memberList, List<String> alarms,
                         boolean quorum, String quorumError) {
        this(members, memberList, alarms, quorum, quorumError, Optional.empty());
    }

    /** The distinct versions the members that answered run, lowest first. */
    public SortedSet<EtcdVersion> memberVersions() {
        SortedSet<EtcdVersion> versions = new TreeSet<>();
        members.forEach(m -> m.version().ifPresent(versions::add));
        return versions;
    }

    /** Members that answered run different etcd versions: a rolling upgrade (or rollback) is under way. */
    public boolean mixedVersions() {
        return memberVersions().size() > 1;
    }

    /**
     * The versions in words: "etcd v3.6.14, cluster version 3.6", or "mixed versions: v3.5.33 (etcd1),
     * v3.6.14 (etcd2, etcd3); cluster version 3.5".
     */
    public String versionSentence() {
        SortedSet<EtcdVersion> versions = memberVersions();
        String cluster = clusterVersion.map(v -> "cluster version " + v.line()).orElse("cluster version unknown");
        if (versions.isEmpty()) {
            return "versions unknown: no member answered";
        }
        if (versions.size() == 1) {
            return "etcd " + versions.first() + ", " + cluster;
        }
        List<String> groups = versions.stream().map(v -> v + " (" + String.join(", ", members.stream()
                .filter(m -> m.version().filter(v::equals).isPresent()).map(MemberStatus::memberName).toList())
                + ")").toList();
        return "mixed versions: " + String.join(", ", groups) + "; " + cluster;
    }

    public long healthyCount() {
        return members.stream().filter(MemberStatus::healthy).count();
    }

    /** Every inventory member answers with a leader, is in the member list, the cluster has quorum, no alarms. */
    public boolean healthy() {
        return quorum && alarms.isEmpty() && healthyCount() == members.size() && allListed();
    }

    /**
     * Unhealthy only for members whose client port refused the connection: nothing listens there, so asking again in
     * a moment would find the same (a slow answer or an election would not).
     */
    public boolean unhealthyOnlyWhereNothingListens() {
        List<MemberStatus> unhealthy = members.stream().filter(m -> !m.healthy()).toList();
        return !unhealthy.isEmpty() && unhealthy.stream().allMatch(MemberStatus::refused);
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
