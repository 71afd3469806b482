package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClientPortReach;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;

/**
 * The steps after this one talk to etcd from the workstation (member changes, health checks), so
 * a plan that would stop, restart, move or restore anything first makes sure the workstation
 * reaches every member's client port ({@link ClientPortReach}): a firewall between here and the
 * hosts refuses before anything changes, naming what could not be reached, instead of reading as
 * "no quorum" later.
 */
public final class ClientPortStep implements Step {
    private final List<EtcdMember> members;

    public ClientPortStep(List<EtcdMember> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public String title() {
        return "Check this workstation reaches etcd's client port on every member";
    }

    @Override
    public List<String> preview(String target) {
        return members.stream().map(m -> "nc -z -w 3 " + m.address() + " " + EtcdMember.CLIENT_PORT
                + "   # from this workstation").toList();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> unreached = ClientPortReach.unreached(members);
        if (!unreached.isEmpty()) {
            throw new StepFailedException("this workstation cannot reach etcd's client port on "
                    + String.join(", ", unreached) + "; the steps that follow talk to etcd from here, so nothing "
                    + "was changed", ClientPortReach.hint());
        }
        return Check.done("client port " + EtcdMember.CLIENT_PORT + " reachable on every member");
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
