package dev.quorum.core.lifecycle.backup.pull;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ClusterSnapshots;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.EtcdMember;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code quorum backup pull}: one backup from a member's host or off-site to this workstation, checked against what
 * its list says. The same plan serves {@code restore --snapshot LOCATION} and the app's Backups tab.
 */
public final class BackupPulls {
    private BackupPulls() {
    }

    /** Where pulled backups go unless told otherwise: the cluster's snapshot folder (the Snapshots tab lists it). */
    public static Path defaultDir(ClusterSession cluster) {
        return ClusterSnapshots.store(cluster).dir();
    }

    /** A host location must name a host of the inventory's etcd group; refused here, before anything is asked. */
    public static Plan plan(ClusterSession cluster, PullRequest request, OffsiteStores stores) {
        BackupSource source;
        if (request.location() instanceof HostBackupLocation host) {
            List<String> hosts = cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList();
            if (!hosts.contains(host.host())) {
                throw new BackupLocationException(host.host() + " (in " + host.text() + ") is not a host of the "
                        + "inventory's etcd group (" + String.join(", ", hosts) + ")");
            }
            source = new HostBackupSource(cluster, host, HostBackupSource.PIECE_MIB);
        } else {
            source = new S3BackupSource(stores, (S3BackupLocation) request.location());
        }
        return plan(cluster.inventory().clusterName(), request, source);
    }

    /** The plan over any source (tests give their own). */
    public static Plan plan(String clusterName, PullRequest request, BackupSource source) {
        return new Plan("backup-pull", clusterName, List.of(PlannedStep.onCluster(
                new PullBackupStep(request.location(), source, request.target()))));
    }

    /** An off-site backup read through {@code stores}, without a cluster session. */
    public static BackupSource offsite(S3BackupLocation location, OffsiteStores stores) {
        return new S3BackupSource(stores, location);
    }
}
