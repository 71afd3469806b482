package dev.quorum.core.lifecycle.members;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
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
import java.util.function.BooleanSupplier;

/** Removes the member from the cluster's member list. Works whether or not its host is alive. */
final class RemoveMemberStep extends ClusterStep {
    /**
     * etcd's strict reconfiguration check refuses a removal ("unhealthy cluster") while the members
     * left would not all have been connected for 5 s, e.g. just after a join or a restart.
     */
    private static final Duration UNHEALTHY_RETRY_WINDOW = Duration.ofSeconds(15);

    private final EtcdMember leaving;
    private final BooleanSupplier alreadyBack;

    RemoveMemberStep(LifecycleSession session, EtcdMember leaving) {
        this(session, leaving, () -> false);
    }

    /** @param alreadyBack true when the member listed now is a re-added one that must stay */
    RemoveMemberStep(LifecycleSession session, EtcdMember leaving, BooleanSupplier alreadyBack) {
        super(session);
        this.leaving = leaving;
        this.alreadyBack = alreadyBack;
    }

    @Override
    public String title() {
        return "Remove " + leaving.memberName() + " from the cluster";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl member remove <id of " + leaving.memberName() + ">");
    }

    private Optional<MemberInfo> info() throws Exception {
        return MemberListing.entry(session.cluster(), leaving);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (alreadyBack.getAsBoolean()) {
            return Check.done(leaving.memberName() + " was removed and added again already");
        }
        return info().map(i -> Check.needed(leaving.memberName() + " (" + i.idHex() + ") is a member"))
                .orElse(Check.done(leaving.memberName() + " is not a member"));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        MemberInfo info = info().orElseThrow();
        Instant deadline = Instant.now().plus(UNHEALTHY_RETRY_WINDOW);
        while (true) {
            try {
                session.cluster().sharedEtcd().removeMember(info.id()).get(15, TimeUnit.SECONDS);
                break;
            } catch (ExecutionException e) {
                // A member serving its own removal stops before it answers: the member list tells.
                if (info().isEmpty()) {
                    break;
                }
                String why = String.valueOf(e.getCause().getMessage());
                if (!why.contains("unhealthy cluster") || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                context.info("etcd says the remaining members were not all connected for 5 s yet; retrying");
                context.cancellation().sleep(Duration.ofMillis(500));
            }
        }
        context.info("removed " + leaving.memberName() + " (" + info.idHex() + ")");
    }
}
