package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterProbe;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EtcdAdmin;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.remote.RemoteHost;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Polls the cluster until every member is healthy, within a bounded time; says why not if it gives up. */
public final class HealthWait {
    private static final Duration POLL = Duration.ofMillis(300);
    /**
     * Between the health probes while members start (decision 0056): a new cluster elects within about one election
     * timeout of its members' start, and each probe costs three quick gRPC calls, so polling more often only
     * shortens the wait for the answer. Still a sleep between probes, never a busy loop; the deadline bounds it.
     */
    private static final Duration START_POLL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FOLLOWERS_SETTLE = Duration.ofSeconds(3);

    private HealthWait() {
    }

    /** Health alone, without the members' /version (decision 0052): for the start's check and waits. */
    public static ClusterStatus probeHealth(LifecycleSession session) {
        return ClusterProbe.probeHealth(session.cluster().sharedEtcd(), session.members(), PROBE_TIMEOUT,
                session.cluster().silentEndpoints());
    }

    public static ClusterStatus probe(LifecycleSession session) {
        return ClusterProbe.probe(session.cluster().sharedEtcd(), session.members(), PROBE_TIMEOUT,
                session.cluster().silentEndpoints());
    }

    /**
     * A probe for a step's check: a cluster seen unhealthy is asked again for up to {@link #FOLLOWERS_SETTLE}, so one
     * answer slowed by a busy host does not make a re-run's verification a change. A cluster that stays unhealthy is
     * what the step's change waits for. A cluster unhealthy only where members' ports refuse the connection (nothing
     * listens: etcd is stopped or not installed there, as in a replace's plan before the new member exists) is not
     * asked again: a moment does not change that.
     */
    static ClusterStatus settled(StepContext context, Supplier<ClusterStatus> probe) throws Exception {
        ClusterStatus status = probe.get();
        Instant settled = Instant.now().plus(FOLLOWERS_SETTLE);
        while (!status.healthy() && !status.unhealthyOnlyWhereNothingListens() && Instant.now().isBefore(settled)) {
            context.cancellation().sleep(POLL);
            status = probe.get();
        }
        return status;
    }

    /**
     * The live cluster's status once any election under way has ended: right after its leader is
     * lost a cluster commits nothing for one to two election timeouts. While a majority of voters
     * answers, wait that long (bounded) before reporting quorum lost.
     */
    public static ClusterStatus afterElection(LifecycleSession session, StepContext context, LiveCluster live)
            throws Exception {
        Duration election = Duration.ofMillis(session.cluster().inventory().etcd().electionMillis());
        Instant deadline = Instant.now().plus(election.multipliedBy(2)).plusSeconds(2);
        ClusterStatus status = live.probe(session.cluster());
        boolean said = false;
        while (!status.quorum() && status.majorityReachable() && Instant.now().isBefore(deadline)) {
            if (!said) {
                context.info("no leader right now (" + status.sentence() + "); a majority answers, waiting for an "
                        + "election");
                said = true;
            }
            context.cancellation().sleep(POLL);
            status = live.probe(session.cluster());
        }
        // A new leader is known to the followers only with its first heartbeats: let them hear it. An
        // election may also have ended during the probe itself (its linearizable read waits for the
        // new leader, the members' status calls do not), so this holds whether or not we saw it start.
        Instant settled = Instant.now().plus(FOLLOWERS_SETTLE);
        while (status.quorum() && answeringWithoutLeader(status) && Instant.now().isBefore(settled)) {
            context.cancellation().sleep(POLL);
            status = live.probe(session.cluster());
        }
        return status;
    }

    private static boolean answeringWithoutLeader(ClusterStatus status) {
        return status.members().stream().anyMatch(m -> m.reachable() && !m.healthy());
    }

    public static ClusterStatus await(LifecycleSession session, StepContext context) throws Exception {
        Instant deadline = Instant.now().plus(session.healthTimeout());
        EtcdAdmin admin = session.cluster().sharedEtcd();
        String last = "";
        while (true) {
            ClusterStatus status = ClusterProbe.probeHealth(admin, session.members(), PROBE_TIMEOUT,
                    session.cluster().silentEndpoints());
            if (status.healthy()) {
                context.info("cluster healthy: " + status.sentence());
                return status;
            }
            String now = status.sentence();
            if (!now.equals(last)) {
                context.info("waiting for health: " + now);
                last = now;
            }
            if (Instant.now().isAfter(deadline)) {
                String which = unhealthy(status);
                // Every member may answer with a leader while the cluster is still not as the inventory says.
                throw new StepFailedException("the cluster did not become healthy within "
                        + session.healthTimeout().toSeconds() + " s: " + (which.isEmpty() ? status.sentence() : which)
                        + journal(session, status),
                        "look at `journalctl -u " + session.settings().layout().unitName() + "` on the unhealthy hosts; fix the cause and re-run (steps already done check ok and change nothing)");
            }
            context.cancellation().sleep(START_POLL);
        }
    }

    private static String unhealthy(ClusterStatus status) {
        return status.members().stream().filter(m -> !m.healthy())
                .map(m -> m.memberName() + " (" + (m.reachable() ? "no leader" : m.error()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The last etcd log lines of one unhealthy member: the usual place the real reason is. */
    private static String journal(LifecycleSession session, ClusterStatus status) {
        for (MemberStatus member : status.members()) {
            if (!member.healthy()) {
                try {
                    RemoteHost remote = session.remote(member.hostName());
                    String tail = remote.run("journalctl -u " + session.settings().layout().unitName() + " -n 5 --no-pager 2>/dev/null | tail -n 5").stdout().strip();
                    return tail.isEmpty() ? "" : "; last log lines on " + member.hostName() + ":\n" + tail;
                } catch (Exception e) {
                    return "";
                }
            }
        }
        return "";
    }
}
