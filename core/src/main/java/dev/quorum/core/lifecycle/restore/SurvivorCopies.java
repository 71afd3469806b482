package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survivor restore run again after its survivor was restored (interrupted, or finished): the
 * survivor's database is no longer the one to copy, it holds the restored data now. The copy
 * taken the first time, kept in the snapshot folder and found by the markers' sha256, is what
 * the re-run restores from. Markers of an earlier, completed restore that did not reach every
 * host of this one mean a new disaster: the survivor's database is copied afresh.
 */
final class SurvivorCopies {
    private SurvivorCopies() {
    }

    static RestoreRequest resumed(ClusterSession cluster, RestoreRequest request) throws Exception {
        if (request.survivor().isEmpty()) {
            return request;
        }
        String survivor = request.survivor().get();
        if (cluster.inventory().host(survivor).isEmpty()) {
            throw new RestoreException(survivor + " is not in the inventory's hosts",
                    "name a surviving member's inventory host: quorum restore -i INVENTORY"
                            + (cluster.inventory().layout() == ClusterLayout.MAIN ? "" : " --cluster events")
                            + " --from-survivor HOST");
        }
        Optional<RestoreMarker> onSurvivor = marker(cluster, survivor);
        if (onSurvivor.isEmpty()) {
            return request;
        }
        List<String> hosts = cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList();
        Map<String, Optional<RestoreMarker>> markers = new HashMap<>();
        FanOut.forEach(hosts, hosts.size(), host -> marker(cluster, host))
                .forEach((host, outcome) -> markers.put(host, outcome.ok() ? outcome.value() : Optional.empty()));
        Map<String, String> names = new LinkedHashMap<>();
        cluster.inventory().etcdMembers().forEach(m -> names.put(m.hostName(), m.memberName()));
        String initialCluster = HostFiles.initialCluster(cluster.inventory().etcdMembers());
        RestoreProgress progress = RestoreProgress.of(onSurvivor.get().sha256(), initialCluster, names, markers);
        if (progress.state() == RestoreProgress.State.NOT_STARTED) {
            return request;
        }
        SnapshotStore store = new SnapshotStore(cluster.home().snapshots(cluster.inventory().clusterName()));
        return store.list().stream().filter(info -> info.sha256().equals(onSurvivor.get().sha256()))
                .map(SnapshotInfo::file).findFirst()
                .map(file -> new RestoreRequest(Optional.of(file), Optional.empty(), true, request.declaredLost(),
                        request.rollBackLive(), request.keepRevisions()))
                .orElse(request);
    }

    private static Optional<RestoreMarker> marker(ClusterSession cluster, String host) throws Exception {
        return ManagedFiles.read(cluster.remote(host), RestoreMarker.path(cluster.inventory().etcd().dataDir()))
                .flatMap(RestoreMarker::parse);
    }
}
