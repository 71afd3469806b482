package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.DowngradeAction;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * etcd's downgrade switched on (decision 0068): {@code etcdctl downgrade validate} then {@code enable} for the
 * target's minor, asked of a member on the newer minor; done once every member still on the newer minor reports the
 * downgrade enabled and its storage migrated to the target's minor, which its binary then can start on. The cluster
 * speaks the older minor from here on; {@code etcdctl downgrade cancel} undoes it while a member is still newer.
 */
final class DowngradeEnableStep extends ClusterStep {
    private static final Duration MIGRATION_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);
    private final EtcdVersion target;

    DowngradeEnableStep(LifecycleSession session, EtcdVersion target) {
        super(session);
        this.target = target;
    }

    @Override
    public String title() {
        return "Enable etcd's downgrade to " + target.line() + " and wait for every storage version to follow";
    }

    @Override
    public List<String> preview(String host) {
        String etcdctl = DowngradeCalls.shown(session);
        return List.of(etcdctl + " downgrade validate " + target.line(),
                etcdctl + " downgrade enable " + target.line() + "   # the cluster speaks " + target.line() + " now",
                etcdctl + " endpoint status -w json   # on each newer member: storageVersion " + target.line()
                        + ".0, downgradeInfo enabled");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> waiting = new ArrayList<>();
        boolean enabled = true;
        for (EtcdMember member : newer()) {
            DowngradeStatus status = DowngradeStatus.read(session, member);
            if (!status.read()) {
                throw new StepFailedException("cannot read the downgrade state of " + member.memberName() + ": "
                        + status.unread(), "make it reachable, then run the same command again");
            }
            enabled &= status.downgradingTo(target.line());
            if (!status.storageOn(target.line())) {
                waiting.add(member.memberName() + " (storage " + status.storageVersion() + ")");
            }
        }
        if (enabled && waiting.isEmpty()) {
            return Check.done("the downgrade to " + target.line() + " is enabled; every newer member's storage is on "
                    + target.line());
        }
        return Check.needed((enabled ? "downgrade to " + target.line() + " enabled" : "no downgrade to "
                + target.line() + " enabled") + (waiting.isEmpty() ? "" : "; storage not yet on " + target.line()
                + ": " + String.join(", ", waiting)));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        List<EtcdMember> newer = newer();
        EtcdMember asked = newer.get(0);
        DowngradeStatus now = DowngradeStatus.read(session, asked);
        if (now.downgradingTo(target.line())) {
            context.info("the downgrade to " + target.line() + " is enabled already");
            return;
        }
        DowngradeCalls.run(session, context, asked, DowngradeAction.VALIDATE, target,
                "nothing was changed; read etcd's reason above, then run the same command again");
        DowngradeCalls.run(session, context, asked, DowngradeAction.ENABLE, target,
                "look at quorum status; etcdctl downgrade cancel on a member undoes an enabled downgrade");
    }

    /** The storage follows a moment after the enable (the leader's version monitor); waits for it, bounded. */
    @Override
    public void verify(StepContext context) throws Exception {
        Instant deadline = Instant.now().plus(MIGRATION_WAIT);
        Check after = check(context);
        while (after.needed() && Instant.now().isBefore(deadline)) {
            context.cancellation().sleep(POLL);
            after = check(context);
        }
        if (after.needed()) {
            throw new StepFailedException("the downgrade did not take effect within " + MIGRATION_WAIT.toSeconds()
                    + " s: " + after.reason(), "look at journalctl -u " + session.settings().layout().unitName()
                    + " on the leader; no member was restarted. etcdctl downgrade cancel on a member takes the "
                    + "cluster back to its newer minor");
        }
    }

    /** The members still on a newer minor than the target (those to downgrade). */
    private List<EtcdMember> newer() throws StepFailedException {
        return DowngradeCalls.members(session, running -> running.compareTo(target) > 0 && !running.sameLine(target));
    }
}
