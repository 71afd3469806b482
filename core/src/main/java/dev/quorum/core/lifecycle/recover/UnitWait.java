package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.time.Duration;
import java.time.Instant;

/**
 * etcd's unit on a recover step's target: its name and state, and a wait for it that fails with the unit's last log
 * lines once time is up. Shared by the steps that start and restart etcd.
 */
final class UnitWait {
    /** What is awaited, asked again every half second. */
    interface Condition {
        boolean met() throws Exception;
    }

    private UnitWait() {
    }

    /** The cluster's own unit: etcd or etcd-events (decision 0043). */
    static String unit(ClusterSession cluster) {
        return cluster.inventory().layout().unitName();
    }

    /** What {@code systemctl is-active} says of the unit on the step's target ("active", "activating", ...). */
    static String state(ClusterSession cluster, StepContext context) throws Exception {
        return cluster.remote(context.target()).run("systemctl is-active " + unit(cluster)).stdout().strip();
    }

    /** Returns once {@code done} is met; else fails saying the unit was not {@code what} within {@code timeout}. */
    static void until(ClusterSession cluster, StepContext context, Duration timeout, String what, Condition done)
            throws Exception {
        String unit = unit(cluster);
        Instant deadline = Instant.now().plus(timeout);
        while (!done.met()) {
            if (Instant.now().isAfter(deadline)) {
                String log = cluster.remote(context.target()).run("journalctl -u " + unit
                        + " -n 5 --no-pager 2>/dev/null").stdout().strip();
                throw new StepFailedException(unit + " on " + context.target() + " was not " + what + " within "
                        + timeout.toSeconds() + " s" + (log.isEmpty() ? "" : "; last log lines:\n" + log),
                        "read its log (journalctl -u " + unit + "); if its data is damaged, run quorum recover again "
                                + "to re-seed it");
            }
            context.cancellation().sleep(Duration.ofMillis(250));
        }
    }
}
