package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.LabelledStep;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.Step;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.steps.ClientPortStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.VerifyClusterStep;
import java.util.List;
import java.util.Optional;

/**
 * The events cluster's part of a renewal or CA rotation (decision 0048). Its members read the main members'
 * certificate and CA files, so whatever a renewal or rotation writes there must reach a running etcd-events too,
 * member by member with its quorum kept: after each host's main steps, the same host's etcd-events is made to serve
 * the new files (or trust the new CA), moved off leadership first when it leads, and proven healthy before the
 * next host. Nothing is written for it: the main cluster's steps wrote the files. Each step is titled
 * "events cluster: ...".
 */
final class EventsCertSteps {
    static final String LABEL = "events cluster";

    private final LifecycleSession session;
    private final RenewalRun run;

    private EventsCertSteps(LifecycleSession session, RenewalRun run) {
        this.session = session;
        this.run = run;
    }

    /** Present when the inventory enables the events cluster; {@code main}'s run then marks its hosts here too. */
    static Optional<EventsCertSteps> of(ClusterSession main, RenewalRun mainRun) {
        Optional<Inventory> events = main.inventory().eventsCluster();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        LifecycleSession session = CertPlanner.session(main.sibling(events.get()));
        RenewalRun run = new RenewalRun(session, mainRun.request(), mainRun::issuer);
        mainRun.sharingFilesWith(run);
        return Optional.of(new EventsCertSteps(session, run));
    }

    /** Its client port answers, then its own choice of rolling or all at once (it may have quorum when main has not). */
    List<PlannedStep> guards(List<String> hosts) {
        return List.of(onCluster(new ClientPortStep(session.cluster(), session.members())),
                onCluster(new RenewalGuardStep(run, hosts)));
    }

    /** Its client port, for a rotation (which has no guard: the hosts must have quorum). */
    PlannedStep clientPort() {
        return onCluster(new ClientPortStep(session.cluster(), session.members()));
    }

    /** The host's etcd-events serves the files the main steps just wrote, and is healthy. */
    PlannedStep serve(String host) {
        return PlannedStep.onEach(new LabelledStep(LABEL, new ServeRenewedStep(run)), List.of(host));
    }

    /** The host's etcd-events restarted onto the CA files the main step just wrote, and healthy. */
    PlannedStep trust(String host, Trust trust) {
        return PlannedStep.onEach(new LabelledStep(LABEL, new HostTrustStep(session, trust)), List.of(host));
    }

    /** Without quorum: every etcd-events restarts together, as the main members do. */
    PlannedStep restartTogether() {
        return onCluster(new RestartTogetherStep(run));
    }

    /** Replacing an expired CA: every etcd-events restarts together onto the shared files, as the main members did. */
    PlannedStep reloadTrustTogether() {
        return onCluster(new ReloadTrustTogetherStep(session));
    }

    PlannedStep verify() {
        return onCluster(new VerifyClusterStep(session));
    }

    private static PlannedStep onCluster(Step step) {
        return PlannedStep.onCluster(new LabelledStep(LABEL, step));
    }
}
