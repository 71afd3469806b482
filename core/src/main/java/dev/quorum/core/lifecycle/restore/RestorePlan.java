package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.BinariesStep;
import dev.quorum.core.lifecycle.steps.CertificatesStep;
import dev.quorum.core.lifecycle.steps.ClientPortStep;
import dev.quorum.core.lifecycle.steps.EnableServiceStep;
import dev.quorum.core.lifecycle.steps.EnvFileStep;
import dev.quorum.core.lifecycle.steps.EtcdctlWrapperStep;
import dev.quorum.core.lifecycle.steps.FetchReleaseStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.MarkExistingStep;
import dev.quorum.core.lifecycle.steps.SharedBinaryGuardStep;
import dev.quorum.core.lifecycle.steps.StartMembersStep;
import dev.quorum.core.lifecycle.steps.UnitFileStep;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Disaster recovery: quorum is lost for good, so the inventory's etcd group (survivors and new
 * hosts alike) becomes a new cluster restored from one snapshot. Guards first (the snapshot's
 * integrity, then quorum really lost), so nothing is stopped for a bad file; then the hosts are
 * set up as install does, etcd stopped, old data dirs moved aside, the same snapshot restored on
 * every member with its own name and a new cluster token (its revisions raised past the old cluster's, decision
 * 0079), all started together and verified.
 * That first start goes without etcd's initial corruption check (the data are identical by
 * construction); the check is back on once the cluster is verified (decision 0042).
 *
 * <p>Env files say {@code existing} from the start: etcd reads neither the state nor the token
 * when the data dir holds a WAL, and a member whose restore failed must not bootstrap an empty
 * cluster on its own.
 */
public final class RestorePlan {
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private RestorePlan() {
    }

    public static Plan build(ClusterSession cluster, RestoreRequest request) throws Exception {
        return build(cluster, request, DEFAULT_HEALTH_TIMEOUT);
    }

    public static Plan build(ClusterSession cluster, RestoreRequest request, Duration healthTimeout) throws Exception {
        RestoreRequest effective = SurvivorCopies.resumed(cluster, request);
        LifecycleSession life = new LifecycleSession(cluster,
                new ReleaseFetcher(cluster.home().releaseCache(), DOWNLOAD_TIMEOUT), healthTimeout,
                cluster.inventory().etcdMembers(), InitialClusterState.EXISTING);
        RestoreSession restore = new RestoreSession(life, effective);
        List<String> hosts = life.members().stream().map(EtcdMember::hostName).toList();
        List<PlannedStep> steps = new ArrayList<>();
        if (effective.survivor().isPresent()) {
            steps.add(PlannedStep.onCluster(new QuorumLostGuardStep(restore)));
            steps.add(PlannedStep.onCluster(new ClientPortStep(life.cluster(), life.members())));
            steps.add(PlannedStep.onEach(new SurvivorCopyStep(restore), List.of(effective.survivor().get())));
            steps.add(PlannedStep.onCluster(new SnapshotGuardStep(restore)));
        } else {
            steps.add(PlannedStep.onCluster(new SnapshotGuardStep(restore)));
            steps.add(PlannedStep.onCluster(new QuorumLostGuardStep(restore)));
            steps.add(PlannedStep.onCluster(new ClientPortStep(life.cluster(), life.members())));
        }
        steps.addAll(List.of(
                PlannedStep.onCluster(new FetchReleaseStep(life)),
                PlannedStep.onEach(new RestorePreflightStep(restore), hosts)));
        if (life.settings().layout() == ClusterLayout.EVENTS) {
            // the binary is the main cluster's too: an events restore must not change its version
            steps.add(PlannedStep.onEach(new SharedBinaryGuardStep(life), hosts));
        }
        steps.addAll(List.of(
                PlannedStep.onEach(new BinariesStep(life), hosts),
                // as in install (decision 0046): none of these reads another, nothing starts before all are done
                PlannedStep.onEach(new CertificatesStep(life), hosts).alongside(),
                PlannedStep.onEach(new EnvFileStep(life), hosts).alongside(),
                PlannedStep.onEach(new UnitFileStep(life), hosts).alongside(),
                PlannedStep.onEach(new EtcdctlWrapperStep(life), hosts).alongside(),
                PlannedStep.onEach(new EnableServiceStep(life), hosts),
                PlannedStep.onEach(new RevisionBumpCheckStep(restore), hosts),
                PlannedStep.onEach(new StopEtcdStep(restore), hosts),
                PlannedStep.onEach(new UploadSnapshotStep(restore), hosts),
                PlannedStep.onEach(new MoveDataAsideStep(restore), hosts),
                PlannedStep.onEach(new RestoreDataStep(restore), hosts),
                PlannedStep.onEach(new InitialCheckOffStep(restore), hosts),
                PlannedStep.onCluster(new StartMembersStep(life)),
                PlannedStep.onCluster(new VerifyClusterStep(life)),
                PlannedStep.onCluster(new VerifyKeysStep(restore)),
                PlannedStep.onEach(new InitialCheckOnStep(restore), hosts),
                PlannedStep.onEach(new MarkExistingStep(life), hosts),
                PlannedStep.onEach(new CompleteRestoreStep(restore), hosts)));
        return new Plan("restore", cluster.inventory().clusterName(), steps);
    }
}
