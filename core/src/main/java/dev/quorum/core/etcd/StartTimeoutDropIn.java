package dev.quorum.core.etcd;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.Shell;

/**
 * A runtime systemd drop-in that lifts the start timeout ({@code TimeoutStartSec=infinity}) for a joining member's
 * first start (decision 0066). The unit is {@code Type=notify}, as Kubespray writes it, and etcd reports ready only
 * once it has caught up with the leader and published itself; systemd's default start timeout (90 s) kills a learner
 * still receiving the leader's snapshot over a slow link or with a large database, and {@code Restart=always} starts
 * it from nothing again: a join that never ends. The drop-in lives in {@code /run} (gone at a reboot) and is removed
 * once the member is active; the unit file itself stays Kubespray's.
 */
public final class StartTimeoutDropIn {
    static final String NAME = "quorum-join.conf";

    private StartTimeoutDropIn() {
    }

    public static String path(ClusterLayout layout) {
        return InitialCheckDropIn.directory(layout) + "/" + NAME;
    }

    /** Writes the drop-in and has systemd read it; the next start of the unit has no start timeout. */
    public static String writeCommand(ClusterLayout layout) {
        return "mkdir -p -- " + Shell.quote(InitialCheckDropIn.directory(layout)) + " && printf '%s\\n' '[Service]' "
                + "'TimeoutStartSec=infinity' > " + Shell.quote(path(layout)) + " && systemctl daemon-reload";
    }

    /**
     * Removes the drop-in, then its directory only if empty (a restore's drop-in there keeps it), and has systemd
     * forget it: later starts get the unit's own timeout back.
     */
    public static String removeCommand(ClusterLayout layout) {
        return InitialCheckDropIn.removeFromDirectory(layout, path(layout));
    }
}
