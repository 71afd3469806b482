package dev.quorum.core.lifecycle.disaster;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.util.Optional;

/**
 * A survivor restore run again after its survivor was restored: the survivor's database is no
 * longer the one to copy (it holds the restored data now). The copy taken the first time, kept
 * in the snapshot folder and named by the marker's sha256, is what the re-run restores from.
 */
final class SurvivorCopies {
    private SurvivorCopies() {
    }

    static RestoreRequest resumed(ClusterSession cluster, RestoreRequest request) throws Exception {
        if (request.survivor().isEmpty()) {
            return request;
        }
        String host = request.survivor().get();
        if (cluster.inventory().host(host).isEmpty()) {
            throw new RestoreException(host + " is not in the inventory's hosts",
                    "name a surviving member's inventory host: quorum restore -i INVENTORY --from-survivor HOST");
        }
        String dataDir = cluster.inventory().etcd().dataDir();
        Optional<RestoreMarker> marker = ManagedFiles.read(cluster.remote(host), RestoreMarker.path(dataDir))
                .flatMap(RestoreMarker::parse);
        if (marker.isEmpty()) {
            return request;
        }
        SnapshotStore store = new SnapshotStore(cluster.home().snapshots(cluster.inventory().clusterName()));
        return store.list().stream().filter(info -> info.sha256().equals(marker.get().sha256()))
                .map(SnapshotInfo::file).findFirst()
                .map(file -> RestoreRequest.fromSnapshot(file, true))
                .orElse(request);
    }
}
