package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Promotes the learner to a voting member, retrying while etcd says it has not caught up yet. */
final class PromoteStep extends ClusterStep {
    private static final Duration PROMOTE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofMillis(300);

    private final EtcdMember joining;

    PromoteStep(LifecycleSession session, EtcdMember joining) {
        super(session);
        this.joining = joining;
    }

    @Override
    public String title() {
        return "Promote " + joining.memberName() + " to a voting member once it has caught up";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl member promote <id of " + joining.memberName() + ">   # retried until in sync");
    }

    private Optional<MemberInfo> info() throws Exception {
        return MemberListing.entry(session.cluster(), joining);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<MemberInfo> info = info();
        if (info.isEmpty()) {
            return Check.needed(joining.memberName() + " is not in the member list yet");
        }
        return info.get().learner() ? Check.needed(joining.memberName() + " is a learner")
                : Check.done(joining.memberName() + " is a voting member");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        MemberInfo learner = info().orElseThrow(() -> new StepFailedException(joining.memberName()
                + " disappeared from the member list", "re-run the command"));
        Instant deadline = Instant.now().plus(PROMOTE_TIMEOUT);
        String lastRefusal = "";
        while (true) {
            try {
                session.cluster().sharedEtcd().promoteMember(learner.id()).get(10, TimeUnit.SECONDS);
                context.info("promoted " + joining.memberName() + " (" + learner.idHex() + ")");
                return;
            } catch (ExecutionException e) {
                String why = String.valueOf(e.getCause().getMessage());
                if (why.contains("is not a learner") || why.contains("not a learner")) {
                    return;
                }
                if (!why.contains("in sync") && !why.contains("not ready") && !why.contains("too many requests")) {
                    throw new StepFailedException("etcd refused to promote " + joining.memberName() + ": " + why,
                            "see quorum status; the learner can be removed with quorum remove --member "
                                    + joining.memberName());
                }
                if (!why.equals(lastRefusal)) {
                    context.info("waiting for " + joining.memberName() + " to catch up: " + why);
                    lastRefusal = why;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepFailedException(joining.memberName() + " did not catch up within "
                        + PROMOTE_TIMEOUT.toSeconds() + " s (" + lastRefusal + ")",
                        "check the network between " + joining.hostName() + " and the leader; re-run to retry");
            }
            context.cancellation().sleep(RETRY);
        }
    }
}
