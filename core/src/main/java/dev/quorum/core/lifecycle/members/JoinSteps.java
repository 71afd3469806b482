package dev.quorum.core.lifecycle.members;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.BinariesStep;
import dev.quorum.core.lifecycle.steps.CertificatesStep;
import dev.quorum.core.lifecycle.steps.EnableServiceStep;
import dev.quorum.core.lifecycle.steps.EnvFileStep;
import dev.quorum.core.lifecycle.steps.EtcdctlWrapperStep;
import dev.quorum.core.lifecycle.steps.FetchReleaseStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.PreflightStep;
import dev.quorum.core.lifecycle.steps.SharedBinaryGuardStep;
import dev.quorum.core.lifecycle.steps.UnitFileStep;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one host joins a running cluster: prepared like an install but with state
 * {@code existing}, added as a learner, started, promoted once caught up, and the other members'
 * env files updated to the new member list.
 */
final class JoinSteps {
    private JoinSteps() {
    }

    /** Read-only: can the cluster take the host, and is the host fit (nothing changes yet). */
    static List<PlannedStep> checks(LifecycleSession session, EtcdMember joining, Optional<EtcdMember> removedFirst) {
        List<PlannedStep> steps = new ArrayList<>(List.of(
                PlannedStep.onCluster(new AddGuardStep(session, joining, removedFirst)),
                PlannedStep.onCluster(new FetchReleaseStep(session)),
                PlannedStep.onEach(new PreflightStep(session), List.of(joining.hostName()))));
        if (session.settings().layout() == ClusterLayout.EVENTS) {
            steps.add(PlannedStep.onEach(new SharedBinaryGuardStep(session), List.of(joining.hostName())));
        }
        return List.copyOf(steps);
    }

    /**
     * The host's files, as an install lays them out, with state {@code existing}. Binaries and
     * certificates touch only the joining host and not each other: they run together, and with the
     * step before them when {@code alongsidePrevious} (a replacement's retirement of the old host,
     * which may wait for a host that is gone).
     */
    static List<PlannedStep> setup(LifecycleSession session, EtcdMember joining, boolean alongsidePrevious) {
        List<String> host = List.of(joining.hostName());
        PlannedStep binaries = PlannedStep.onEach(new BinariesStep(session), host);
        return List.of(
                alongsidePrevious ? binaries.alongside() : binaries,
                PlannedStep.onEach(new CertificatesStep(session), host).alongside(),
                PlannedStep.onEach(new EnvFileStep(session), host),
                PlannedStep.onEach(new UnitFileStep(session), host),
                PlannedStep.onEach(new EtcdctlWrapperStep(session), host),
                PlannedStep.onEach(new EnableServiceStep(session), host));
    }

    static List<PlannedStep> join(LifecycleSession session, EtcdMember joining, LiveCluster live) {
        List<PlannedStep> steps = new ArrayList<>(List.of(
                PlannedStep.onCluster(new AddLearnerStep(session, joining)),
                PlannedStep.onEach(new StartMemberStep(session), List.of(joining.hostName())),
                PlannedStep.onCluster(new PromoteStep(session, joining)),
                PlannedStep.onCluster(new VerifyClusterStep(session))));
        List<String> others = session.members().stream().filter(live::inInventory)
                .map(EtcdMember::hostName).filter(h -> !h.equals(joining.hostName())).toList();
        if (!others.isEmpty()) {
            steps.add(PlannedStep.onEach(new EnvFileStep(session, false), others));
        }
        return steps;
    }
}
