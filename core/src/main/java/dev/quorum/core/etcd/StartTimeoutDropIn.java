package dev.quorum.core.etcd;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.Shell;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    /** Prints the start timeout systemd will apply ({@code TimeoutStartUSec=}) and the drop-ins it read. */
    public static String effectiveCommand(ClusterLayout layout) {
        return "systemctl show -p TimeoutStartUSec -p DropInPaths " + Shell.quote(layout.unitName());
    }

    /**
     * What to say when the start timeout is still finite though the drop-in is in ({@code shown} is
     * {@link #effectiveCommand}'s output): drop-ins merge by file name, so an admin's drop-in whose name sorts after
     * ours (say {@code timeout.conf}) still sets it. Said, not refused: most joins are done well within any timeout,
     * and a start that is killed ends in the catch-up wait's own failure, which repeats this. Empty when lifted, or
     * when systemd did not say (nothing to say then that the wait would not).
     */
    public static Optional<String> limitLeft(String host, String shown) {
        Map<String, String> properties = new HashMap<>();
        shown.lines().map(line -> line.split("=", 2)).filter(kv -> kv.length == 2)
                .forEach(kv -> properties.put(kv[0].strip(), kv[1].strip()));
        String limit = properties.getOrDefault("TimeoutStartUSec", "");
        if (limit.isEmpty() || "infinity".equals(limit)) {
            return Optional.empty();
        }
        return Optional.of("systemd would still stop this start of etcd on " + host + " after " + limit
                + ": a drop-in whose name sorts after " + NAME + " sets TimeoutStartSec (drop-ins read: "
                + properties.getOrDefault("DropInPaths", "not shown") + "). A join that takes longer is killed and "
                + "starts over; for a large database or a thin link, rename that drop-in to sort before " + NAME
                + " or set TimeoutStartSec=infinity in it, run systemctl daemon-reload, and re-run");
    }

    /**
     * Removes the drop-in, then its directory only if empty (a restore's drop-in there keeps it), and has systemd
     * forget it: later starts get the unit's own timeout back.
     */
    public static String removeCommand(ClusterLayout layout) {
        return InitialCheckDropIn.removeFromDirectory(layout, path(layout));
    }
}
