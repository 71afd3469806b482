package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.remote.FanOut;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * For a cluster without quorum only: gives the members a moment to find each other with their new
 * certificates, then restarts every member at once if they did not (a member in a crash loop, or
 * one that gave up). One at a time cannot work here: no member can be confirmed healthy alone.
 */
final class RestartTogetherStep extends ClusterStep {
    private static final Duration HEAL_ALONE = Duration.ofSeconds(12);
    private static final Duration POLL = Duration.ofMillis(500);

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
        return List.of("# only when the cluster had no quorum:", "systemctl restart --no-block " + unit() + "   # on every member",
                "etcdctl endpoint health --cluster");
    }

    @Override
    public Check check(StepContext context) {
        if (run.mode() != RenewalMode.ALL_AT_ONCE) {
            return Check.done("not needed: the members took their certificates one at a time");
        }
        return HealthWait.probe(session).healthy()
                ? Check.done("the members reconnected with their new certificates; no restart needed")
                : Check.needed("no quorum yet with the new certificates");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        List<String> hosts = session.members().stream().map(EtcdMember::hostName).toList();
        if (anyRunning(hosts) && healsAlone(context)) {
            context.info("the members reconnected with their new certificates; no restart needed");
            HealthWait.await(session, context);
            return;
        }
        context.info("restarting " + unit() + " on " + String.join(", ", hosts));
        TogetherRestart.of(session, hosts);
        HealthWait.await(session, context);
    }

    /** etcd, or etcd-events for the events cluster's session (a fixed word of the layout). */
    private String unit() {
        return session.settings().layout().unitName();
    }

    private boolean anyRunning(List<String> hosts) {
        // "activating" too: without quorum a Type=notify etcd never reports ready, yet it runs and redials.
        return FanOut.forEach(hosts, hosts.size(), host -> session.remote(host).run("systemctl is-active " + unit())
                        .stdout().strip())
                .values().stream().anyMatch(outcome -> outcome.ok()
                        && ("active".equals(outcome.value()) || "activating".equals(outcome.value())));
    }

    /**
     * etcd reads its certificate files on each new connection and keeps redialling its peers, so
     * members that kept running often find each other again within an election or two.
     */
    private boolean healsAlone(StepContext context) throws Exception {
        Instant deadline = Instant.now().plus(HEAL_ALONE);
        while (Instant.now().isBefore(deadline)) {
            if (HealthWait.probe(session).quorum()) {
                return true;
            }
            context.cancellation().sleep(POLL);
        }
        return false;
    }
}
