package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClientPortReach;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;
import java.util.Optional;

/**
 * The steps after this one talk to etcd from the workstation (member changes, health checks), so
 * a plan that would stop, restart, move or restore anything first makes sure the workstation
 * reaches every member's client port ({@link ClientPortReach}): a firewall between here and the
 * hosts refuses before anything changes, naming what could not be reached, instead of reading as
 * "no quorum" later.
 */
public final class ClientPortStep implements Step {
    private final List<EtcdMember> members;
    private final Optional<ClusterSession> session;

    public ClientPortStep(List<EtcdMember> members) {
        this(Optional.empty(), members);
    }

    /** Asks the session, so a member it reaches through an SSH tunnel counts as reached. */
    public ClientPortStep(ClusterSession session, List<EtcdMember> members) {
        this(Optional.of(session), members);
    }

    private ClientPortStep(Optional<ClusterSession> session, List<EtcdMember> members) {
        this.members = List.copyOf(members);
        this.session = session;
    }

    @Override
    public String title() {
        return "Check this workstation reaches etcd's client port on every member";
    }

    @Override
    public List<String> preview(String target) {
        return members.stream().map(m -> "nc -z -w 3 " + m.address() + " " + m.clientPort()
                + "   # from this workstation").toList();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> unreached = session.map(s -> s.unreachedClientPorts(members))
                .orElseGet(() -> ClientPortReach.unreached(members));
        if (!unreached.isEmpty()) {
            throw new StepFailedException("this workstation cannot reach etcd's client port on "
                    + String.join(", ", unreached) + "; the steps that follow talk to etcd from here, so nothing "
                    + "was changed", ClientPortReach.hint());
        }
        List<String> tunnelled = session.map(s -> s.etcdRoutes().tunnelled()).orElse(List.of()).stream()
                .filter(host -> members.stream().anyMatch(m -> m.hostName().equals(host))).toList();
        if (!tunnelled.isEmpty()) {
            return Check.done("etcd reached on every member, through SSH tunnels on " + String.join(", ", tunnelled));
        }
        return Check.done("client port " + members.stream().map(EtcdMember::clientPort).findFirst()
                .orElse(EtcdMember.CLIENT_PORT) + " reachable on every member");
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
