package dev.quorum.app.cluster;

import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds ClusterStatus values for unit tests of the view model (the live ones come from real etcd in other tests). */
public final class Statuses {
    private Statuses() {
    }

    /** @param roles per member: "leader", "follower", "learner", "noleader" or "down" */
    public static ClusterStatus of(long leaderIndex, String... roles) {
        List<MemberStatus> members = new ArrayList<>();
        List<MemberInfo> list = new ArrayList<>();
        long leaderId = 0;
        for (int i = 0; i < roles.length; i++) {
            if (roles[i].equals("leader")) {
                leaderId = id(i);
            }
        }
        for (int i = 0; i < roles.length; i++) {
            String name = "etcd" + (i + 1);
            String url = "https://10.0.0." + (i + 1) + ":2379";
            list.add(new MemberInfo(id(i), name, List.of(), List.of(url), roles[i].equals("learner")));
            Optional<EndpointStatus> status = roles[i].equals("down") ? Optional.empty()
                    : Optional.of(new EndpointStatus(url, id(i), "3.4.23", roles[i].equals("noleader") ? 0 : leaderId, 7,
                    roles[i].equals("leader") ? leaderIndex : leaderIndex - i, leaderIndex - i, 25_000, 20_000,
                    roles[i].equals("learner"), List.of()));
            members.add(new MemberStatus("node" + (i + 1), name, url, status, status.isEmpty() ? "no answer in time" : ""));
        }
        boolean quorum = leaderId != 0;
        return new ClusterStatus(members, list, List.of(), quorum, quorum ? "" : "context deadline exceeded");
    }

    /**
     * A healthy cluster, the first member leading, each member on the given version (etcd's form,
     * "3.6.14"), the cluster speaking {@code clusterVersion} ("3.5.0"; null: not told).
     */
    public static ClusterStatus withVersions(String clusterVersion, String... versions) {
        List<MemberStatus> members = new ArrayList<>();
        List<MemberInfo> list = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            String name = "etcd" + (i + 1);
            String url = "https://10.0.0." + (i + 1) + ":2379";
            list.add(new MemberInfo(id(i), name, List.of(), List.of(url), false));
            members.add(new MemberStatus("node" + (i + 1), name, url, Optional.of(new EndpointStatus(url, id(i),
                    versions[i], id(0), 7, 100, 100, 25_000, 20_000, false, List.of())), ""));
        }
        return new ClusterStatus(members, list, List.of(), true, "",
                Optional.ofNullable(clusterVersion).map(EtcdVersion::parse));
    }

    /** Three healthy members at IPv6 endpoints, a raft index in the hundred millions, 21 MiB of data. */
    public static ClusterStatus wide() {
        List<MemberStatus> members = new ArrayList<>();
        List<MemberInfo> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "etcd" + (i + 1);
            String url = "https://[2001:db8::1" + i + "]:2379";
            list.add(new MemberInfo(id(i), name, List.of(), List.of(url), false));
            EndpointStatus s = new EndpointStatus(url, id(i), "3.5.16", id(0), 12, 123_456_789L - i,
                    123_456_789L - i, 21_495_808L, 12_700_000L, false, List.of());
            members.add(new MemberStatus("node" + (i + 1) + ".example.internal", name, url, Optional.of(s), ""));
        }
        return new ClusterStatus(members, list, List.of(), true, "");
    }

    static long id(int i) {
        return 0x1000L + i;
    }
}
