package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.EtcdMember;
import java.util.List;
import java.util.Optional;

/**
 * Restarts, one at a time, the running members whose binaries, certificates or files changed.
 * Leadership is moved away first: a stopping leader otherwise waits etcd's 15 s request timeout.
 * Each restart waits for the cluster to be healthy before the next.
 */
public final class RollingRestartStep extends ClusterStep {

    public RollingRestartStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Restart changed members one at a time";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# only members whose files changed while etcd was running, leader last:",
                "etcdctl move-leader <healthy follower>   # if it leads",
                "systemctl restart " + session.settings().layout().unitName() + " && etcdctl endpoint health --cluster");
    }

    @Override
    public Check check(StepContext context) {
        List<String> pending = pending();
        return pending.isEmpty() ? Check.done("no member needs a restart")
                : Check.needed("files changed under running etcd on " + String.join(", ", pending));
    }

    private List<String> pending() {
        return session.members().stream().map(EtcdMember::hostName)
                .filter(session.restartNeeded()::contains).toList();
    }

    @Override
    public void apply(StepContext context) throws Exception {
        List<String> pending = pending();
        Optional<MemberStatus> leader = HealthWait.probe(session).leader();
        List<String> order = pending.stream()
                .sorted((a, b) -> Boolean.compare(isLeader(leader, a), isLeader(leader, b))).toList();
        for (String host : order) {
            context.cancellation().throwIfCancelled();
            ClusterStatus before = HealthWait.probe(session);
            if (isLeader(before.leader(), host)) {
                Leadership.moveAway(session, context, before, host);
            }
            context.info("restarting " + session.settings().layout().unitName() + " on " + host);
            String unit = session.settings().layout().unitName();
            session.remote(host).run("systemctl restart " + unit).requireOk("restart " + unit + " on " + host);
            HealthWait.await(session, context);
            session.restarted(host);
        }
    }

    private static boolean isLeader(Optional<MemberStatus> leader, String host) {
        return leader.map(l -> l.hostName().equals(host)).orElse(false);
    }
}
