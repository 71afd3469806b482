package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Waits, bounded, for one member to be healthy again before a roll moves to the next member. */
final class MemberHealth {
    private static final Duration POLL = Duration.ofMillis(300);

    private MemberHealth() {
    }

    /** Healthy means this member answers with a leader and the cluster has quorum; others may still be broken. */
    static void await(LifecycleSession session, StepContext context, String host) throws Exception {
        Instant deadline = Instant.now().plus(session.healthTimeout());
        while (true) {
            ClusterStatus status = HealthWait.probe(session);
            Optional<MemberStatus> member = status.members().stream().filter(m -> m.hostName().equals(host)).findFirst();
            if (status.quorum() && member.map(MemberStatus::healthy).orElse(false)) {
                context.info(host + " healthy; cluster " + status.sentence());
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepFailedException(host + " did not become healthy within " + session.healthTimeout()
                        .toSeconds() + " s after its certificate files changed: " + status.sentence()
                        + member.map(m -> " (" + (m.reachable() ? "no leader" : m.error()) + ")").orElse(""),
                        "look at `journalctl -u " + session.settings().layout().unitName() + "` on " + host + "; the old files are in /var/backups/quorum, "
                                + "and re-running the command skips what is done");
            }
            context.cancellation().sleep(POLL);
        }
    }
}
