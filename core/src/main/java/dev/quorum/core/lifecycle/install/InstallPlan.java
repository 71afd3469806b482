package dev.quorum.core.lifecycle.install;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.LabelledStep;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.lifecycle.steps.BinariesStep;
import dev.quorum.core.lifecycle.steps.CertificatesStep;
import dev.quorum.core.lifecycle.steps.EnableServiceStep;
import dev.quorum.core.lifecycle.steps.EnvFileStep;
import dev.quorum.core.lifecycle.steps.EtcdctlWrapperStep;
import dev.quorum.core.lifecycle.steps.FetchReleaseStep;
import dev.quorum.core.lifecycle.steps.KubernetesHostSteps;
import dev.quorum.core.lifecycle.steps.KubernetesHostsPlan;
import dev.quorum.core.lifecycle.steps.KubernetesHostsProbe;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.MarkExistingStep;
import dev.quorum.core.lifecycle.steps.PreflightStep;
import dev.quorum.core.lifecycle.steps.RollingRestartStep;
import dev.quorum.core.lifecycle.steps.StartMembersStep;
import dev.quorum.core.lifecycle.steps.SystemTrustStep;
import dev.quorum.core.lifecycle.steps.UnitFileStep;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.release.ReleaseFetcher;
import java.time.Duration;
import java.util.ArrayList;
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

    /** Looks which Kubernetes hosts answer (read-only SSH logins), then plans. */
    public static Plan build(ClusterSession cluster, Duration healthTimeout) {
        return build(cluster, healthTimeout, KubernetesHostsProbe.plan(cluster));
    }

    /**
     * Only the install plan's preflight step, on some of its hosts: read-only checks a wizard runs
     * (in preview) before offering the whole plan.
     */
    public static Plan preflight(ClusterSession cluster, List<String> hosts) {
        return new Plan("install", cluster.inventory().clusterName(),
                List.of(PlannedStep.onEach(new PreflightStep(session(cluster, DEFAULT_HEALTH_TIMEOUT)), hosts)));
    }

    private static LifecycleSession session(ClusterSession cluster, Duration healthTimeout) {
        ReleaseFetcher releases = new ReleaseFetcher(cluster.home().releaseCache(), DOWNLOAD_TIMEOUT);
        return new LifecycleSession(cluster, releases, healthTimeout, cluster.inventory().etcdMembers(),
                InitialClusterState.NEW);
    }

    /**
     * Pure: the etcd members' steps, then the Kubernetes hosts' (decision 0029) as {@code kubernetes} says, after
     * the members are marked existing, so a Kubernetes host cannot hold up the etcd cluster. With the events
     * cluster enabled (decision 0038), its steps follow the main cluster's: the same binaries and certificates
     * serve both, so it gets its own env file, unit, start, health and state only.
     *
     * <p>A host's certificates and files are written alongside the binaries' upload (decision 0046): none reads
     * another, and nothing starts etcd until all of them are done, so a re-run checks them at once too. The members'
     * own system trust goes in while etcd starts (the CA exists by then, and {@code update-ca-certificates} takes
     * seconds that the start spends waiting for elections); only the Kubernetes hosts wait for the members.
     *
     * <p>The checks before anything changes (member count, running version, preflight) only read, so they run while
     * the release is fetched (decision 0052): a failing one still stops the run before the first change.
     */
    public static Plan build(ClusterSession cluster, Duration healthTimeout, KubernetesHostsPlan kubernetes) {
        LifecycleSession session = session(cluster, healthTimeout);
        List<String> hosts = hostNames(cluster);
        List<PlannedStep> steps = new ArrayList<>(List.of(
                PlannedStep.onCluster(new FetchReleaseStep(session)),
                PlannedStep.onCluster(new ClusterShapeStep(session)).alongside(),
                PlannedStep.onCluster(new RunningReleaseStep(session)).alongside(),
                PlannedStep.onEach(new PreflightStep(session), hosts).alongside(),
                PlannedStep.onEach(new BinariesStep(session), hosts),
                PlannedStep.onEach(new CertificatesStep(session), hosts).alongside(),
                PlannedStep.onEach(new EnvFileStep(session), hosts).alongside(),
                PlannedStep.onEach(new UnitFileStep(session), hosts).alongside(),
                PlannedStep.onEach(new EtcdctlWrapperStep(session), hosts).alongside(),
                PlannedStep.onEach(new EnableServiceStep(session), hosts),
                PlannedStep.onCluster(new StartMembersStep(session))));
        List<String> membersTrust = kubernetes.trustHosts().stream().filter(hosts::contains).toList();
        if (!membersTrust.isEmpty()) {
            steps.add(PlannedStep.onEach(new SystemTrustStep(session), membersTrust).alongside());
        }
        steps.addAll(List.of(
                PlannedStep.onCluster(new RollingRestartStep(session)),
                PlannedStep.onCluster(new VerifyClusterStep(session)),
                PlannedStep.onEach(new MarkExistingStep(session), hosts)));
        cluster.inventory().eventsCluster()
                .ifPresent(events -> steps.addAll(eventsSteps(cluster.sibling(events), healthTimeout, session)));
        steps.addAll(KubernetesHostSteps.of(session, kubernetes.withoutTrustOf(membersTrust),
                "quorum install -i " + cluster.inventory().source()));
        return new Plan("install", cluster.inventory().clusterName(), steps);
    }

    /** The events cluster's own steps, each titled "events cluster: ...". */
    static List<PlannedStep> eventsSteps(ClusterSession events, Duration healthTimeout, LifecycleSession main) {
        // its members read the main members' certificates: replaced ones restart etcd-events too
        LifecycleSession session = session(events, healthTimeout).sharingFilesOf(main);
        List<String> hosts = hostNames(events);
        List<PlannedStep> steps = List.of(
                PlannedStep.onCluster(new FetchReleaseStep(session)),
                PlannedStep.onCluster(new ClusterShapeStep(session)).alongside(),
                PlannedStep.onCluster(new RunningReleaseStep(session)).alongside(),
                PlannedStep.onEach(new PreflightStep(session), hosts).alongside(),
                PlannedStep.onEach(new EnvFileStep(session), hosts),
                PlannedStep.onEach(new UnitFileStep(session), hosts).alongside(),
                PlannedStep.onEach(new EnableServiceStep(session), hosts),
                PlannedStep.onCluster(new StartMembersStep(session)),
                PlannedStep.onCluster(new RollingRestartStep(session)),
                PlannedStep.onCluster(new VerifyClusterStep(session)),
                PlannedStep.onEach(new MarkExistingStep(session), hosts));
        return steps.stream().map(p -> new PlannedStep(new LabelledStep(EVENTS_LABEL, p.step()), p.targets(),
                p.withPrevious())).toList();
    }

    /** How the events cluster's steps are titled. */
    public static final String EVENTS_LABEL = "events cluster";

    private static List<String> hostNames(ClusterSession cluster) {
        return cluster.inventory().etcdMembers().stream().map(EtcdMember::hostName).toList();
    }
}
