package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.snapshot.SnapshotInfo;
import dev.quorum.core.snapshot.SnapshotStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A snapshot to the workstation before anything changes, so every destructive run can be undone
 * by a restore. Skipped only when the run's change is already complete.
 */
public final class SnapshotStep extends ClusterStep {
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(2);

    private final String reason;
    private final BooleanSupplier changeAlreadyDone;
    private volatile SnapshotInfo lastSnapshot;

    public SnapshotStep(LifecycleSession session, String reason, BooleanSupplier changeAlreadyDone) {
        super(session);
        this.reason = reason;
        this.changeAlreadyDone = changeAlreadyDone;
    }

    @Override
    public String title() {
        return "Take a snapshot to this workstation first";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl snapshot save " + session.cluster().home().snapshots(session.cluster().inventory()
                .clusterName()) + "/<time>-" + reason.replace(' ', '-') + ".db");
    }

    @Override
    public Check check(StepContext context) {
        return changeAlreadyDone.getAsBoolean() ? Check.done("nothing left to change: no snapshot needed")
                : Check.needed("every destructive change starts from a fresh snapshot");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdAdmin etcd = session.cluster().sharedEtcd();
        List<MemberInfo> list = etcd.members().get(10, TimeUnit.SECONDS);
        // Only members serving now: the plan's target list may hold one that has not joined yet.
        List<EtcdMember> serving = session.members().stream()
                .filter(m -> list.stream().anyMatch(i -> i.started() && i.peerUrls().contains(m.peerUrl())))
                .toList();
        String version = ClusterProbe.probeEndpoints(etcd, serving, VERSION_TIMEOUT, session.cluster().silentEndpoints())
                .members().stream().flatMap(m -> m.status().stream()).map(EndpointStatus::version)
                .findFirst().orElse("unknown");
        List<String> members = list.stream().map(MemberInfo::name).toList();
        SnapshotInfo info = new SnapshotStore(session.cluster().home().snapshots(session.cluster().inventory()
                .clusterName())).save(etcd, reason, version, members);
        context.info("snapshot saved: " + info.file() + " (" + info.sizeBytes() / 1024 + " KiB, revision "
                + info.revision() + ", sha256 " + info.sha256().substring(0, 12) + ")");
        lastSnapshot = info;
    }

    @Override
    public void verify(StepContext context) {
        if (lastSnapshot == null || !Files.isRegularFile(lastSnapshot.file())) {
            throw new IllegalStateException("the snapshot file was not written");
        }
    }
}
