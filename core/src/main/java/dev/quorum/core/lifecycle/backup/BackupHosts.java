package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.RemoteHost;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the steps of one backup plan share: the cluster, its members, and which hosts need a daemon-reload. */
final class BackupHosts {
    private final ClusterSession cluster;
    private final List<EtcdMember> members;
    private final Set<String> reloadNeeded = ConcurrentHashMap.newKeySet();

    BackupHosts(ClusterSession cluster, List<EtcdMember> members) {
        this.cluster = cluster;
        this.members = List.copyOf(members);
    }

    ClusterSession cluster() {
        return cluster;
    }

    /** This cluster's backup files and units on a host (the main or the events cluster's). */
    BackupUnits units() {
        return BackupUnits.of(cluster);
    }

    List<EtcdMember> members() {
        return members;
    }

    List<String> hostNames() {
        return members.stream().map(EtcdMember::hostName).toList();
    }

    EtcdMember member(String hostName) {
        return members.stream().filter(m -> m.hostName().equals(hostName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(hostName + " is not a member of this plan"));
    }

    RemoteHost remote(String hostName) throws Exception {
        return cluster.remote(hostName);
    }

    void unitChanged(String hostName) {
        reloadNeeded.add(hostName);
    }

    boolean reloadNeeded(String hostName) {
        return reloadNeeded.contains(hostName);
    }

    void reloaded(String hostName) {
        reloadNeeded.remove(hostName);
    }
}
