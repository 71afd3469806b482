package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Adds the new member as a learner: it receives the log but does not vote, so until it is
 * promoted the cluster's quorum and fault tolerance do not change, even if it never starts.
 */
final class AddLearnerStep extends ClusterStep {
    private static final Duration UNHEALTHY_RETRY_WINDOW = Duration.ofSeconds(15);

    private final EtcdMember joining;

    AddLearnerStep(LifecycleSession session, EtcdMember joining) {
        super(session);
        this.joining = joining;
    }

    @Override
    public String title() {
        return "Add " + joining.memberName() + " as a learner";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl member add " + joining.memberName() + " --peer-urls=" + joining.peerUrl() + " --learner");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        boolean listed = MemberListing.entry(session.cluster(), joining).isPresent();
        return listed ? Check.done(joining.peerUrl() + " is in the member list")
                : Check.needed(joining.peerUrl() + " is not in the member list yet");
    }

    /**
     * etcd's strict reconfiguration check refuses any add ("unhealthy cluster") until the member
     * serving the request has been connected to every voter for 5 s, e.g. just after a restart.
     */
    @Override
    public void apply(StepContext context) throws Exception {
        Instant deadline = Instant.now().plus(UNHEALTHY_RETRY_WINDOW);
        while (true) {
            try {
                var added = session.cluster().sharedEtcd().addMember(List.of(joining.peerUrl()), true)
                        .get(15, TimeUnit.SECONDS);
                context.info("added learner " + added.idHex() + " for " + joining.peerUrl());
                return;
            } catch (ExecutionException e) {
                String why = String.valueOf(e.getCause().getMessage());
                if (!why.contains("unhealthy cluster") || Instant.now().isAfter(deadline)) {
                    throw new StepFailedException("etcd refused to add " + joining.memberName() + ": " + why,
                            "etcd adds members only when every voter has been connected for 5 s; check "
                                    + "quorum status and re-run");
                }
                context.info("etcd says the cluster was not fully connected for 5 s yet; retrying");
                context.cancellation().sleep(Duration.ofMillis(500));
            }
        }
    }
}
