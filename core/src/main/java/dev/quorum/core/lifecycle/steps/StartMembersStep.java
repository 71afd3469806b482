package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.remote.Outcome;
import dev.quorum.core.threads.DaemonThreads;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Starts every stopped member at once (a lone first member would block until a quorum is up)
 * and waits, bounded, until the cluster is healthy. Install's bootstrap and a restore both need it.
 */
public final class StartMembersStep extends ClusterStep {
    /** A thread of its own for work beside an SSH exchange, so it never waits for (or holds up) a shared pool. */
    private static final Executor ASIDE = DaemonThreads.ownThread("quorum-start-aside");

    public StartMembersStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Start " + unit() + " on all members together and wait for health";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("systemctl start --no-block " + unit() + "   # on every stopped member at once",
                "etcdctl endpoint health --cluster   # until healthy, at most " + session.healthTimeout().toSeconds() + " s");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> stoppedAtPreflight = stoppedAtPreflight();
        if (!stoppedAtPreflight.isEmpty()) {
            return Check.needed(unit() + " not running on " + String.join(", ", stoppedAtPreflight)
                    + " when this run's preflight looked");
        }
        List<String> stopped = activeAtPreflight() ? List.of() : stoppedMembers();
        if (!stopped.isEmpty()) {
            return Check.needed(unit() + " not running on " + String.join(", ", stopped));
        }
        if (!session.hasPki()) {
            return Check.needed("no client certificate yet to check health with");
        }
        ClusterStatus status = HealthWait.settled(context, () -> HealthWait.probeHealth(session));
        return status.healthy() ? Check.done("all members running; " + status.sentence())
                : Check.needed("running but not healthy yet: " + status.sentence());
    }

    /**
     * Every member's unit was active when this run's preflight looked (decision 0052): then the health probe below
     * is the check, with no round trip to ask systemd again. A member stopped since does not answer that probe, so
     * the check still says needed, and the change asks systemd itself.
     */
    private boolean activeAtPreflight() {
        return hostNames().stream().allMatch(session::etcdActive);
    }

    /**
     * The members this run's preflight saw without an active unit, when it looked at every member (decision 0061): the
     * change is then needed without asking systemd again. A member started since is left alone by the change's own
     * command (it starts only units that are not active), so a stale answer costs nothing but this check's word.
     */
    private List<String> stoppedAtPreflight() {
        if (!hostNames().stream().allMatch(host -> session.facts(host).isPresent())) {
            return List.of();
        }
        return hostNames().stream().filter(host -> !session.etcdActive(host)).toList();
    }

    private List<String> stoppedMembers() {
        Map<String, Outcome<Boolean>> active = FanOut.forEach(hostNames(), hostNames().size(),
                host -> UnitState.ask(session.remote(host), unit()) == UnitState.ACTIVE);
        return active.entrySet().stream()
                .filter(e -> !e.getValue().ok() || !e.getValue().value())
                .map(Map.Entry::getKey).toList();
    }

    private List<String> hostNames() {
        return session.members().stream().map(EtcdMember::hostName).toList();
    }

    /**
     * One exchange per member, all at once: a member whose unit is not active is started (without waiting for it),
     * an active one is left alone (decision 0056: the check's own answer is not asked for again).
     */
    @Override
    public void apply(StepContext context) throws Exception {
        // the etcd client (TLS set-up, and in a fresh process gRPC's and netty's classes) is built while the hosts start
        // etcd, not after: the health wait's first probe would otherwise pay for it (decision 0061)
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> session.cluster().sharedEtcd(), ASIDE);
        String unit = unit();
        Map<String, Outcome<String>> started = FanOut.forEach(hostNames(), hostNames().size(), host ->
                session.remote(host).run("if ! systemctl is-active --quiet " + unit + "; then systemctl reset-failed "
                        + unit + " 2>/dev/null; systemctl start --no-block " + unit + " && echo started; fi")
                        .requireOk("start " + unit + " on " + host).stdout());
        for (var entry : started.entrySet()) {
            if (!entry.getValue().ok()) {
                throw new StepFailedException("cannot start " + unit + " on " + entry.getKey() + ": "
                        + entry.getValue().error().getMessage(), "see `journalctl -u " + unit + "` on that host");
            }
        }
        List<String> stopped = hostNames().stream().filter(h -> String.valueOf(started.get(h).value()).contains("started"))
                .toList();
        if (!stopped.isEmpty()) {
            context.info("started " + unit + " on " + String.join(", ", stopped));
        }
        client.exceptionally(failed -> null).join(); // a client that cannot be built fails in the wait, with its reason
        HealthWait.await(session, context);
    }

    /**
     * After the wait saw the cluster healthy: every unit active (asked of systemd) and the cluster healthy (probed),
     * both asked at once rather than one after the other (decision 0061). etcd serves clients a moment before it
     * tells systemd it is ready, and a Type=notify unit says "activating" until systemd has read that: so a unit
     * not yet active is asked again, briefly, as every cluster step's verification does.
     */
    @Override
    public void verify(StepContext context) throws Exception {
        verifySettled(context, this::runningAndHealthy);
    }

    private Check runningAndHealthy() {
        CompletableFuture<ClusterStatus> health = CompletableFuture.supplyAsync(() -> HealthWait.probeHealth(session), ASIDE);
        List<String> stopped = stoppedMembers();
        ClusterStatus status = health.join();
        if (!stopped.isEmpty()) {
            return Check.needed(unit() + " not running on " + String.join(", ", stopped));
        }
        return status.healthy() ? Check.done("all members running; " + status.sentence())
                : Check.needed("running but not healthy yet: " + status.sentence());
    }

    private String unit() {
        return session.settings().layout().unitName();
    }
}
