package dev.quorum.core.lifecycle.install;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.List;

/**
 * Install: bare hosts to a healthy TLS cluster laid out as Kubespray lays it out. Every step
 * checks first, so a re-run on a healthy cluster changes nothing and an interrupted run completes.
 */
public final class InstallPlan {
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private InstallPlan() {
    }

    public static Plan build(ClusterSession cluster) {
        return build(cluster, DEFAULT_HEALTH_TIMEOUT);
    }

    public static Plan build(ClusterSession cluster, Duration healthTimeout) {
        ReleaseFetcher releases = new ReleaseFetcher(cluster.home().releaseCache(), DOWNLOAD_TIMEOUT);
        InstallSession session = new InstallSession(cluster, releases, healthTimeout);
        List<String> hosts = cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList();
        return new Plan("install", cluster.inventory().clusterName(), List.of(
                PlannedStep.onCluster(new FetchReleaseStep(session)),
                PlannedStep.onCluster(new ClusterShapeStep(session)),
                PlannedStep.onEach(new PreflightStep(session), hosts),
                PlannedStep.onEach(new BinariesStep(session), hosts),
                PlannedStep.onEach(new CertificatesStep(session), hosts),
                PlannedStep.onEach(new EnvFileStep(session), hosts),
                PlannedStep.onEach(new UnitFileStep(session), hosts),
                PlannedStep.onEach(new EtcdctlWrapperStep(session), hosts),
                PlannedStep.onEach(new EnableServiceStep(session), hosts),
                PlannedStep.onCluster(new StartMembersStep(session)),
                PlannedStep.onCluster(new RollingRestartStep(session)),
                PlannedStep.onCluster(new VerifyClusterStep(session)),
                PlannedStep.onEach(new MarkExistingStep(session), hosts)));
    }
}
