package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.OfflineTool;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotIntegrity;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the steps of one restore share: the snapshot (known once verified, or once copied from a
 * survivor), the initial cluster token of the restored cluster, and this run's time stamp for the
 * names of data dirs moved aside, and whether the restore raises the snapshot's revisions.
 */
final class RestoreSession {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    final LifecycleSession life;
    final RestoreRequest request;
    final String stamp = STAMP.format(Instant.now());
    private final AtomicReference<Path> snapshot = new AtomicReference<>();
    private final AtomicReference<SnapshotIntegrity> integrity = new AtomicReference<>();
    private final AtomicReference<SnapshotInfo> metadata = new AtomicReference<>();
    private final AtomicReference<String> token = new AtomicReference<>();
    final RestoredRevisions revisions;

    RestoreSession(LifecycleSession life, RestoreRequest request) {
        this.life = life;
        this.request = request;
        this.revisions = new RestoredRevisions(request.keepRevisions(),
                life.members().stream().map(EtcdMember::hostName).toList());
        request.snapshot().ifPresent(file -> snapshot.set(file.toAbsolutePath()));
    }

    Optional<Path> snapshotFile() {
        return Optional.ofNullable(snapshot.get());
    }

    void useSnapshot(Path file) {
        snapshot.set(file.toAbsolutePath());
    }

    void verified(SnapshotIntegrity checked, Optional<SnapshotInfo> info) {
        integrity.set(checked);
        metadata.set(info.orElse(null));
    }

    /** False only in a preview of a survivor restore, before the survivor's database was copied. */
    boolean snapshotKnown() {
        return integrity.get() != null;
    }

    SnapshotIntegrity integrity() {
        SnapshotIntegrity checked = integrity.get();
        if (checked == null) {
            throw new IllegalStateException("the snapshot was not verified before it was needed");
        }
        return checked;
    }

    Optional<SnapshotInfo> metadata() {
        return Optional.ofNullable(metadata.get());
    }

    String sha256() {
        return integrity().sha256();
    }

    String token() {
        String chosen = token.get();
        if (chosen == null) {
            throw new IllegalStateException("the cluster token was not chosen before it was needed");
        }
        return chosen;
    }

    void useToken(String chosen) {
        token.set(chosen);
    }

    /**
     * A new token makes new member and cluster IDs: an old member that comes back with its old
     * data is refused by the restored cluster (cluster ID mismatch) instead of confusing it.
     */
    String freshToken() {
        return life.settings().clusterToken() + "-restored-" + stamp;
    }

    boolean skipHashCheck() {
        return request.skipHashCheck();
    }

    String dataDir() {
        return life.settings().dataDir();
    }

    /** Which of the hosts' clusters is restored (decision 0047): its unit, env file and ports, never the other's. */
    ClusterLayout layout() {
        return life.settings().layout();
    }

    /** The systemd service of the restored cluster: {@code etcd}, or {@code etcd-events}. */
    String unit() {
        return layout().unitName();
    }

    /** Where the snapshot is uploaded on each host, named by its hash so an upload is reused. */
    String remoteSnapshot() {
        return "/var/tmp/quorum-restore-" + sha256().substring(0, 16) + ".db";
    }

    /** etcdutl (3.5+ releases that ship it, always 3.6+) or etcdctl (3.4): see {@link OfflineTool}. */
    OfflineTool tool() {
        return OfflineTool.forRelease(life.settings(), life.fetchedRelease());
    }

    String initialCluster() {
        return HostFiles.initialCluster(life.members());
    }

    Optional<RestoreMarker> marker(String host) throws Exception {
        return ManagedFiles.read(life.remote(host), RestoreMarker.path(dataDir())).flatMap(RestoreMarker::parse);
    }

    /** This host's data dir already holds this snapshot, restored with this run's token and its member name. */
    boolean restoredHere(String host) throws Exception {
        if (!snapshotKnown() || token.get() == null) {
            return false;
        }
        return marker(host).map(m -> m.sameRestore(sha256(), token(), life.member(host).memberName(), initialCluster()))
                .orElse(false);
    }
}
