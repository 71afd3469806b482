package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.DowngradeAction;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Going forward again from a downgrade cut off half way (decision 0068): etcd's documented way back is
 * {@code etcdctl downgrade cancel}, then the downgraded members restarted on the newer binaries, which the upgrade's
 * member steps do. Without the cancel every member would run the newer minor while the cluster kept speaking the
 * older one. Done when no member on the target's minor reports a downgrade enabled.
 */
final class DowngradeCancelStep extends ClusterStep {
    private final EtcdVersion target;

    DowngradeCancelStep(LifecycleSession session, EtcdVersion target) {
        super(session);
        this.target = target;
    }

    @Override
    public String title() {
        return "Cancel a downgrade left enabled, if any, before the members go back to " + target.line();
    }

    @Override
    public List<String> preview(String host) {
        String etcdctl = DowngradeCalls.shown(session);
        return List.of(etcdctl + " endpoint status -w json   # on each member on " + target.line()
                        + ": downgradeInfo enabled?",
                etcdctl + " downgrade cancel   # only if one is enabled");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> enabled = new ArrayList<>();
        for (EtcdMember member : onTarget()) {
            DowngradeStatus status = DowngradeStatus.read(session, member);
            if (!status.read()) {
                throw new StepFailedException("cannot read whether a downgrade is enabled on " + member.memberName()
                        + ": " + status.unread(), "make it reachable, then run the same command again; nothing was "
                        + "changed");
            }
            status.enabledTarget().ifPresent(t -> enabled.add(member.memberName() + " (to " + t + ")"));
        }
        return enabled.isEmpty() ? Check.done("no downgrade is enabled")
                : Check.needed("a downgrade is enabled: " + String.join(", ", enabled));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        DowngradeCalls.run(session, context, onTarget().get(0), DowngradeAction.CANCEL, target, "no member was restarted; read etcd's "
                + "reason above, then run the same command again");
    }

    /** Members already on the target's minor: only 3.6+ members report the downgrade state. */
    private List<EtcdMember> onTarget() throws StepFailedException {
        return DowngradeCalls.members(session, running -> running.sameLine(target));
    }
}
