package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.CommandResult;
import java.util.ArrayList;
import java.util.List;

/** Every member host's backups, read over SSH (read-only); hosts that cannot be read are listed as unknown. */
public final class BackupList {
    private BackupList() {
    }

    public static List<HostBackups> read(ClusterSession cluster) {
        List<HostBackups> hosts = new ArrayList<>();
        for (EtcdMember member : cluster.inventory().etcdMembers()) {
            hosts.add(read(cluster, member.hostName()));
        }
        return hosts;
    }

    public static HostBackups read(ClusterSession cluster, String host) {
        CommandResult result;
        try {
            result = cluster.remote(host).run(ManifestListing.command(BackupUnits.of(cluster)));
        } catch (Exception e) {
            return HostBackups.unknown(host, "cannot be reached over SSH: " + e.getMessage());
        }
        if (!result.ok()) {
            return HostBackups.unknown(host, "cannot list its backups: " + result.stderrTail());
        }
        return new HostBackups(host, ManifestListing.parse(host, result.stdout()), java.util.Optional.empty());
    }
}
