package dev.quorum.core.lifecycle.certs;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.remote.FanOut;
import java.util.List;

/**
 * For a cluster without quorum only: restarts every member at once so they meet again with their
 * new certificates. One at a time cannot work here: no member can be confirmed healthy alone.
 */
final class RestartTogetherStep extends ClusterStep {
    private final RenewalRun run;

    RestartTogetherStep(RenewalRun run) {
        super(run.session());
        this.run = run;
    }

    @Override
    public String title() {
        return "Without quorum: restart every member together";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# only when the cluster had no quorum:", "systemctl restart --no-block etcd   # on every member",
                "etcdctl endpoint health --cluster");
    }

    @Override
    public Check check(StepContext context) {
        if (run.mode() != RenewalMode.ALL_AT_ONCE) {
            return Check.done("not needed: the members took their certificates one at a time");
        }
        return HealthWait.probe(session).healthy() ? Check.done("the cluster is healthy again")
                : Check.needed("no quorum: every member restarts with its new certificates");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        List<String> hosts = session.members().stream().map(EtcdMember::hostName).toList();
        context.info("restarting etcd on " + String.join(", ", hosts));
        FanOut.forEach(hosts, hosts.size(), host -> session.remote(host)
                .run("systemctl reset-failed etcd 2>/dev/null; systemctl restart --no-block etcd")
                .requireOk("restart etcd on " + host)).forEach((host, outcome) -> outcome.valueOrThrow());
        HealthWait.await(session, context);
    }
}
